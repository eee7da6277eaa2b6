/**
 * The package as users meet it: `npm pack`, installed from the tarball into an empty project (no dev dependency of
 * ours in reach), then run through `npx`. ESLint comes in as a peer dependency, which npm 7+ installs on its own.
 */
import { execSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { VERSION, must, packTarball, run, tempDir } from './helpers.js';

const SAMPLE = [
  "import OpenAI from 'openai';",
  '',
  'const client = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });',
  '',
  'export async function reply(text: string) {',
  "  return client.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: text }] });",
  '}',
  '',
].join('\n');

describe('npx openai-to-azure, installed from the packed tarball', () => {
  let project: string;

  beforeAll(() => {
    const dir = tempDir('npx');
    const tarball = packTarball(dir);
    project = path.join(dir, 'project');
    must('mkdir', ['-p', path.join(project, 'src')], dir);
    writeFileSync(path.join(project, 'package.json'), '{ "name": "empty-project", "private": true }\n');
    const started = performance.now();
    must('npm', ['install', tarball], project);
    const size = execSync('du -sm node_modules', { cwd: project, encoding: 'utf8' }).split('\t')[0];
    console.log(`npm install <tarball>: ${((performance.now() - started) / 1000).toFixed(1)} s, node_modules ${size} MB`);
    writeFileSync(path.join(project, 'src/chat.ts'), SAMPLE);
  }, 600_000);

  it('brings ESLint in as a peer dependency and nothing of our dev dependencies', () => {
    const installed = (name: string): boolean => existsSync(path.join(project, 'node_modules', name, 'package.json'));
    expect(installed('eslint')).toBe(true);
    const eslint = JSON.parse(readFileSync(path.join(project, 'node_modules/eslint/package.json'), 'utf8')) as { version: string };
    expect(eslint.version).toMatch(/^(9|10)\./);
    for (const dev of ['vitest', 'openai', 'eslint-v9', '@typescript-eslint/rule-tester', '@microsoft/sarif-multitool']) {
      expect(installed(dev), dev).toBe(false);
    }
  });

  it('--version and --help', () => {
    const started = performance.now();
    const version = must('npx', ['openai-to-azure', '--version'], project);
    console.log(`cold start, npx openai-to-azure --version: ${Math.round(performance.now() - started)} ms`);
    expect(version.stdout.trim()).toBe(VERSION);
    const help = must('npx', ['openai-to-azure', '--help'], project);
    for (const text of ['migrate [options] [paths...]', 'check [options] [paths...]', 'init']) expect(help.stdout).toContain(text);
  });

  it('migrate --dry-run prints the rewrite and writes nothing', () => {
    const res = must('npx', ['openai-to-azure', 'migrate', 'src', '--dry-run'], project);
    expect(res.stdout).toContain('+import { AzureOpenAI } from');
    expect(res.stdout).toContain('AZURE_OPENAI_ENDPOINT');
    expect(readFileSync(path.join(project, 'src/chat.ts'), 'utf8')).toBe(SAMPLE);
  });

  it('check reports the OpenAI client (exit 1) and passes a clean folder (exit 0)', () => {
    const started = performance.now();
    const found = run('npx', ['openai-to-azure', 'check', 'src'], project);
    console.log(`cold start, npx openai-to-azure check src (1 file): ${Math.round(performance.now() - started)} ms`);
    expect(found.stdout).toContain('openai-to-azure/no-openai-client');
    expect(found.status).toBe(1);
    must('mkdir', ['clean'], project);
    writeFileSync(path.join(project, 'clean/ok.ts'), 'export const ok = process.env.AZURE_OPENAI_ENDPOINT;\n');
    expect(run('npx', ['openai-to-azure', 'check', 'clean'], project).status).toBe(0);
  });
});
