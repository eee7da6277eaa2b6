// `--shard i/n`: the partition is stable and validated, and a property over random trees: every shard run on a fresh
// copy changes a disjoint set of files, and the shards' changes merged give the unsharded run's tree byte for byte.
import { cpSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_OPTIONS, type MigrationOptions } from '../../src/core/index.js';
import { migrate } from '../../src/pipeline/migrate.js';
import type { Report } from '../../src/pipeline/report.js';
import { CONFIG_SHARD, parseShard, shardOf, type Shard } from '../../src/pipeline/shard.js';
import { makeTree } from './tree.js';

describe('parseShard / shardOf', () => {
  it('reads <i>/<n> with 1 ≤ i ≤ n and says what is wrong otherwise', () => {
    expect(parseShard('2/4')).toEqual({ index: 2, count: 4 });
    expect(parseShard(' 1/1 ')).toEqual({ index: 1, count: 1 });
    expect(parseShard('0/4')).toMatch(/between 1 and 4, got 0/);
    expect(parseShard('5/4')).toMatch(/between 1 and 4, got 5/);
    expect(parseShard('1/0')).toMatch(/at least 1, got 0/);
    for (const bad of ['2', '2/', '/4', '-1/4', '1.5/4', 'a/b', '2/4/8', '']) expect(parseShard(bad)).toMatch(/expected <i>\/<n>/);
  });

  it('is a fixed function of the path (the same on every machine), spread over every part', () => {
    // Pinned values: a change of hash would silently re-partition every CI matrix between versions.
    expect(['src/a.ts', 'src/b.ts', 'packages/x/index.tsx', 'ä/ü.ts'].map((p) => shardOf(p, 4))).toEqual([4, 2, 3, 4]);
    const counts = [0, 0, 0, 0];
    for (let i = 0; i < 400; i++) counts[shardOf(`src/file-${i}.ts`, 4) - 1]!++;
    for (const c of counts) expect(c).toBeGreaterThan(60);
    expect(shardOf('anything', 1)).toBe(1);
  });
});

/** A small deterministic PRNG (mulberry32), so a failing tree is reproducible from its seed. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const MODELS = ['gpt-4o', 'gpt-4o-mini', 'gpt-4.1', 'o3-mini'];

/** Code shapes a tree is made of: each gets the shared client module and model constants to import. */
const SHAPES: readonly ((pick: <T>(xs: readonly T[]) => T, up: string) => string)[] = [
  // Uses the client and a model constant exported from other files.
  (_pick, up) =>
    `import { client } from '${up}lib/client';\nimport { CHAT_MODEL } from '${up}lib/models';\n` +
    `export const ask = (q: string) => client.chat.completions.create({ model: CHAT_MODEL, messages: [{ role: 'user', content: q }] });\n`,
  // Its own client, a literal model.
  (pick) =>
    `import OpenAI from 'openai';\nconst openai = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });\n` +
    `export const run = () => openai.chat.completions.create({ model: '${pick(MODELS)}', messages: [] });\n`,
  // A class-field client.
  (pick) =>
    `import OpenAI from 'openai';\nexport class Job {\n  private ai = new OpenAI();\n` +
    `  go() {\n    return this.ai.embeddings.create({ model: '${pick(['text-embedding-3-small', 'text-embedding-3-large'])}', input: 'x' });\n  }\n}\n`,
  // CommonJS require with an alias.
  (pick) =>
    `const { OpenAI: Client } = require('openai');\nconst c = new Client();\n` +
    `module.exports = () => c.chat.completions.create({ model: '${pick(MODELS)}', messages: [] });\n`,
  // The AI SDK provider.
  (pick) =>
    `import { openai } from '@ai-sdk/openai';\nimport { generateText } from 'ai';\n` +
    `export const say = (prompt: string) => generateText({ model: openai('${pick(MODELS)}'), prompt });\n`,
  // A model constant used only through the shared client elsewhere.
  (_pick, up) =>
    `import { client } from '${up}lib/client';\nimport { EMBEDDING_MODEL } from '${up}lib/models';\n` +
    `export const embed = (input: string) => client.embeddings.create({ model: EMBEDDING_MODEL, input });\n`,
  // Nothing to do with OpenAI.
  () => `export const add = (a: number, b: number) => a + b;\n`,
  // Does not parse: stays as it is in every run.
  () => `import OpenAI from 'openai';\nconst x = new OpenAI({ apiKey: ;\n`,
];

const EXTENSIONS = ['ts', 'ts', 'tsx', 'js', 'mts'];
const FOLDERS = ['src', 'src/routes', 'src/services', 'app', 'packages/web/src'];

function randomTree(seed: number): Record<string, string> {
  const rand = random(seed);
  const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const tree: Record<string, string> = {
    'src/lib/client.ts': `import OpenAI from 'openai';\nexport const client = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });\n`,
    'src/lib/models.ts': `export const CHAT_MODEL = '${pick(MODELS)}';\nexport const EMBEDDING_MODEL = 'text-embedding-3-small';\n`,
    'package.json': '{\n  "name": "app",\n  "dependencies": {\n    "@ai-sdk/openai": "^3.0.0",\n    "ai": "^6.0.0",\n    "openai": "^7.0.0"\n  }\n}\n',
    'packages/web/package.json': '{\n  "name": "web",\n  "dependencies": {\n    "@ai-sdk/openai": "^3.0.0"\n  }\n}\n',
    '.env.example': `# keys\nOPENAI_API_KEY=\nOPENAI_MODEL=${pick(MODELS)}\nPORT=3000\n`,
    'docker-compose.yml': 'services:\n  app:\n    environment:\n      - OPENAI_API_KEY=${OPENAI_API_KEY}\n',
    '.github/workflows/ci.yml': 'on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    env:\n      OPENAI_API_KEY: ${{ secrets.OPENAI_API_KEY }}\n    steps:\n      - run: npm test\n',
  };
  const files = 8 + Math.floor(rand() * 10);
  for (let i = 0; i < files; i++) {
    const folder = pick(FOLDERS);
    const up = `${'../'.repeat(folder.split('/').length)}src/`;
    tree[`${folder}/f${i}.${pick(EXTENSIONS)}`] = pick(SHAPES)(pick, up);
  }
  return tree;
}

/** Every file under `dir` (relative, `/`), with its bytes. */
function snapshot(dir: string, base = dir): Map<string, string> {
  const out = new Map<string, string>();
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) for (const [k, v] of snapshot(path, base)) out.set(k, v);
    else out.set(relative(base, path).split(sep).join('/'), readFileSync(path, 'latin1'));
  }
  return out;
}

function changedFiles(before: Map<string, string>, after: Map<string, string>): Map<string, string> {
  expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
  return new Map([...after].filter(([path, text]) => before.get(path) !== text));
}

const cleanups: (() => void)[] = [];
afterAll(() => cleanups.forEach((c) => c()));

async function runOn(source: string, options: MigrationOptions, shard?: Shard): Promise<{ dir: string; report: Report }> {
  const copy = makeTree({});
  cleanups.push(copy.cleanup);
  cpSync(source, copy.dir, { recursive: true });
  const report = await migrate({ cwd: copy.dir, paths: ['.'], options, dryRun: false, workers: 1, shard });
  return { dir: copy.dir, report };
}

const paths = (report: Report): string[] => report.files.map((f) => f.path).sort();

describe('--shard: the union of the shards is the unsharded run', () => {
  const cases: [seed: number, options: Partial<MigrationOptions>][] = [
    [1, {}],
    [7, { auth: 'entra-id' }],
    [42, { target: 'v1' }],
    [2024, { target: 'v1', auth: 'entra-id' }],
  ];

  it.each(cases)('seed %i (%o): disjoint parts, merged byte for byte, config files from part 1', async (seed, extra) => {
    const options: MigrationOptions = { ...DEFAULT_OPTIONS, deployments: {}, ...extra };
    const source = makeTree(randomTree(seed));
    cleanups.push(source.cleanup);
    const original = snapshot(source.dir);
    const whole = await runOn(source.dir, options);
    const expected = changedFiles(original, snapshot(whole.dir));
    const codeChanged = [...expected.keys()].filter((p) => /\.[mc]?[jt]sx?$/.test(p));
    expect(codeChanged.length).toBeGreaterThan(3);
    expect(whole.report.configFiles?.some((f) => f.status === 'changed')).toBe(true);
    let spread = false;

    for (const count of [1, 2, 3, 5]) {
      const merged = new Map<string, string>();
      const reported: string[] = [];
      let partsWithCode = 0;
      for (let index = 1; index <= count; index++) {
        const part = await runOn(source.dir, options, { index, count });
        const changed = changedFiles(original, snapshot(part.dir));
        for (const [path, text] of changed) {
          expect(merged.has(path), `${path} changed by two shards of ${count}`).toBe(false);
          merged.set(path, text);
        }
        // Each shard reports (and changes) only the code files its part owns.
        for (const path of paths(part.report)) expect(shardOf(path, count)).toBe(index);
        for (const path of changed.keys()) if (/\.[mc]?[jt]sx?$/.test(path)) expect(shardOf(path, count)).toBe(index);
        reported.push(...paths(part.report));
        if ([...changed.keys()].some((p) => /\.[mc]?[jt]sx?$/.test(p))) partsWithCode++;
        expect(part.report.summary.shard).toEqual({ index, count });
        if (index === CONFIG_SHARD) {
          expect(part.report.configFiles).toEqual(whole.report.configFiles);
          expect(part.report.deployments).toEqual(whole.report.deployments);
          expect(part.report.env).toEqual(whole.report.env);
        } else {
          expect(part.report.configFiles).toBeUndefined();
        }
      }
      expect(reported.sort()).toEqual(paths(whole.report));
      expect([...merged.keys()].sort()).toEqual([...expected.keys()].sort());
      for (const [path, text] of expected) expect(merged.get(path), path).toBe(text);
      if (partsWithCode > 1) spread = true;
    }
    // The property is not vacuous: some partition really split the changed code between shards.
    expect(spread).toBe(true);
  }, 240_000);
});
