import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parse } from '@babel/parser';
import { afterAll, describe, expect, it } from 'vitest';
import { CACHED_PACKAGES } from '../../src/pipeline/compile-cache.js';
import { BIN, ROOT } from '../cli/cli.js';

const SAMPLE_APP = join(ROOT, 'fixtures/sample-app');
const folder = mkdtempSync(join(tmpdir(), 'o2a-compile-cache-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** `migrate --dry-run --json` on the sample app with this compile-cache setting. */
function migrate(setting: string) {
  return spawnSync(process.execPath, [BIN, 'migrate', SAMPLE_APP, '--dry-run', '--json'], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', OPENAI_TO_AZURE_COMPILE_CACHE: setting },
  });
}

/** The `.js` and `.cjs` files of a package that Node loads as CommonJS (its own `node_modules` left out). */
function commonJsFiles(dir: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    const path = join(entry.parentPath, entry.name);
    if (!entry.isFile() || !/\.c?js$/.test(entry.name) || /[\\/]node_modules[\\/]/.test(path.slice(dir.length))) continue;
    if (entry.name.endsWith('.js') && isModuleScope(path)) continue;
    files.push(path);
  }
  return files;
}

/** Whether the nearest package.json above a `.js` file says `"type": "module"`. */
function isModuleScope(file: string): boolean {
  for (let dir = dirname(file); dir !== dirname(dir); dir = dirname(dir)) {
    try {
      return JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).type === 'module';
    } catch {
      // No package.json here: the folder above decides.
    }
  }
  return false;
}

/** Whether a CommonJS file calls `import()` (Node 20 loses the call's loader when the script comes from cached data). */
function callsImport(file: string): boolean {
  const ast = parse(readFileSync(file, 'utf8'), { sourceType: 'unambiguous', allowReturnOutsideFunction: true, errorRecovery: true, plugins: ['flow'] });
  const stack: unknown[] = [ast.program];
  while (stack.length > 0) {
    const node = stack.pop() as Record<string, unknown>;
    if (node.type === 'Import' || node.type === 'ImportExpression') return true;
    for (const value of Object.values(node)) {
      if (Array.isArray(value)) stack.push(...value.filter((v) => v && typeof v === 'object' && typeof v.type === 'string'));
      else if (value && typeof value === 'object' && typeof (value as { type?: unknown }).type === 'string') stack.push(value);
    }
  }
  return false;
}

describe('compile cache', () => {
  it('writes the cache on the first run and gives the same report from it on the next', () => {
    const off = migrate('0');
    expect(off.status).toBe(0);
    const first = migrate(folder);
    const written = readdirSync(folder).flatMap((version) => readdirSync(join(folder, version)));
    expect(written.length).toBeGreaterThan(5);
    const second = migrate(folder);
    expect(readdirSync(folder).flatMap((version) => readdirSync(join(folder, version)))).toEqual(written);
    for (const run of [first, second]) {
      expect(run.status).toBe(0);
      expect(run.stderr).toBe(off.stderr);
      expect(JSON.parse(run.stdout).files).toEqual(JSON.parse(off.stdout).files);
    }
  });

  it('covers only packages whose CommonJS files never call import()', () => {
    const files = CACHED_PACKAGES.flatMap((name) => commonJsFiles(join(ROOT, 'node_modules', name)));
    expect(files.some((file) => file.includes('@babel/parser'))).toBe(true);
    expect(files.filter(callsImport)).toEqual([]);
  });
});
