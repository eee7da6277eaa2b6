// Runs the built CLI (`npm test` builds first) in throwaway project folders.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll } from 'vitest';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const CLI = path.join(ROOT, 'dist/src/cli/index.js');

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function run(cwd: string, args: string[]): RunResult {
  const res = spawnSync(process.execPath, [CLI, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: res.status, stdout: res.stdout, stderr: res.stderr };
}

export function git(cwd: string, args: string[]): void {
  const res = spawnSync('git', args, { cwd, encoding: 'utf8' });
  if (res.status !== 0) throw new Error(`git ${args.join(' ')}: ${res.stderr}`);
}

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/** A fresh temp folder holding `files` (relative path → content). */
export function project(files: Record<string, string>): string {
  // realpath: the CLI sees its cwd resolved (macOS /tmp is a symlink), so reported paths use that spelling.
  const dir = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'o2a-check-')));
  made.push(dir);
  for (const [rel, content] of Object.entries(files)) {
    const file = path.join(dir, rel);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, content);
  }
  return dir;
}

export interface JsonResult {
  filePath: string;
  messages: { ruleId: string | null; fatal?: boolean; message: string; line: number }[];
  source?: string;
}

/** Findings per file name relative to `dir`, from `--format json` output. */
export function findingsByFile(dir: string, stdout: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const r of JSON.parse(stdout) as JsonResult[]) {
    if (r.messages.length > 0) {
      out[path.relative(dir, r.filePath).split(path.sep).join('/')] = r.messages.map((m) => m.ruleId ?? '(fatal)');
    }
  }
  return out;
}
