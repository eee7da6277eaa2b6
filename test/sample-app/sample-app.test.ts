// End to end on the bundled example app: the built CLI, dry run and real run, then the TypeScript compiler over
// the migrated copy. Copies live in the OS temp folder (outside git, so `migrate` needs no --force) with a
// `node_modules` link to this repo's, so `openai` and `@types/node` resolve to the real packages.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const CLI = path.join(ROOT, 'dist/src/cli/index.js');
const FIXTURE = path.join(ROOT, 'fixtures/sample-app');
const FAKE_KEY = /sk-proj-[A-Za-z0-9_-]{20,}/;

interface ReportFile {
  path: string;
  status: 'changed' | 'unchanged' | 'failed';
  changes?: { line: number; kind: string }[];
  todos?: { line: number; message: string }[];
  error?: string;
}
interface Report {
  version: number;
  summary: Record<'scanned' | 'candidates' | 'changed' | 'unchanged' | 'failed' | 'todos' | 'ms', number>;
  files: ReportFile[];
  env: string[];
}

const copies: string[] = [];
function copyApp(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'o2a-sample-app-'));
  cpSync(FIXTURE, dir, { recursive: true });
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  copies.push(dir);
  return dir;
}

function migrate(cwd: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [CLI, 'migrate', '.', ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Every file's text, keyed by relative path (node_modules excluded): equal snapshots mean nothing was written. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    const abs = path.join(entry.parentPath, entry.name);
    if (entry.isFile() && !path.relative(dir, abs).split(path.sep).includes('node_modules')) {
      out[path.relative(dir, abs).split(path.sep).join('/')] = readFileSync(abs, 'utf8');
    }
  }
  return out;
}

/** Diagnostics of the app's own tsconfig, as `file:line message` strings. */
function typeErrors(dir: string): string[] {
  const configPath = path.join(dir, 'tsconfig.json');
  const { config } = ts.readConfigFile(configPath, ts.sys.readFile);
  const parsed = ts.parseJsonConfigFileContent(config, ts.sys, dir);
  const program = ts.createProgram({ rootNames: parsed.fileNames, options: { ...parsed.options, noEmit: true } });
  return ts.getPreEmitDiagnostics(program).map((d) => {
    const where = d.file ? `${path.relative(dir, d.file.fileName)}:${d.file.getLineAndCharacterOfPosition(d.start ?? 0).line + 1} ` : '';
    return where + ts.flattenDiagnosticMessageText(d.messageText, '\n');
  });
}

const read = (dir: string, file: string) => readFileSync(path.join(dir, file), 'utf8');
const entry = (report: Report, file: string) => report.files.find((f) => f.path === file);

beforeAll(() => {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run build\` first`);
});
afterAll(() => {
  for (const dir of copies) rmSync(dir, { recursive: true, force: true });
});

describe('the sample app fixture', () => {
  it('type-checks as it is, before any migration', () => {
    expect(typeErrors(copyApp())).toEqual([]);
  });
});

describe('migrate --dry-run on the sample app', () => {
  let dir: string;
  let before: Record<string, string>;
  let json: ReturnType<typeof migrate>;
  let report: Report;

  beforeAll(() => {
    dir = copyApp();
    before = snapshot(dir);
    json = migrate(dir, '--dry-run', '--json');
    report = JSON.parse(json.stdout) as Report;
  });

  it('exits 0 and prints only the JSON report on stdout', () => {
    expect(json.code, json.stderr).toBe(0);
    expect(report.version).toBe(1);
    expect(report.summary.failed).toBe(0);
  });

  it('writes nothing', () => {
    expect(snapshot(dir)).toEqual(before);
  });

  it('migrates the client module, the model constants and the class-field client', () => {
    expect(entry(report, 'src/lib/openai.ts')?.status).toBe('changed');
    expect(entry(report, 'src/config/models.ts')?.status).toBe('changed');
    expect(entry(report, 'src/services/summarizer.ts')?.status).toBe('changed');
    expect(entry(report, 'scripts/seed-embeddings.cjs')?.status).toBe('changed');
  });

  it('leaves the Groq client, the type-only component and the plain helpers alone', () => {
    for (const file of ['src/lib/groq.ts', 'src/ui/ChatBox.tsx', 'src/lib/http.ts', 'src/server.ts']) {
      expect(entry(report, file)?.status ?? 'unchanged', file).not.toBe('changed');
    }
  });

  it('marks the moderation call as a TODO', () => {
    const todos = entry(report, 'src/services/moderation.ts')?.todos ?? [];
    expect(todos).toHaveLength(1);
    expect(todos[0]!.message).toMatch(/moderation/i);
    expect(report.summary.todos).toBeGreaterThanOrEqual(1);
  });

  it('lists the Azure env variables the migrated code reads', () => {
    expect(report.env).toEqual(
      expect.arrayContaining(['AZURE_OPENAI_ENDPOINT', 'AZURE_OPENAI_API_KEY', 'AZURE_OPENAI_DEPLOYMENT_GPT_4O']),
    );
  });

  it('never prints the hard-coded key, in JSON or in the human diff', () => {
    expect(json.stdout + json.stderr).not.toMatch(FAKE_KEY);
    const human = migrate(dir, '--dry-run');
    expect(human.code, human.stderr).toBe(0);
    expect(human.stdout + human.stderr).not.toMatch(FAKE_KEY);
    expect(human.stdout).toContain('AzureOpenAI');
  });
});

describe('migrate on a copy of the sample app', () => {
  let dir: string;
  let original: Record<string, string>;
  let first: ReturnType<typeof migrate>;

  beforeAll(() => {
    dir = copyApp();
    original = snapshot(dir);
    first = migrate(dir, '--json');
  });

  it('exits 0 outside a git repository', () => {
    expect(first.code, first.stderr).toBe(0);
    expect((JSON.parse(first.stdout) as Report).summary.changed).toBeGreaterThanOrEqual(4);
  });

  it('rewrites the client module to AzureOpenAI and drops the organization', () => {
    const text = read(dir, 'src/lib/openai.ts');
    expect(text).toMatch(/new AzureOpenAI\(/);
    expect(text).toContain('AZURE_OPENAI_API_KEY');
    expect(text).not.toContain('OPENAI_ORG_ID');
  });

  it('turns model constants and literals into deployment references', () => {
    expect(read(dir, 'src/config/models.ts')).toContain('AZURE_OPENAI_DEPLOYMENT_GPT_4O');
    expect(read(dir, 'src/config/models.ts')).toContain('AZURE_OPENAI_DEPLOYMENT_TEXT_EMBEDDING_3_SMALL');
    expect(read(dir, 'src/services/summarizer.ts')).toContain('AZURE_OPENAI_DEPLOYMENT_GPT_4O_MINI');
  });

  it('keeps the Groq client and the type-only component byte for byte', () => {
    for (const file of ['src/lib/groq.ts', 'src/ui/ChatBox.tsx', 'src/routes/chat.ts', 'src/routes/embeddings.ts']) {
      expect(read(dir, file), file).toBe(original[file]);
    }
  });

  it('puts one TODO above the moderation call', () => {
    const lines = read(dir, 'src/services/moderation.ts').split('\n');
    const marker = lines.findIndex((l) => l.includes('TODO(openai-to-azure)'));
    expect(marker).toBeGreaterThanOrEqual(0);
    expect(lines.filter((l) => l.includes('TODO(openai-to-azure)'))).toHaveLength(1);
    expect(lines[marker + 1]).toContain('moderations.create');
  });

  it('replaces the hard-coded key in the CommonJS script', () => {
    const text = read(dir, 'scripts/seed-embeddings.cjs');
    expect(text).not.toMatch(FAKE_KEY);
    expect(text).toContain('AZURE_OPENAI_API_KEY');
    expect(first.stdout + first.stderr).not.toMatch(FAKE_KEY);
  });

  it('type-checks against the real openai package after migration', () => {
    expect(typeErrors(dir)).toEqual([]);
  });

  it('changes nothing on a second run', () => {
    const migrated = snapshot(dir);
    const second = migrate(dir, '--json');
    expect(second.code, second.stderr).toBe(0);
    expect((JSON.parse(second.stdout) as Report).summary.changed).toBe(0);
    expect(snapshot(dir)).toEqual(migrated);
  });
});

describe('migrate on the sample app: the Vercel AI SDK part', () => {
  let dir: string;
  let first: ReturnType<typeof migrate>;

  beforeAll(() => {
    dir = copyApp();
    first = migrate(dir, '--json');
  });

  it('moves the provider module to createAzure and drops the organization', () => {
    expect(first.code, first.stderr).toBe(0);
    const text = read(dir, 'src/lib/ai.ts');
    expect(text).toContain('createAzure({');
    expect(text).toContain('from "@ai-sdk/azure"');
    expect(text).not.toContain('organization');
    expect(text).not.toContain('process.env.OPENAI_');
  });

  it('rewrites model ids given to the default provider and to the imported one, and the shared constant', () => {
    const text = read(dir, 'src/services/assistant.ts');
    expect(text).toContain('azure(process.env.AZURE_OPENAI_DEPLOYMENT_GPT_4O_MINI ?? "gpt-4o-mini")');
    expect(text).toContain('provider.embedding(process.env.AZURE_OPENAI_DEPLOYMENT_TEXT_EMBEDDING_3_SMALL ?? "text-embedding-3-small")');
    expect(read(dir, 'src/config/assistant.ts')).toContain('process.env.AZURE_OPENAI_DEPLOYMENT_GPT_4_1_MINI ?? "gpt-4.1-mini"');
    expect((JSON.parse(first.stdout) as Report).env).toEqual(expect.arrayContaining(['AZURE_RESOURCE_NAME', 'AZURE_API_KEY']));
  });

  it('type-checks against the real ai and @ai-sdk/azure packages after migration', () => {
    expect(typeErrors(dir)).toEqual([]);
  });
});
