import { describe, expect, it } from 'vitest';
import { globToRegExp, matchesGlobs } from '../../src/pipeline/glob.js';

const matches = (glob: string, path: string, isDir = false): boolean => matchesGlobs(path, [globToRegExp(glob)], isDir);

describe('globs', () => {
  it.each([
    ['src/**', 'src/a.ts', true],
    ['src/**', 'src/deep/a.ts', true],
    ['src/**', 'lib/a.ts', false],
    ['src', 'src/deep/a.ts', true],
    ['./src/', 'src/a.ts', true],
    ['**/*.test.ts', 'a.test.ts', true],
    ['**/*.test.ts', 'x/y/a.test.ts', true],
    ['**/*.test.ts', 'x/y/a.ts', false],
    ['*.ts', 'a.ts', true],
    ['*.ts', 'x/a.ts', false],
    ['src/*.ts', 'src/x/a.ts', false],
    ['src/?.ts', 'src/a.ts', true],
    ['src/?.ts', 'src/ab.ts', false],
    ['**/*.{js,mjs}', 'a/b.mjs', true],
    ['**/*.{js,mjs}', 'a/b.ts', false],
    ['[ab].ts', 'b.ts', true],
    ['[!ab].ts', 'b.ts', false],
    ['a.b/**', 'axb/c.ts', false],
    ['**/generated/**', 'x/generated/a.ts', true],
  ])('%s ~ %s → %s', (glob, path, expected) => expect(matches(glob, path)).toBe(expected));

  it('matches a folder itself for `folder/**`, so it can be pruned', () => {
    expect(matches('dist/**', 'dist', true)).toBe(true);
    expect(matches('dist/**', 'dist', false)).toBe(false);
  });

  it('matches nothing with no globs', () => expect(matchesGlobs('a.ts', [])).toBe(false));
});
