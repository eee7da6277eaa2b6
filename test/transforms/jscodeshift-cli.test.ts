/**
 * Each transform is also a plain jscodeshift module (contract): run the built one through the real CLI.
 * Needs `npm run build` first (the `npm test` script does it).
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const BUILT = join(ROOT, 'dist', 'transforms', 'openai-client.js');
const CLI = join(ROOT, 'node_modules', 'jscodeshift', 'bin', 'jscodeshift.js');
const FIXTURES = join(ROOT, 'fixtures', 'openai-client');
const work = mkdtempSync(join(tmpdir(), 'o2a-jscodeshift-'));

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe.skipIf(!existsSync(BUILT))('dist/transforms/openai-client.js under the jscodeshift CLI', () => {
  it('migrates client construction and model names on its own', () => {
    // Cases with no markers: the standalone module (client + models) matches the pipeline there.
    const cases = ['esm-default-import.input.ts', 'cjs-aliased-require.input.cjs'];
    for (const c of cases) copyFileSync(join(FIXTURES, c), join(work, c));
    execFileSync(process.execPath, [CLI, '-t', BUILT, '--parser=ts', '--extensions=ts,cjs', work], { stdio: 'pipe' });
    for (const c of cases) {
      const expected = readFileSync(join(FIXTURES, c.replace('.input.', '.output.')), 'utf8');
      expect(readFileSync(join(work, c), 'utf8')).toBe(expected);
    }
  });

  it('takes migration options as CLI flags', () => {
    const c = 'v1-target.input.ts';
    copyFileSync(join(FIXTURES, c), join(work, c));
    execFileSync(process.execPath, [CLI, '-t', BUILT, '--parser=ts', '--target=v1', join(work, c)], { stdio: 'pipe' });
    expect(readFileSync(join(work, c), 'utf8')).toBe(readFileSync(join(FIXTURES, 'v1-target.output.ts'), 'utf8'));
  });
});

const AI_SDK_BUILT = join(ROOT, 'dist', 'transforms', 'ai-sdk.js');
const AI_SDK_FIXTURES = join(ROOT, 'fixtures', 'ai-sdk');

describe.skipIf(!existsSync(AI_SDK_BUILT))('dist/transforms/ai-sdk.js under the jscodeshift CLI', () => {
  it('migrates the AI SDK provider and its model ids on its own, with CLI flags', () => {
    const dir = mkdtempSync(join(work, 'ai-sdk-'));
    const cases: [string, string[]][] = [
      ['default-instance.input.ts', []],
      ['require.input.cjs', []],
      ['default-instance-v1.input.ts', ['--target=v1']],
    ];
    for (const [c, flags] of cases) {
      copyFileSync(join(AI_SDK_FIXTURES, c), join(dir, c));
      execFileSync(process.execPath, [CLI, '-t', AI_SDK_BUILT, '--parser=ts', ...flags, join(dir, c)], { stdio: 'pipe' });
      expect(readFileSync(join(dir, c), 'utf8'), c).toBe(readFileSync(join(AI_SDK_FIXTURES, c.replace('.input.', '.output.')), 'utf8'));
    }
  });
});
