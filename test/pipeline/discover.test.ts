import { writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { discover, discoverCodeAndConfig, isSourceFile } from '../../src/pipeline/discover.js';
import { globToRegExp } from '../../src/pipeline/glob.js';
import { initRepo, makeTree } from './tree.js';

let cleanup = (): void => {};
afterEach(() => cleanup());

async function list(root: string, paths: string[], globs?: Parameters<typeof discover>[1]): Promise<string[]> {
  const out: string[] = [];
  for await (const file of discover(paths, globs)) out.push(relative(root, file).split('\\').join('/'));
  return out;
}

describe('isSourceFile', () => {
  it.each([
    ['a.ts', true],
    ['a.tsx', true],
    ['a.mts', true],
    ['a.cts', true],
    ['a.js', true],
    ['a.jsx', true],
    ['a.mjs', true],
    ['a.cjs', true],
    ['A.TS', true],
    ['a.d.ts', false],
    ['a.d.mts', false],
    ['a.json', false],
    ['a.vue', false],
    ['Makefile', false],
  ])('%s → %s', (name, expected) => expect(isSourceFile(name)).toBe(expected));
});

describe('discover', () => {
  it('walks in a deterministic order and skips node_modules, .git, hidden folders, .d.ts and other files', async () => {
    const t = makeTree({
      'b.ts': '',
      'a/z.js': '',
      'a/y.tsx': '',
      'a.ts': '',
      'types.d.ts': '',
      'data.json': '',
      'node_modules/pkg/index.js': '',
      'sub/node_modules/pkg/index.js': '',
      '.hidden/x.ts': '',
      '.eslintrc.cjs': '',
    });
    cleanup = t.cleanup;
    expect(await list(t.dir, [t.dir])).toEqual(['.eslintrc.cjs', 'a/y.tsx', 'a/z.js', 'a.ts', 'b.ts']);
  });

  it('honours the root, nested and ancestor .gitignore files with git precedence', async () => {
    const t = makeTree({
      '.gitignore': 'dist/\n*.gen.ts\n',
      'pkg/.gitignore': 'local.ts\n!keep.gen.ts\n',
      'pkg/src/.gitignore': '/only-here.ts\n',
      'pkg/src/a.ts': '',
      'pkg/src/only-here.ts': '',
      'pkg/src/deeper/only-here.ts': '',
      'pkg/local.ts': '',
      'pkg/src/local.ts': '',
      'pkg/x.gen.ts': '',
      'pkg/keep.gen.ts': '',
      'pkg/dist/out.js': '',
      'dist/out.js': '',
      'main.ts': '',
    });
    cleanup = t.cleanup;
    initRepo(t.dir);
    const whole = await list(t.dir, [t.dir]);
    expect(whole).toEqual(['main.ts', 'pkg/keep.gen.ts', 'pkg/src/a.ts', 'pkg/src/deeper/only-here.ts']);
    // Walking a subfolder still applies the .gitignore files above it, up to the repository root.
    expect(await list(t.dir, [`${t.dir}/pkg/src`])).toEqual(['pkg/src/a.ts', 'pkg/src/deeper/only-here.ts']);
  });

  it('reads ancestor .gitignore files only up to the git root', async () => {
    const t = makeTree({ '.gitignore': '*.ts\n', 'repo/a.ts': '', 'repo/b.js': '' });
    cleanup = t.cleanup;
    initRepo(`${t.dir}/repo`);
    expect(await list(t.dir, [`${t.dir}/repo`])).toEqual(['repo/a.ts', 'repo/b.js']);
  });

  it('honours .git/info/exclude', async () => {
    const t = makeTree({ 'a.ts': '', 'b.ts': '' });
    cleanup = t.cleanup;
    initRepo(t.dir);
    writeFileSync(`${t.dir}/.git/info/exclude`, 'b.ts\n');
    expect(await list(t.dir, [t.dir])).toEqual(['a.ts']);
  });

  it('yields files named explicitly even if ignored, once, and applies the config globs', async () => {
    const t = makeTree({ '.gitignore': 'gen.ts\n', 'gen.ts': '', 'src/a.ts': '', 'src/a.test.ts': '', 'lib/b.ts': '' });
    cleanup = t.cleanup;
    expect(await list(t.dir, [`${t.dir}/gen.ts`, t.dir, `${t.dir}/src/a.ts`])).toEqual([
      'gen.ts',
      'lib/b.ts',
      'src/a.test.ts',
      'src/a.ts',
    ]);
    const globs = { dir: t.dir, include: [globToRegExp('src/**')], exclude: [globToRegExp('**/*.test.ts')] };
    expect(await list(t.dir, [t.dir], globs)).toEqual(['src/a.ts']);
  });

  it('reads comments and blank lines as no rule, and an escaped # as a pattern', async () => {
    const t = makeTree({
      '.gitignore': '# *.ts\r\n\r\n   \r\n',
      'a.ts': '',
      'pkg/.gitignore': '# comment\n\\#gen.ts\n',
      'pkg/#gen.ts': '',
      'pkg/b.ts': '',
    });
    cleanup = t.cleanup;
    initRepo(t.dir);
    expect(await list(t.dir, [t.dir])).toEqual(['a.ts', 'pkg/b.ts']);
  });

  it('gives the event loop turns during a long walk (a signal is heard before it ends)', async () => {
    const files = Object.fromEntries(Array.from({ length: 300 }, (_, i) => [`d${i}/a.ts`, '']));
    const t = makeTree(files);
    cleanup = t.cleanup;
    let seen = 0;
    let seenAtTurn: number | undefined;
    for await (const _ of discover([t.dir])) if (seen++ === 0) setImmediate(() => (seenAtTurn = seen));
    expect(seen).toBe(300);
    expect(seenAtTurn).toBeLessThan(300);
  });

  it('walks a folder named explicitly even if an ignore file above excludes it, with the ignore files inside it', async () => {
    const t = makeTree({ '.gitignore': 'vendor/\n', 'vendor/a.ts': '', 'vendor/.gitignore': 'gen/\n', 'vendor/gen/b.ts': '' });
    cleanup = t.cleanup;
    initRepo(t.dir);
    expect(await list(t.dir, [t.dir])).toEqual([]);
    expect(await list(t.dir, [`${t.dir}/vendor`])).toEqual(['vendor/a.ts']);
  });
});

describe('discoverCodeAndConfig', () => {
  const TREE = {
    'src/a.ts': '',
    'src/.eslintrc.cjs': '',
    'src/.env.example': '',
    'package.json': '{}',
    'deploy.yaml': '',
    '.gitignore': '.env*\nignored/\n',
    '.github/workflows/ci.yml': '',
    '.github/dependabot.yml': '',
    '.github/scripts/release.ts': '',
    '.vscode/settings.json': '',
    '.hidden/b.ts': '',
    'ignored/c.ts': '',
    'ignored/package.json': '{}',
    'node_modules/x/package.json': '{}',
  };

  async function both(root: string, paths: string[], globs?: Parameters<typeof discoverCodeAndConfig>[1]): Promise<string[]> {
    const out: string[] = [];
    for await (const file of discoverCodeAndConfig(paths, globs)) out.push(relative(root, file).split('\\').join('/'));
    return out;
  }

  it('finds the source files discover finds and the config files (.github/workflows, ignored env templates) in one walk', async () => {
    const t = makeTree(TREE);
    cleanup = t.cleanup;
    const found = await both(t.dir, [t.dir]);
    expect(found.filter((f) => isSourceFile(f))).toEqual(await list(t.dir, [t.dir]));
    expect(found).toContain('src/.eslintrc.cjs');
    expect(found.filter((f) => !isSourceFile(f))).toEqual(['.github/workflows/ci.yml', 'deploy.yaml', 'package.json', 'src/.env.example']);
  });

  it('counts a source file under .github only when a target is inside that folder', async () => {
    const t = makeTree(TREE);
    cleanup = t.cleanup;
    const scripts = `${t.dir}/.github/scripts`;
    expect(await both(t.dir, [scripts])).toEqual(await list(t.dir, [scripts]));
    expect(await both(t.dir, [scripts])).toEqual(['.github/scripts/release.ts']);
  });

  it('applies the config globs to both kinds', async () => {
    const t = makeTree(TREE);
    cleanup = t.cleanup;
    const globs = { dir: t.dir, include: [], exclude: [globToRegExp('src/**')] };
    expect(await both(t.dir, [t.dir], globs)).toEqual(['.github/workflows/ci.yml', 'deploy.yaml', 'package.json']);
  });
});
