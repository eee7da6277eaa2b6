import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { git, initRepo, makeTree, OPENAI_SOURCE } from '../pipeline/tree.js';
import { BIN, cli } from './cli.js';

let cleanup = (): void => {};
afterEach(() => cleanup());

interface Interrupted {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Run `migrate` as a real child process that holds after `holdAfter` files (the CLI's test hook), and send `signal`
 * once it has printed its first changed file: no timing involved, the run cannot finish before the signal.
 */
function interrupt(dir: string, signal: NodeJS.Signals, holdAfter: number, ...args: string[]): Promise<Interrupted> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, 'migrate', ...args], {
      cwd: dir,
      env: { ...process.env, NO_COLOR: '1', OPENAI_TO_AZURE_TEST_HOLD_AFTER: String(holdAfter) },
    });
    let stdout = '';
    let stderr = '';
    let sent = false;
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (!sent && /^changed /m.test(stdout)) {
        sent = true;
        child.kill(signal);
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

function repo(count: number): { dir: string; names: string[] } {
  const files: Record<string, string> = {};
  for (let i = 0; i < count; i++) files[`src/m${String(i).padStart(2, '0')}.ts`] = OPENAI_SOURCE.replace('chat()', `chat${i}()`);
  const t = makeTree(files);
  cleanup = t.cleanup;
  initRepo(t.dir);
  return { dir: t.dir, names: Object.keys(files) };
}

const migrated = (dir: string, names: string[]): string[] =>
  names.filter((name) => readFileSync(`${dir}/${name}`, 'utf8').includes('AzureOpenAI'));

describe('migrate: interruption', () => {
  it('SIGINT: finishes the file in flight, says what was written, exits 130; running again continues', async () => {
    const { dir, names } = repo(3);
    const run = await interrupt(dir, 'SIGINT', 1);
    expect(run.code).toBe(130);
    expect(run.stdout).toContain('interrupted after 1 of 3 files: run again to continue');
    expect(run.stdout).toContain('1 file(s) written');
    expect(run.stdout).toMatch(/candidates\s+3/);
    expect(migrated(dir, names)).toEqual(['src/m00.ts']);
    // No temp file of an atomic write left behind.
    expect(readdirSync(`${dir}/src`).sort()).toEqual(['m00.ts', 'm01.ts', 'm02.ts']);

    const again = cli(dir, 'migrate', '--force', '--json');
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout).summary).toMatchObject({ changed: 2, unchanged: 1, failed: 0 });
    expect(migrated(dir, names)).toEqual(names);
  });

  it('SIGTERM stops a worker pool: files started are finished and written whole, none after', async () => {
    const { dir, names } = repo(70);
    const run = await interrupt(dir, 'SIGTERM', 4, '--workers', '2');
    expect(run.code).toBe(130);
    const match = /interrupted after (\d+) of 70 files/.exec(run.stdout);
    const done = Number(match?.[1]);
    expect(done).toBeGreaterThanOrEqual(1);
    expect(done).toBeLessThanOrEqual(4);
    expect(migrated(dir, names)).toEqual(names.slice(0, done));
    expect(git(dir, 'status', '--porcelain').trim().split('\n')).toHaveLength(done);
  });
});
