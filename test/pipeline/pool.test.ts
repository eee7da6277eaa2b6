// The worker pool end to end through the built CLI: the same results as the main thread, whatever the workers did
// ahead of the project index, and a worker that dies fails only its file.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_OPTIONS } from '../../src/core/index.js';
import type { FileResult } from '../../src/pipeline/types.js';
import { buildProjectIndex } from '../../src/project/index.js';
import { BIN, ROOT } from '../cli/cli.js';
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

/** The built pool and index: the pool's workers run dist/, so the test drives the same build. */
async function built() {
  type Pool = typeof import('../../src/pipeline/pool.js');
  type Index = typeof import('../../src/project/index.js');
  const { WorkerPool } = (await import(`${ROOT}dist/src/pipeline/pool.js`)) as Pool;
  const { ProjectIndexer } = (await import(`${ROOT}dist/src/project/index.js`)) as Index;
  return { WorkerPool, ProjectIndexer };
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

  it('summarises each candidate for the project index in the transform pass, on the workers and the main thread', async () => {
    // The built pool (its workers run dist/): candidates are transformed ahead and summarised from the same parse.
    const { WorkerPool, ProjectIndexer } = await built();
    const models = "export const EMBEDDING_MODEL = 'text-embedding-3-small';\n";
    const price = "import { EMBEDDING_MODEL } from './models';\nexport const PRICE = { [EMBEDDING_MODEL]: 1 };\n";
    const usesModel = (i: number) => `import { EMBEDDING_MODEL } from './models';\n${user(i).replace("'text-embedding-3-small'", 'EMBEDDING_MODEL')}`;
    const { dir, names } = tree(70, (i) => (i % 10 === 0 ? usesModel(i) : user(i)), { 'src/client.ts': CLIENT, 'src/models.ts': models, 'src/price.ts': price });
    const files = names.map((n) => `${dir}/${n}`);
    const candidates = files.filter((f) => /\/(?:m\d+|client)\.ts$/.test(f));
    const input = { cwd: dir, candidates, files };
    const indexer = new ProjectIndexer(input, candidates);
    const pool = new WorkerPool({ cwd: dir, options: DEFAULT_OPTIONS, dryRun: true, diff: false, keepText: false }, 2);
    pool.ahead(candidates, indexer);
    const index = await indexer.done;
    const results: FileResult[] = [];
    await pool.run(candidates.map((file) => ({ file, facts: index.facts[file] })), (r) => results.push(r), {});
    expect(index).toEqual(await buildProjectIndex(input));
    expect(Object.keys(index.facts)).toHaveLength(70);
    // The index read only the two modules outside the candidates (if the workers did not get to them first).
    expect(indexer.summarizedHere.filter((f) => !f.endsWith('/models.ts') && !f.endsWith('/price.ts'))).toEqual([]);
    expect(results.filter((r) => r.status === 'changed')).toHaveLength(71);
  }, 120_000);

  it('transforms candidates streamed during discovery; their summaries reach the project index made afterwards', async () => {
    const { WorkerPool, ProjectIndexer } = await built();
    const { dir, names } = tree(70, user, { 'src/client.ts': CLIENT });
    const candidates = names.map((n) => `${dir}/${n}`);
    const pool = new WorkerPool({ cwd: dir, options: DEFAULT_OPTIONS, dryRun: true, diff: false, keepText: false }, 1);
    pool.stream(candidates.slice(0, 40));
    // Discovery goes on meanwhile: the worker loads the engine and transforms what it was given, with no index yet.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const indexer = new ProjectIndexer({ cwd: dir, candidates, files: candidates }, candidates);
    pool.ahead(candidates, indexer);
    // Resolves only if every summary made before the index existed was handed to it (none is read again here).
    const index = await indexer.done;
    expect(indexer.summarizedHere).toEqual([]);
    const results: FileResult[] = [];
    await pool.run(candidates.map((file) => ({ file, facts: index.facts[file] })), (r) => results.push(r), {});
    expect(results.map((r) => r.path)).toEqual(names);
    expect(results.filter((r) => r.status === 'changed')).toHaveLength(71);
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
