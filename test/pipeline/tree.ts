import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** A temporary folder (real path: macOS /tmp is a symlink) holding `files`, removed by the returned cleanup. */
export function makeTree(files: Record<string, string | Buffer>): { dir: string; cleanup: () => void } {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), 'o2a-')));
  writeTree(dir, files);
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export function writeTree(dir: string, files: Record<string, string | Buffer>): void {
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
}

export function git(dir: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** `git init` with a local identity, everything committed. */
export function initRepo(dir: string): void {
  git(dir, 'init', '-q');
  git(dir, 'config', 'user.email', 'test@example.com');
  git(dir, 'config', 'user.name', 'test');
  git(dir, 'config', 'commit.gpgsign', 'false');
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'init', '--allow-empty');
}

/** A file the real transforms migrate (client construction and a model literal). */
export const OPENAI_SOURCE = [
  'import OpenAI from "openai";',
  'const client = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });',
  'export async function chat() {',
  '  return client.chat.completions.create({ model: "gpt-4o", messages: [] });',
  '}',
  '',
].join('\n');
