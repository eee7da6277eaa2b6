import { readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/index.js';
import { makeTree, OPENAI_SOURCE } from '../pipeline/tree.js';
import { cli, ROOT } from './cli.js';

let cleanup = (): void => {};
afterEach(() => cleanup());

function folder(files: Record<string, string> = {}): string {
  const t = makeTree(files);
  cleanup = t.cleanup;
  return t.dir;
}

describe('--help and --version', () => {
  it('prints help with the commands, examples and exit codes', () => {
    const run = cli(ROOT, '--help');
    expect(run.code).toBe(0);
    for (const text of ['migrate [options] [paths...]', 'check [options] [paths...]', 'init', 'Examples:', 'Exit codes:']) {
      expect(run.stdout).toContain(text);
    }
  });

  it('prints every migrate option in its help', () => {
    const run = cli(ROOT, 'migrate', '--help');
    expect(run.code).toBe(0);
    for (const flag of ['--dry-run', '--target', '--auth', '--api-version', '--deployment', '--config', '--json', '--report', '--workers', '--force', '--verify']) {
      expect(run.stdout).toContain(flag);
    }
  });

  it('prints the package version', () => {
    const { version } = JSON.parse(readFileSync(`${ROOT}/package.json`, 'utf8')) as { version: string };
    const run = cli(ROOT, '--version');
    expect(run.code).toBe(0);
    expect(run.stdout.trim()).toBe(version);
  });

  it('exits 2 with help when no command is given', () => {
    const run = cli(ROOT);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Usage:');
  });
});

describe('init', () => {
  it('--yes writes a valid starter config with the defaults, and refuses to overwrite it', () => {
    const dir = folder();
    const run = cli(dir, 'init', '--yes');
    expect(run.code).toBe(0);
    const config = JSON.parse(readFileSync(`${dir}/openai-to-azure.config.json`, 'utf8'));
    expect(config).toMatchObject({ target: 'classic', auth: 'api-key', apiVersion: '2024-10-21', deployments: {} });
    expect(() => parseConfig(config, 'openai-to-azure.config.json')).not.toThrow();
    const again = cli(dir, 'init', '--yes');
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('already exists');
  });

  it('writes the defaults without asking when stdin is not a TTY', () => {
    const dir = folder();
    expect(cli(dir, 'init').code).toBe(0);
    expect(JSON.parse(readFileSync(`${dir}/openai-to-azure.config.json`, 'utf8')).target).toBe('classic');
  });

  it('writes a config that migrate then reads', () => {
    const dir = folder({ 'chat.ts': OPENAI_SOURCE });
    expect(cli(dir, 'init', '--yes').code).toBe(0);
    const run = cli(dir, 'migrate', '--dry-run', '--json');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).summary.changed).toBe(1);
  });
});

describe('migrate --verify', () => {
  it('type-checks the rewrite against the real openai types and finds nothing introduced', () => {
    const dir = folder({ 'chat.ts': OPENAI_SOURCE });
    symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
    const run = cli(dir, 'migrate', '--verify', '--dry-run', '--json');
    const report = JSON.parse(run.stdout);
    expect(report.verify).toEqual({ introduced: [], ms: expect.any(Number) });
    expect(run.code).toBe(0);
  });

  it('in a checkout without node_modules: says what to install and exits 2 instead of blaming the rewrite', () => {
    // A temporary folder: `openai` and @types/node resolve from nowhere.
    const dir = folder({ 'chat.ts': OPENAI_SOURCE, 'tsconfig.json': '{ "compilerOptions": { "strict": true } }' });
    const run = cli(dir, 'migrate', '--verify', '--dry-run');
    expect(run.code).toBe(2);
    expect(run.stdout).not.toContain('introduced');
    expect(run.stderr).toContain("--verify cannot judge the rewrite: the project's type environment is unusable.");
    expect(run.stderr).toContain('module(s) not found: openai');
    expect(run.stderr).toMatch(/npm install --save-dev (openai @types\/node|@types\/node openai)/);
  });
});

describe('check wiring', () => {
  it('exits 2 on an unknown --format', () => {
    const run = cli(folder(), 'check', '--format', 'xml');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('stylish');
  });

  it('exits 0 on a folder with nothing to report', () => {
    expect(cli(folder({ 'a.ts': 'export const a = 1;\n' }), 'check').code).toBe(0);
  });
});
