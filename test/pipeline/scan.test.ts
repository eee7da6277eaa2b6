// The scan (discovery and pre-filter) on this thread and in its worker: the same files, in the same order, with the
// same callbacks. The worker runs only from the build (its script is JavaScript), so both ways are loaded from dist/,
// which `npm test` builds first.
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type * as ScanModule from '../../src/pipeline/scan.js';
import type { FileResult } from '../../src/pipeline/types.js';
import { ROOT } from '../cli/cli.js';
import { initRepo, makeTree, OPENAI_SOURCE } from './tree.js';

const { scan, scansInWorker } = (await import(join(ROOT, 'dist/src/pipeline/scan.js'))) as typeof ScanModule;

let cleanup = (): void => {};
afterEach(() => cleanup());

function tree(files: Record<string, string | Buffer>): string {
  const t = makeTree(files);
  cleanup = t.cleanup;
  initRepo(t.dir);
  return t.dir;
}

const FILES: Record<string, string | Buffer> = {
  '.gitignore': 'ignored/\n',
  'package.json': '{ "dependencies": { "openai": "^4.0.0" } }\n',
  '.env.example': 'OPENAI_API_KEY=\n',
  'src/client.ts': OPENAI_SOURCE,
  'src/uses-client.ts': "import { chat } from './client';\nexport const run = () => chat();\n",
  'src/plain.ts': 'export const x = 1;\n',
  'src/big.ts': `${OPENAI_SOURCE}// ${'x'.repeat(3000)}\n`,
  'src/nul.js': Buffer.concat([Buffer.from(OPENAI_SOURCE), Buffer.from([0, 1])]),
  'src/deep/a/b/c/other.tsx': "import OpenAI from 'openai';\nexport const c = new OpenAI();\n",
  'ignored/client.ts': OPENAI_SOURCE,
  '.github/workflows/ci.yml': 'env:\n  OPENAI_API_KEY: ${{ secrets.OPENAI_API_KEY }}\n',
};

/** A scan with every callback recorded, as comparable plain data. */
async function record(dir: string, inWorker: boolean, paths = ['.']) {
  const events: string[] = [];
  const request = {
    cwd: dir,
    paths,
    maxFileSize: 2000,
    onScan: (n: number) => events.push(`scan ${n}`),
    onSkip: (r: FileResult) => events.push(`skip ${r.path} ${r.reason}`),
  };
  const found = await scan(request, (file) => events.push(`candidate ${file}`), inWorker);
  return { ...found, scanned: [...found.scanned], specifiers: [...found.specifiers], events };
}

describe('scan', () => {
  it('finds the same files in a worker as on this thread, candidates streamed in discovery order', async () => {
    const dir = tree(FILES);
    expect(scansInWorker({ cwd: dir, paths: ['.'] })).toBe(true);
    const here = await record(dir, false);
    const worker = await record(dir, true);
    expect(worker).toEqual(here);
    expect(here.candidates.map((f) => f.slice(dir.length + 1))).toEqual(['src/client.ts', 'src/deep/a/b/c/other.tsx']);
    expect(here.skipped.map((r) => `${r.path}: ${r.reason}`)).toEqual(['src/big.ts: too large: 3.2 kB > 2 kB', 'src/nul.js: binary']);
    expect(here.specifiers).toEqual([
      [join(dir, 'src/plain.ts'), ''],
      [join(dir, 'src/uses-client.ts'), './client'],
    ]);
    expect(here.configFiles.map((f) => f.slice(dir.length + 1)).sort()).toEqual(['.env.example', '.github/workflows/ci.yml', 'package.json']);
  });

  it('scans named files on this thread', async () => {
    const dir = tree(FILES);
    expect(scansInWorker({ cwd: dir, paths: ['src/client.ts'] })).toBe(false);
  });

  it('rejects with the error that stopped the walk, in a worker as on this thread', async () => {
    const dir = tree(FILES);
    const here = await record(dir, false, ['missing']).catch((error: Error) => error);
    const worker = await record(dir, true, ['missing']).catch((error: Error) => error);
    expect(here).toBeInstanceOf(Error);
    expect(worker).toBeInstanceOf(Error);
    expect((worker as NodeJS.ErrnoException).message).toBe((here as NodeJS.ErrnoException).message);
    expect((worker as NodeJS.ErrnoException).code).toBe('ENOENT');
  });

  it('stops at once when the run is stopped, with what it found', async () => {
    const dir = tree(FILES);
    const controller = new AbortController();
    const found = scan({ cwd: dir, paths: ['.'], signal: controller.signal }, () => controller.abort(), true);
    const { candidates } = await found;
    expect(candidates).toHaveLength(1);
  });
});
