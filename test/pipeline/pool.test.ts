// The worker pool end to end through the built CLI: the same results as the main thread, whatever the workers did
// ahead of the project index, and a worker that dies fails only its file.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { BIN } from '../cli/cli.js';
import { git, initRepo, makeTree } from './tree.js';

let cleanup = (): void => {};
afterEach(() => cleanup());

function migrate(dir: string, args: string[], env: Record<string, string> = {}): { code: number | null; report: any } {
  const run = spawnSync(process.execPath, [BIN, 'migrate', '--json', ...args], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', ...env },
  });
  const report = JSON.parse(run.stdout);
  report.summary.ms = 0;
  return { code: run.status, report };
}

const CLIENT = "import OpenAI from 'openai';\nexport const client = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });\n";
/** A candidate (it imports openai) whose model argument only the project index's facts about `client` can rewrite. */
const user = (i: number): string =>
  `import OpenAI from 'openai';\nimport { client } from './client';\n` +
  `export const embed${i} = () => client.embeddings.create({ model: 'text-embedding-3-small', input: 'x' });\n` +
  `export const other${i} = new OpenAI();\n`;

function tree(count: number, make: (i: number) => string, extra: Record<string, string> = {}): { dir: string; names: string[] } {
  const files: Record<string, string> = { ...extra };
  for (let i = 0; i < count; i++) files[`src/m${String(i).padStart(2, '0')}.ts`] = make(i);
  const t = makeTree(files);
  cleanup = t.cleanup;
  initRepo(t.dir);
  return { dir: t.dir, names: Object.keys(files).sort() };
}

const texts = (dir: string, names: string[]): string[] => names.map((n) => readFileSync(`${dir}/${n}`, 'utf8'));

describe('worker pool', () => {
  it('transforms files the project index has facts for with those facts, not with the result made ahead of it', () => {
    const { dir, names } = tree(70, user, { 'src/client.ts': CLIENT });
    const pooled = migrate(dir, ['--workers', '2']);
    const pooledTexts = texts(dir, names);
    expect(pooledTexts.filter((t) => t.includes('AZURE_OPENAI_DEPLOYMENT_TEXT_EMBEDDING_3_SMALL'))).toHaveLength(70);
    git(dir, 'checkout', '-q', '.');
    const single = migrate(dir, ['--workers', '1']);
    expect(texts(dir, names)).toEqual(pooledTexts);
    expect(pooled).toEqual(single);
    expect(pooled.report.summary).toMatchObject({ candidates: 71, changed: 71, failed: 0 });
  }, 120_000);

  it('a worker that dies fails only the file it held; the others are migrated and reported in order', () => {
    // m35 has facts, so a worker (never the main thread) processes it, whichever of them transformed it ahead.
    const { dir, names } = tree(70, user, { 'src/client.ts': CLIENT });
    const run = migrate(dir, ['--workers', '2'], { OPENAI_TO_AZURE_TEST_CRASH_ON: 'm35.ts' });
    expect(run.code).toBe(1);
    expect(run.report.summary).toMatchObject({ candidates: 71, changed: 70, failed: 1 });
    expect(run.report.files.map((f: { path: string }) => f.path)).toEqual(names);
    expect(run.report.files[names.indexOf('src/m35.ts')]).toEqual({
      path: 'src/m35.ts',
      status: 'failed',
      error: 'worker crashed: exited with code 70',
    });
    const after = texts(dir, names);
    expect(after[names.indexOf('src/m35.ts')]).toBe(user(35));
    expect(after.filter((t) => t.includes('AzureOpenAI'))).toHaveLength(70);
  }, 120_000);
});
