/** Shared by the end-to-end tests: throwaway folders, processes, git, and the package as npm packs it. */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll } from 'vitest';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const VERSION = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

/** Installs come from npm's cache when it has them (the registry otherwise); nothing asks for audits. */
export const NPM_ENV = { npm_config_prefer_offline: 'true', npm_config_audit: 'false', npm_config_fund: 'false' };

const made: string[] = [];
// Registered when a test file imports this module: a hook registered inside a test or a `beforeAll` never runs.
afterAll(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A temporary folder, removed when the test file ends (pass or fail). */
export function tempDir(label: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), `o2a-e2e-${label}-`));
  made.push(dir);
  return dir;
}

export interface Ran {
  status: number | null;
  stdout: string;
  stderr: string;
  /** stdout and stderr, for assertions on what a user would see. */
  output: string;
}

export function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Ran {
  const r: SpawnSyncReturns<string> = spawnSync(command, args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, ...NPM_ENV, NO_COLOR: '1', FORCE_COLOR: '0', ...env },
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, output: `${r.stdout}\n${r.stderr}` };
}

/** Runs and throws with the output when the command fails. */
export function must(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Ran {
  const r = run(command, args, cwd, env);
  if (r.status !== 0) throw new Error(`${command} ${args.join(' ')} exited ${r.status}:\n${r.output}`);
  return r;
}

/** A new git repository with an identity of its own (CI machines may have none). */
export function gitRepo(dir: string): void {
  must('git', ['init', '-q', '-b', 'main'], dir);
  must('git', ['config', 'user.email', 'e2e@example.invalid'], dir);
  must('git', ['config', 'user.name', 'e2e'], dir);
  must('git', ['config', 'commit.gpgsign', 'false'], dir);
}

/**
 * `npm pack` of this checkout into `dir`, as published (the `files` list, `.npmignore` rules). Scripts are skipped:
 * `npm test` has just built dist/, which the `prepare` script would only build again.
 */
export function packTarball(dir: string): string {
  const r = must('npm', ['pack', '--ignore-scripts', '--pack-destination', dir], ROOT);
  return path.join(dir, r.stdout.trim().split('\n').at(-1)!);
}

/** Is `command` on PATH? */
export function available(command: string, args = ['--version']): boolean {
  const r = spawnSync(command, args, { encoding: 'utf8' });
  return !r.error && r.status === 0;
}
