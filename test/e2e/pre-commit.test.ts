/**
 * The pre-commit framework (https://pre-commit.com) installs our hook from a clean checkout and runs it: its Node
 * support runs `npm install` and `npm pack` in the hook repository, then reads the tarball name from npm's stdout.
 * `.ci/run` installs the framework (Debian's `pre-commit`); elsewhere the test is skipped when it is missing.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, available, gitRepo, must, run, tempDir } from './helpers.js';

const HAS_PRE_COMMIT = available('pre-commit');
const REFUSED = "api.openai.com is OpenAI's API";
const BAD = 'export const url = "https://api.openai.com/v1/chat/completions";\n';
const GOOD = 'export const url = `${process.env.AZURE_OPENAI_ENDPOINT}/openai/v1/chat/completions`;\n';

describe.skipIf(!HAS_PRE_COMMIT && !process.env.CI)('pre-commit framework', () => {
  it('is installed where CI runs (.ci/run installs it)', () => {
    expect(HAS_PRE_COMMIT, 'pre-commit is not on PATH: `apt-get install pre-commit` or `pipx install pre-commit`').toBe(true);
  });

  it.runIf(HAS_PRE_COMMIT)(
    'installs the hook from a clean checkout (`pre-commit install`); refuses a commit with an OpenAI endpoint and lets a clean one through',
    () => {
      const dir = tempDir('pre-commit');
      // The hook repository is what is committed: a clone of HEAD, as pre-commit would fetch it.
      const hookRepo = path.join(dir, 'hook-repo');
      must('git', ['clone', '-q', ROOT, hookRepo], dir);
      const rev = must('git', ['rev-parse', 'HEAD'], hookRepo).stdout.trim();
      const env = { PRE_COMMIT_HOME: path.join(dir, 'cache'), PRE_COMMIT_COLOR: 'never' };

      const project = path.join(dir, 'project');
      must('mkdir', [project], dir);
      gitRepo(project);
      // docs/integration.md's .pre-commit-config.yaml, with this checkout for the GitHub URL and tag.
      writeFileSync(
        path.join(project, '.pre-commit-config.yaml'),
        `repos:\n  - repo: ${hookRepo}\n    rev: ${rev}\n    hooks:\n      - id: openai-to-azure-check\n`,
      );
      must('git', ['add', '.'], project);
      must('git', ['commit', '-q', '-m', 'pre-commit config'], project);

      // `pre-commit try-repo <checkout> openai-to-azure-check` runs the same install in a throwaway store; one
      // install (about a minute and a half: npm installs the hook repository's dev dependencies to build it) is enough.
      const started = performance.now();
      must('pre-commit', ['install', '--install-hooks'], project, env);
      console.log(`pre-commit install --install-hooks: ${((performance.now() - started) / 1000).toFixed(1)} s`);

      writeFileSync(path.join(project, 'client.ts'), BAD);
      must('git', ['add', 'client.ts'], project);
      const refused = run('git', ['commit', '-m', 'call OpenAI'], project, env);
      expect(refused.output).toMatch(/openai-to-azure check\.+Failed/);
      expect(refused.output).toContain(REFUSED);
      expect(refused.status).not.toBe(0);
      expect(must('git', ['rev-list', '--count', 'HEAD'], project).stdout.trim()).toBe('1');

      writeFileSync(path.join(project, 'client.ts'), GOOD);
      must('git', ['add', 'client.ts'], project);
      const passed = run('git', ['commit', '-m', 'call Azure OpenAI'], project, env);
      expect(passed.output).toMatch(/openai-to-azure check\.+Passed/);
      expect(passed.status).toBe(0);
      expect(must('git', ['rev-list', '--count', 'HEAD'], project).stdout.trim()).toBe('2');
    },
    600_000,
  );
});
