/**
 * husky + lint-staged, set up exactly as docs/integration.md says (its shell lines and its lint-staged block are
 * read from the page), with our package installed from the packed tarball; then real `git commit`s.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, gitRepo, must, packTarball, run, tempDir } from './helpers.js';

/** The first fenced block of each language in one `## heading` section of docs/integration.md. */
function recipe(heading: string): Record<string, string> {
  const page = readFileSync(path.join(ROOT, 'docs/integration.md'), 'utf8');
  const section = page.split(/^## /m).find((s) => s.startsWith(heading));
  if (!section) throw new Error(`docs/integration.md has no "## ${heading}" section`);
  const blocks: Record<string, string> = {};
  for (const [, lang, body] of section.matchAll(/```(\w+)\n([\s\S]*?)```/g)) blocks[lang!] ??= body!;
  return blocks;
}

const BAD = 'export const url = "https://api.openai.com/v1/chat/completions";\n';
const GOOD = 'export const url = `${process.env.AZURE_OPENAI_ENDPOINT}/openai/v1/chat/completions`;\n';

describe('husky + lint-staged (docs/integration.md recipe)', () => {
  it('refuses a commit with an OpenAI endpoint and lets a clean one through', () => {
    const { sh, json } = recipe('husky + lint-staged');
    const dir = tempDir('husky');
    const tarball = packTarball(dir);
    const project = path.join(dir, 'project');
    must('mkdir', [project], dir);
    gitRepo(project);
    writeFileSync(path.join(project, 'package.json'), '{ "name": "app", "private": true }\n');
    writeFileSync(path.join(project, '.gitignore'), 'node_modules\n');

    // The page's commands, with the packed tarball standing in for the registry's openai-to-azure.
    for (const line of sh!.trim().split('\n')) {
      const command = line.replace(/^npm install (.*)\bopenai-to-azure\b/, `npm install $1${tarball}`);
      must('sh', ['-c', command], project);
    }
    const pkg = JSON.parse(readFileSync(path.join(project, 'package.json'), 'utf8')) as Record<string, unknown>;
    writeFileSync(path.join(project, 'package.json'), JSON.stringify({ ...pkg, ...JSON.parse(json!) }, null, 2));
    must('git', ['add', '.'], project);
    must('git', ['commit', '-q', '-m', 'set up hooks'], project);

    writeFileSync(path.join(project, 'client.ts'), BAD);
    must('git', ['add', 'client.ts'], project);
    const refused = run('git', ['commit', '-m', 'call OpenAI'], project);
    expect(refused.output).toContain("api.openai.com is OpenAI's API");
    expect(refused.status).not.toBe(0);
    expect(must('git', ['rev-list', '--count', 'HEAD'], project).stdout.trim()).toBe('1');

    writeFileSync(path.join(project, 'client.ts'), GOOD);
    must('git', ['add', 'client.ts'], project);
    const passed = run('git', ['commit', '-m', 'call Azure OpenAI'], project);
    expect(passed.status, passed.output).toBe(0);
    expect(must('git', ['rev-list', '--count', 'HEAD'], project).stdout.trim()).toBe('2');
  }, 600_000);
});
