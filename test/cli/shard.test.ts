// `migrate --shard i/n` through the built CLI: validation, what each part writes, and the plan from the config.
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { shardOf } from '../../src/pipeline/shard.js';
import { initRepo, makeTree } from '../pipeline/tree.js';
import { cli } from './cli.js';

let cleanups: (() => void)[] = [];
afterEach(() => {
  cleanups.forEach((c) => c());
  cleanups = [];
});

function repo(files: Record<string, string>): string {
  const t = makeTree(files);
  cleanups.push(t.cleanup);
  initRepo(t.dir);
  return t.dir;
}

const read = (dir: string, path: string): string => readFileSync(`${dir}/${path}`, 'utf8');
const source = (model: string): string =>
  `import OpenAI from 'openai';\nconst c = new OpenAI();\nexport const go = () => c.chat.completions.create({ model: '${model}', messages: [] });\n`;

/** The first `src/<name>N.ts` that part `index` of 2 owns: the test does not depend on which names hash where. */
function ownedName(name: string, index: number): string {
  for (let i = 0; ; i++) if (shardOf(`src/${name}${i}.ts`, 2) === index) return `src/${name}${i}.ts`;
}

const ONE = ownedName('chat', 1);
const TWO = ownedName('embed', 2);
const TREE = {
  [ONE]: source('gpt-4o'),
  [TWO]: source('gpt-4o-mini'),
  '.env.example': 'OPENAI_API_KEY=\n',
};

describe('migrate --shard', () => {
  it.each([
    ['0/2', /between 1 and 2, got 0/],
    ['3/2', /between 1 and 2, got 3/],
    ['1/0', /at least 1, got 0/],
    ['half', /expected <i>\/<n>/],
  ])('refuses --shard %s with exit 2, writing nothing', (value, message) => {
    const dir = repo(TREE);
    const run = cli(dir, 'migrate', '--shard', value);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--shard/);
    expect(run.stderr).toMatch(message);
    expect(read(dir, ONE)).toBe(TREE[ONE]);
  });

  // Each part runs on the same unmigrated tree, as the jobs of a CI matrix do (each on its own checkout).
  it('part 2 writes only its files and no config file or plan; part 1 its files, the config files and the whole plan', () => {
    let dir = repo(TREE);
    const two = cli(dir, 'migrate', '--shard', '2/2', '--plan', 'plan.sh', '--report', 'r.md');
    expect(two.code).toBe(0);
    expect(read(dir, ONE)).toBe(TREE[ONE]);
    expect(read(dir, TWO)).toContain('AzureOpenAI');
    expect(read(dir, '.env.example')).toBe(TREE['.env.example']);
    expect(existsSync(`${dir}/plan.sh`)).toBe(false);
    expect(two.stdout).toMatch(/shard\s+2\/2/);
    expect(two.stdout).toContain('the config files (env templates, YAML, package.json) and the deployment plan are part 1');
    expect(two.stdout).toMatch(/candidates\s+1\n/);
    expect(read(dir, 'r.md')).toContain("Shard: 2/2 (the counts and files are that part's)");

    dir = repo(TREE);
    const one = JSON.parse(cli(dir, 'migrate', '--shard', '1/2', '--plan', 'plan.sh', '--json').stdout);
    expect(one.summary).toMatchObject({ candidates: 1, changed: 1, shard: { index: 1, count: 2 } });
    expect(one.files.map((f: { path: string }) => f.path)).toEqual([ONE]);
    expect(read(dir, ONE)).toContain('AzureOpenAI');
    expect(read(dir, TWO)).toBe(TREE[TWO]);
    // The config files and the plan follow the whole tree: part 2's model is in them too.
    expect(read(dir, '.env.example')).toContain('AZURE_OPENAI_API_KEY=');
    expect(one.deployments.map((d: { model: string }) => d.model)).toEqual(['gpt-4o', 'gpt-4o-mini']);
    expect(read(dir, 'plan.sh')).toMatch(/--model-name "gpt-4o-mini"/);
  }, 60_000);

  it('takes the plan path from the config file (relative to its folder); --plan wins', () => {
    const dir = repo({ ...TREE, 'openai-to-azure.config.json': '{ "plan": "infra/deployments.bicep" }\n' });
    expect(cli(dir, 'migrate', '--dry-run').code).toBe(0);
    expect(read(dir, 'infra/deployments.bicep')).toContain("Microsoft.CognitiveServices/accounts/deployments");
    rmSync(`${dir}/infra`, { recursive: true });
    // From src/: the config is found upward; --plan is relative to the working directory and wins.
    expect(cli(`${dir}/src`, 'migrate', '--dry-run', '--plan', 'here.sh', '.').code).toBe(0);
    expect(read(dir, 'src/here.sh')).toContain('az cognitiveservices account deployment create');
    expect(existsSync(`${dir}/infra`)).toBe(false);
  }, 60_000);

  it('names the config key when its plan file has the wrong extension', () => {
    const dir = repo({ ...TREE, 'openai-to-azure.config.json': '{ "plan": "plan.txt" }\n' });
    const run = cli(dir, 'migrate', '--dry-run');
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/"plan" has an invalid value "plan.txt"/);
  });
});
