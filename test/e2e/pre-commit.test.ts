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
    'installs the hook from a clean checkout; refuses a commit with an OpenAI endpoint and lets a clean one through',
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

      writeFileSync(path.join(project, 'client.ts'), BAD);
      must('git', ['add', 'client.ts'], project);
      const started = performance.now();
      const tried = run('pre-commit', ['try-repo', hookRepo, 'openai-to-azure-check'], project, env);
      console.log(`pre-commit try-repo (hook environment install + run): ${((performance.now() - started) / 1000).toFixed(1)} s`);
      expect(tried.output).toContain('openai-to-azure check');
      expect(tried.output).toContain(REFUSED);
      expect(tried.status).toBe(1);

      must('pre-commit', ['install'], project, env);
      const refused = run('git', ['commit', '-m', 'call OpenAI'], project, env);
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
