// Which files `check` looks at: default ignores, .gitignore files (nested too), explicit paths, --staged.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findingsByFile, git, project, run } from './cli.js';
import { CLEAN, OFFENDERS } from './fixtures.js';

const BAD = OFFENDERS['src/client.ts']!;

function findings(dir: string, args: string[] = []): Record<string, string[]> {
  const res = run(dir, ['check', '--format', 'json', ...args]);
  expect(res.stderr).toBe('');
  return findingsByFile(dir, res.stdout);
}

describe('check: discovery', () => {
  it('skips node_modules, .git, and what the .gitignore files ignore, nested ones included', () => {
    const dir = project({
      ...CLEAN,
      '.gitignore': 'dist/\n*.generated.ts\n',
      'node_modules/openai-wrapper/index.js': BAD,
      'packages/web/node_modules/x/index.ts': BAD,
      'dist/client.js': BAD,
      'src/api.generated.ts': BAD,
      'packages/web/.gitignore': 'tmp/\n!keep.generated.ts\n',
      'packages/web/tmp/scratch.ts': BAD,
      'packages/web/keep.generated.ts': BAD,
      'packages/web/src/ok.ts': BAD,
    });
    expect(Object.keys(findings(dir)).sort()).toEqual(['packages/web/keep.generated.ts', 'packages/web/src/ok.ts']);
  });

  it('applies the repository root .gitignore when checking a subfolder', () => {
    const dir = project({ '.gitignore': 'generated/\n', 'app/generated/x.ts': BAD, 'app/src/y.ts': BAD });
    git(dir, ['init', '-q']);
    expect(Object.keys(findings(path.join(dir, 'app'), ['.']))).toEqual(['src/y.ts']);
  });

  it('walks a folder named explicitly even when ignored, with the ignore files inside it', () => {
    const dir = project({ '.gitignore': 'vendor/\n', 'vendor/lib/a.ts': BAD, 'vendor/.gitignore': 'gen/\n', 'vendor/gen/b.ts': BAD });
    git(dir, ['init', '-q']);
    expect(Object.keys(findings(dir))).toEqual([]);
    expect(Object.keys(findings(dir, ['vendor']))).toEqual(['vendor/lib/a.ts']);
  });

  it('checks explicitly named files (as hooks pass them), skipping node_modules and unchecked types', () => {
    const dir = project({
      'src/a.ts': BAD,
      'src/b.ts': BAD,
      'node_modules/x/index.js': BAD,
      'scripts/tool.py': 'print("https://api.openai.com/v1")\n',
    });
    expect(Object.keys(findings(dir, ['src/a.ts', 'node_modules/x/index.js', 'scripts/tool.py']))).toEqual(['src/a.ts']);
    const res = run(dir, ['check', 'node_modules/x/index.js', 'scripts/tool.py']);
    expect(res).toMatchObject({ code: 0, stdout: '' });
  });
});

describe('check --staged', () => {
  function repo(): string {
    const dir = project({ 'src/committed.ts': BAD, '.gitignore': '' });
    git(dir, ['init', '-q']);
    git(dir, ['-c', 'user.name=t', '-c', 'user.email=t@example.invalid', 'add', '.']);
    git(dir, ['-c', 'user.name=t', '-c', 'user.email=t@example.invalid', 'commit', '-qm', 'init']);
    return dir;
  }

  it('reports only the staged files', () => {
    const dir = repo();
    writeFileSync(path.join(dir, 'src/staged.ts'), BAD);
    writeFileSync(path.join(dir, 'src/untracked.ts'), BAD);
    writeFileSync(path.join(dir, 'staged config.json'), '{ "url": "https://api.openai.com/v1" }\n');
    git(dir, ['add', 'src/staged.ts', 'staged config.json']);
    expect(Object.keys(findings(dir, ['--staged'])).sort()).toEqual(['src/staged.ts', 'staged config.json']);
  });

  it('limits the staged files to the paths given', () => {
    const dir = repo();
    writeFileSync(path.join(dir, 'src/staged.ts'), BAD);
    writeFileSync(path.join(dir, 'root.ts'), BAD);
    git(dir, ['add', '.']);
    expect(Object.keys(findings(dir, ['--staged', 'src']))).toEqual(['src/staged.ts']);
  });

  it('exits 0 with no output when nothing is staged', () => {
    const dir = repo();
    writeFileSync(path.join(dir, 'src/unstaged.ts'), BAD);
    expect(run(dir, ['check', '--staged'])).toMatchObject({ code: 0, stdout: '', stderr: '' });
  });

  it('exits 2 outside a git repository', () => {
    const res = run(project({ 'a.ts': BAD }), ['check', '--staged']);
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(/git/);
  });
});
