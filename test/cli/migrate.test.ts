import { chmodSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { git, initRepo, makeTree, OPENAI_SOURCE } from '../pipeline/tree.js';
import { cli } from './cli.js';

let cleanup = (): void => {};
afterEach(() => cleanup());

const KEY = 'sk-proj-abcdefghijklmnopqrstuvwxyz0123456789ABCD';
const BROKEN = 'import OpenAI from "openai";\nconst c = new OpenAI({ apiKey: "x" ;\n';

function repo(files: Record<string, string | Buffer>, withGit = true): string {
  const t = makeTree(files);
  cleanup = t.cleanup;
  if (withGit) initRepo(t.dir);
  return t.dir;
}

const read = (dir: string, path: string): string => readFileSync(`${dir}/${path}`, 'utf8');

describe('migrate', () => {
  it('--dry-run prints a unified diff and the summary, and writes nothing', () => {
    const dir = repo({ 'src/chat.ts': OPENAI_SOURCE, 'src/util.ts': 'export const x = 1;\n' });
    const run = cli(dir, 'migrate', '--dry-run');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('--- a/src/chat.ts\n+++ b/src/chat.ts\n@@');
    expect(run.stdout).toMatch(/^-import OpenAI from "openai";$/m);
    expect(run.stdout).toMatch(/^\+.*AzureOpenAI/m);
    expect(run.stdout).toMatch(/files scanned\s+2/);
    expect(run.stdout).toMatch(/candidates\s+1/);
    expect(run.stdout).toMatch(/changed\s+1/);
    expect(run.stdout).toContain('AZURE_OPENAI_ENDPOINT');
    expect(read(dir, 'src/chat.ts')).toBe(OPENAI_SOURCE);
    expect(git(dir, 'status', '--porcelain')).toBe('');
  });

  it('says when the openai SDK and the AI SDK read the same resource and key under different names', () => {
    const aiSdk = "import { openai } from '@ai-sdk/openai';\nexport const model = openai('gpt-4o');\n";
    const dir = repo({ 'src/chat.ts': OPENAI_SOURCE, 'src/model.ts': aiSdk });
    const run = cli(dir, 'migrate', '--dry-run');
    expect(run.stdout).toContain(
      "(AZURE_RESOURCE_NAME and AZURE_API_KEY, read by the AI SDK's Azure provider, name the same resource and key as AZURE_OPENAI_ENDPOINT and AZURE_OPENAI_API_KEY: set them to match)",
    );
    const alone = makeTree({ 'src/model.ts': aiSdk });
    try {
      expect(cli(alone.dir, 'migrate', '--dry-run', '--force').stdout).not.toContain('name the same resource');
    } finally {
      alone.cleanup();
    }
  });

  it('rewrites in place, and a second run changes nothing', () => {
    const dir = repo({ 'src/chat.ts': OPENAI_SOURCE });
    const first = cli(dir, 'migrate');
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('changed src/chat.ts');
    const migrated = read(dir, 'src/chat.ts');
    expect(migrated).toContain('AzureOpenAI');
    expect(migrated).not.toContain('process.env.OPENAI_API_KEY');
    git(dir, 'commit', '-qam', 'migrated');
    const second = cli(dir, 'migrate', '--json');
    expect(second.code).toBe(0);
    expect(JSON.parse(second.stdout).summary).toMatchObject({ changed: 0, unchanged: 1, todos: 0 });
    expect(read(dir, 'src/chat.ts')).toBe(migrated);
  });

  it('exits 0 with TODO markers, and a second run adds no second marker', () => {
    const source = `${OPENAI_SOURCE}export const flagged = await client.moderations.create({ input: "x" });\n`;
    const dir = repo({ 'mod.ts': source });
    const first = cli(dir, 'migrate', '--json');
    expect(first.code).toBe(0);
    expect(JSON.parse(first.stdout).summary.todos).toBe(1);
    git(dir, 'commit', '-qam', 'migrated');
    const second = cli(dir, 'migrate', '--json');
    expect(JSON.parse(second.stdout).summary).toMatchObject({ changed: 0, todos: 0 });
    expect(read(dir, 'mod.ts').match(/TODO\(openai-to-azure\)/g)).toHaveLength(1);
  });

  it('leaves a file that fails to parse byte for byte, names it, exits 1 and still migrates the rest', () => {
    const dir = repo({ 'src/broken.ts': BROKEN, 'src/chat.ts': OPENAI_SOURCE });
    const run = cli(dir, 'migrate');
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/src\/broken\.ts: Unexpected token.*\(2:\d+\)/);
    expect(read(dir, 'src/broken.ts')).toBe(BROKEN);
    expect(read(dir, 'src/chat.ts')).toContain('AzureOpenAI');
  });

  it('refuses a dirty work tree naming --force (exit 2, nothing changed); --force and --dry-run proceed', () => {
    const dir = repo({ 'src/chat.ts': OPENAI_SOURCE, 'src/other.ts': 'export {};\n' });
    writeFileSync(`${dir}/src/other.ts`, 'export const edited = 1;\n');
    const refused = cli(dir, 'migrate');
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('--force');
    expect(refused.stderr).toContain('src/other.ts');
    expect(read(dir, 'src/chat.ts')).toBe(OPENAI_SOURCE);
    expect(cli(dir, 'migrate', '--dry-run').code).toBe(0);
    expect(read(dir, 'src/chat.ts')).toBe(OPENAI_SOURCE);
    expect(cli(dir, 'migrate', '--force').code).toBe(0);
    expect(read(dir, 'src/chat.ts')).toContain('AzureOpenAI');
  });

  it('only looks at the target paths for uncommitted changes', () => {
    const dir = repo({ 'app/chat.ts': OPENAI_SOURCE, 'notes.md': 'x\n' });
    writeFileSync(`${dir}/notes.md`, 'edited\n');
    expect(cli(dir, 'migrate', 'app').code).toBe(0);
    expect(read(dir, 'app/chat.ts')).toContain('AzureOpenAI');
  });

  it('proceeds outside a git repository', () => {
    const dir = repo({ 'chat.ts': OPENAI_SOURCE }, false);
    const run = cli(dir, 'migrate');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(read(dir, 'chat.ts')).toContain('AzureOpenAI');
  });

  it('never touches node_modules, hidden folders, or what root and nested .gitignore files ignore', () => {
    const dir = repo({
      '.gitignore': 'dist/\n',
      'pkg/.gitignore': 'generated/\n*.local.ts\n',
      'src/chat.ts': OPENAI_SOURCE,
      'node_modules/lib/index.js': OPENAI_SOURCE,
      'pkg/node_modules/lib/index.ts': OPENAI_SOURCE,
      '.cache/chat.ts': OPENAI_SOURCE,
      'dist/chat.js': OPENAI_SOURCE,
      'pkg/generated/chat.ts': OPENAI_SOURCE,
      'pkg/chat.local.ts': OPENAI_SOURCE,
      'pkg/chat.ts': OPENAI_SOURCE,
    });
    const run = cli(dir, 'migrate', '--json');
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.files.map((f: { path: string }) => f.path)).toEqual(['pkg/chat.ts', 'src/chat.ts']);
    for (const untouched of ['node_modules/lib/index.js', '.cache/chat.ts', 'dist/chat.js', 'pkg/generated/chat.ts', 'pkg/chat.local.ts']) {
      expect(read(dir, untouched)).toBe(OPENAI_SOURCE);
    }
  });

  it('keeps CRLF line endings, the BOM and the file mode', () => {
    const original = `\uFEFF${OPENAI_SOURCE.replace(/\n/g, '\r\n')}`;
    const dir = repo({ 'chat.mts': original });
    chmodSync(`${dir}/chat.mts`, 0o755);
    git(dir, 'add', '-A');
    git(dir, 'commit', '-qm', 'mode');
    expect(cli(dir, 'migrate').code).toBe(0);
    const bytes = readFileSync(`${dir}/chat.mts`);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text).toContain('AzureOpenAI');
    expect(text.split('\r\n').length).toBeGreaterThan(5);
    expect(text.replace(/\r\n/g, '')).not.toContain('\n');
    expect(statSync(`${dir}/chat.mts`).mode & 0o777).toBe(0o755);
  });

  it('--json prints only the report, in the contract shape (with --dry-run: no diff)', () => {
    const dir = repo({ 'src/chat.ts': OPENAI_SOURCE, 'src/broken.ts': BROKEN, 'src/plain.ts': 'export {};\n' });
    const run = cli(dir, 'migrate', '--dry-run', '--json');
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout);
    expect(Object.keys(report)).toEqual(['version', 'target', 'summary', 'files', 'env', 'deployments', 'configFiles']);
    expect(report.version).toBe(1);
    expect(report.target).toBe('classic');
    expect(report.summary).toEqual({
      scanned: 3,
      candidates: 2,
      changed: 1,
      unchanged: 0,
      failed: 1,
      skipped: 0,
      todos: 0,
      ms: expect.any(Number),
    });
    expect(report.files).toEqual([
      { path: 'src/broken.ts', status: 'failed', error: expect.stringMatching(/Unexpected token/) },
      { path: 'src/chat.ts', status: 'changed', changes: expect.any(Array), todos: [] },
    ]);
    expect(report.files[1].changes[0]).toEqual({ line: expect.any(Number), kind: expect.any(String) });
    expect(report.env).toEqual([...report.env].sort());
    expect(report.env).toContain('AZURE_OPENAI_ENDPOINT');
    expect(read(dir, 'src/chat.ts')).toBe(OPENAI_SOURCE);
  });

  it('--report writes JSON or Markdown, and rejects other extensions', () => {
    const dir = repo({ 'chat.ts': OPENAI_SOURCE });
    expect(cli(dir, 'migrate', '--dry-run', '--report', 'reports/r.json').code).toBe(0);
    expect(JSON.parse(read(dir, 'reports/r.json')).summary.changed).toBe(1);
    expect(cli(dir, 'migrate', '--dry-run', '--report', 'r.md').code).toBe(0);
    expect(read(dir, 'r.md')).toMatch(/^# openai-to-azure migration report[\s\S]*`chat\.ts`/);
    const bad = cli(dir, 'migrate', '--dry-run', '--report', 'r.txt');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--report');
  });

  it('never prints or writes a secret, only its masked form', () => {
    const source = OPENAI_SOURCE.replace('process.env.OPENAI_API_KEY', `"${KEY}"`);
    const dir = repo({ 'chat.ts': source });
    const dry = cli(dir, 'migrate', '--dry-run');
    expect(dry.stdout + dry.stderr).not.toContain(KEY);
    expect(dry.stdout).toContain('sk-proj-…ABCD');
    const json = cli(dir, 'migrate', '--dry-run', '--json', '--report', 'r.md');
    expect(json.stdout + json.stderr + read(dir, 'r.md')).not.toContain(KEY);
    // The untracked report counts as an uncommitted change.
    expect(cli(dir, 'migrate', '--force').code).toBe(0);
    expect(read(dir, 'chat.ts')).not.toContain(KEY);
  });

  it('lists a key left in place (outside any client) apart from those removed, masked, in the summary, JSON and Markdown', () => {
    const source = `${OPENAI_SOURCE.replace('process.env.OPENAI_API_KEY', `"${KEY}"`)}export const seed = { key: '${KEY.replace('ABCD', 'WXYZ')}' };\n`;
    const dir = repo({ 'chat.ts': source });
    const dry = cli(dir, 'migrate', '--dry-run');
    expect(dry.stdout).toMatch(/Secrets removed from source[^\n]*\n\s+chat\.ts:\d+\s+sk-proj-…ABCD/);
    expect(dry.stdout).toMatch(/Secrets left in source, with a marker[^\n]*\n\s+chat\.ts:\d+\s+sk-proj-…WXYZ/);
    const json = JSON.parse(cli(dir, 'migrate', '--dry-run', '--json', '--report', 'r.md').stdout);
    expect(json.files[0].secrets.map((s: { masked: string; kept?: boolean }) => [s.masked, s.kept ?? false])).toEqual([
      ['sk-proj-…ABCD', false],
      ['sk-proj-…WXYZ', true],
    ]);
    expect(read(dir, 'r.md')).toContain('## Secrets left in source, with a marker');
  });

  it('applies the config (include/exclude, deployments) with --deployment winning', () => {
    const dir = repo({
      'openai-to-azure.config.json': JSON.stringify({
        deployments: { 'gpt-4o': 'config-chat' },
        include: ['src/**'],
        exclude: ['**/*.test.ts'],
      }),
      'src/chat.ts': OPENAI_SOURCE,
      'src/chat.test.ts': OPENAI_SOURCE,
      'scripts/chat.ts': OPENAI_SOURCE,
    });
    const run = cli(dir, 'migrate', '--dry-run', '--json');
    expect(JSON.parse(run.stdout).files.map((f: { path: string }) => f.path)).toEqual(['src/chat.ts']);
    expect(cli(dir, 'migrate').code).toBe(0);
    expect(read(dir, 'src/chat.ts')).toContain('"config-chat"');
    expect(read(dir, 'scripts/chat.ts')).toBe(OPENAI_SOURCE);
    git(dir, 'checkout', '-q', '.');
    expect(cli(dir, 'migrate', '--deployment', 'gpt-4o=flag-chat').code).toBe(0);
    expect(read(dir, 'src/chat.ts')).toContain('"flag-chat"');
  });

  it('reminds entra-id users of @azure/identity and the role', () => {
    const dir = repo({ 'chat.ts': OPENAI_SOURCE });
    const run = cli(dir, 'migrate', '--dry-run', '--auth', 'entra-id');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('npm i @azure/identity');
    expect(run.stdout).toContain('"Cognitive Services OpenAI User"');
    expect(cli(dir, 'migrate', '--dry-run').stdout).not.toContain('Cognitive Services OpenAI User');
  });

  it('rejects an unknown config key, naming it (exit 2)', () => {
    const dir = repo({ '.openai-to-azurerc.json': '{ "targt": "v1" }', 'chat.ts': OPENAI_SOURCE });
    const run = cli(dir, 'migrate', '--dry-run');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('"targt"');
    expect(run.stdout).toBe('');
  });

  it('rejects a wrong config type in package.json, naming the key (exit 2)', () => {
    const dir = repo({ 'package.json': '{ "openai-to-azure": { "auth": ["api-key"] } }', 'chat.ts': OPENAI_SOURCE });
    const run = cli(dir, 'migrate', '--dry-run');
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/"auth" must be a string/);
  });

  it('exits 2 on bad usage: unknown option, bad choice, bad --workers, missing path', () => {
    const dir = repo({ 'chat.ts': OPENAI_SOURCE });
    for (const args of [
      ['migrate', '--nope'],
      ['migrate', '--target', 'azure'],
      ['migrate', '--workers', '0'],
      ['migrate', '--deployment', 'gpt-4o'],
      ['migrate', 'missing-folder'],
      ['frobnicate'],
    ]) {
      const run = cli(dir, ...args);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr, args.join(' ')).toMatch(/error/i);
    }
    expect(read(dir, 'chat.ts')).toBe(OPENAI_SOURCE);
  });

  it('skips huge, minified and binary files with a reason, exits 0, and migrates the rest', () => {
    // An 8 MB minified bundle that mentions openai: never read whole, never parsed.
    const bundle = 'var a=function(e,t){return require("openai")+t.chat.completions.create({model:"gpt-4o"})};'.repeat(90_000);
    const minified = 'var b=function(e){return new (require("openai"))({apiKey:e})};'.repeat(100);
    const binary = Buffer.concat([Buffer.from('import OpenAI from "openai";\n'), Buffer.from([0, 0xff, 0])]);
    const dir = repo({ 'src/chat.ts': OPENAI_SOURCE, 'public/bundle.js': bundle, 'src/vendor.js': minified, 'src/asset.js': binary });
    const run = cli(dir, 'migrate', '--dry-run', '--json', '--report', 'report.md');
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.summary).toMatchObject({ scanned: 4, candidates: 1, changed: 1, failed: 0, skipped: 3 });
    expect(report.files.filter((f: { status: string }) => f.status === 'skipped')).toEqual([
      { path: 'public/bundle.js', status: 'skipped', reason: `too large: ${(bundle.length / 1e6).toFixed(1)} MB > 1 MB` },
      { path: 'src/asset.js', status: 'skipped', reason: 'binary' },
      { path: 'src/vendor.js', status: 'skipped', reason: 'minified' },
    ]);
    expect(run.stderr).toContain('skipped public/bundle.js: too large');
    expect(read(dir, 'report.md')).toContain('- `src/asset.js`: binary');

    const human = cli(dir, 'migrate', '--dry-run', '--max-file-size', '20000000');
    expect(human.code).toBe(0);
    expect(human.stdout).toMatch(/skipped\s+3/);
    expect(human.stdout).toContain('public/bundle.js: minified');
  });

  it('takes the size limit from the config, and the flag wins', () => {
    const dir = repo({ 'chat.ts': OPENAI_SOURCE, 'openai-to-azure.config.json': '{ "maxFileSize": 100 }\n' });
    const limited = JSON.parse(cli(dir, 'migrate', '--dry-run', '--json').stdout);
    expect(limited.files).toEqual([{ path: 'chat.ts', status: 'skipped', reason: expect.stringMatching(/^too large: \d+ B > 100 B$/) }]);
    const flagged = JSON.parse(cli(dir, 'migrate', '--dry-run', '--json', '--max-file-size', '100000').stdout);
    expect(flagged.summary).toMatchObject({ changed: 1, skipped: 0 });
    expect(cli(dir, 'migrate', '--dry-run', '--max-file-size', 'big').code).toBe(2);
  });

  it('gives the same result with a worker pool as in the main thread', () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 70; i++) files[`src/m${String(i).padStart(2, '0')}.ts`] = OPENAI_SOURCE.replace('chat()', `chat${i}()`);
    files['src/m35.ts'] = BROKEN;
    const dir = repo(files);
    const pooled = cli(dir, 'migrate', '--workers', '2', '--json');
    expect(pooled.code).toBe(1);
    const pooledTexts = Object.keys(files).map((p) => read(dir, p));
    git(dir, 'checkout', '-q', '.');
    const single = cli(dir, 'migrate', '--workers', '1', '--json');
    expect(Object.keys(files).map((p) => read(dir, p))).toEqual(pooledTexts);
    const strip = (stdout: string): unknown => ({ ...JSON.parse(stdout), summary: { ...JSON.parse(stdout).summary, ms: 0 } });
    expect(strip(pooled.stdout)).toEqual(strip(single.stdout));
    expect(JSON.parse(pooled.stdout).summary).toMatchObject({ candidates: 70, changed: 69, failed: 1 });
  });
});
