import { chmodSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_OPTIONS } from '../../src/core/index.js';
import { processFile } from '../../src/pipeline/process-file.js';
import type { ProcessSettings } from '../../src/pipeline/types.js';
import { writeFileAtomic } from '../../src/pipeline/write.js';
import { makeTree, OPENAI_SOURCE } from './tree.js';

let cleanup = (): void => {};
afterEach(() => cleanup());

const settings = (cwd: string, more: Partial<ProcessSettings> = {}): ProcessSettings => ({
  cwd,
  options: DEFAULT_OPTIONS,
  dryRun: false,
  diff: false,
  keepText: false,
  ...more,
});

describe('processFile', () => {
  it('rewrites a file, keeping its BOM, CRLF line endings and mode', async () => {
    const crlf = `\uFEFF${OPENAI_SOURCE.replace(/\n/g, '\r\n')}`;
    const t = makeTree({ 'src/chat.ts': crlf });
    cleanup = t.cleanup;
    const file = `${t.dir}/src/chat.ts`;
    chmodSync(file, 0o754);
    const result = await processFile(file, undefined, settings(t.dir));
    expect(result).toMatchObject({ path: 'src/chat.ts', status: 'changed' });
    expect(result.changes.length).toBeGreaterThan(0);
    const out = readFileSync(file, 'utf8');
    expect(out.startsWith('\uFEFF')).toBe(true);
    expect(out).toContain('AzureOpenAI');
    expect(out.replace(/\r\n/g, '')).not.toContain('\n');
    expect(statSync(file).mode & 0o777).toBe(0o754);
  });

  it("gives each marker the line of the code it is about, below the markers stacked on it", async () => {
    const source = "import OpenAI from 'openai';\n\nexport const openai = new OpenAI({\n  dataResidency: 'eu',\n  webhookSecret: process.env.OPENAI_WEBHOOK_SECRET,\n});\n";
    const t = makeTree({ 'a.ts': source });
    cleanup = t.cleanup;
    const result = await processFile(`${t.dir}/a.ts`, undefined, settings(t.dir));
    const lines = readFileSync(`${t.dir}/a.ts`, 'utf8').split('\n');
    expect(result.todos).toHaveLength(2);
    for (const todo of result.todos) expect(lines[todo.line - 1]).toBe('export const openai = new AzureOpenAI({');
  });

  it('writes nothing in dry-run and returns a masked diff', async () => {
    const key = 'sk-proj-abcdefghijklmnopqrstuvwxyz0123456789ABCD';
    const source = OPENAI_SOURCE.replace('process.env.OPENAI_API_KEY', `"${key}"`);
    const t = makeTree({ 'a.ts': source });
    cleanup = t.cleanup;
    const result = await processFile(`${t.dir}/a.ts`, undefined, settings(t.dir, { dryRun: true, diff: true }));
    expect(result.status).toBe('changed');
    expect(result.diff).toMatch(/^--- a\/a\.ts\n\+\+\+ b\/a\.ts\n@@/);
    expect(result.diff).not.toContain(key);
    expect(JSON.stringify(result)).not.toContain(key);
    expect(readFileSync(`${t.dir}/a.ts`, 'utf8')).toBe(source);
  });

  it('reports a parse error as failed and leaves the file byte for byte', async () => {
    const broken = 'import OpenAI from "openai";\nconst c = new OpenAI({ apiKey: "x" ;\n';
    const t = makeTree({ 'broken.ts': broken });
    cleanup = t.cleanup;
    const result = await processFile(`${t.dir}/broken.ts`, undefined, settings(t.dir));
    expect(result.status).toBe('failed');
    expect(result.error).toMatch(/Unexpected token.*\(2:\d+\)/);
    expect(readFileSync(`${t.dir}/broken.ts`, 'utf8')).toBe(broken);
  });

  it('refuses to rewrite a file that is not UTF-8', async () => {
    const latin1 = Buffer.concat([Buffer.from(OPENAI_SOURCE), Buffer.from([0x2f, 0x2f, 0x20, 0xe9, 0x0a])]);
    const t = makeTree({ 'l.ts': latin1 });
    cleanup = t.cleanup;
    const result = await processFile(`${t.dir}/l.ts`, undefined, settings(t.dir));
    expect(result.status).toBe('failed');
    expect(readFileSync(`${t.dir}/l.ts`).equals(latin1)).toBe(true);
  });

  it('leaves a file without OpenAI usage unchanged', async () => {
    const t = makeTree({ 'u.ts': 'export const openaiDocs = "see the docs";\n' });
    cleanup = t.cleanup;
    const result = await processFile(`${t.dir}/u.ts`, undefined, settings(t.dir));
    expect(result).toMatchObject({ status: 'unchanged', changes: [], todos: [] });
  });
});

describe('writeFileAtomic', () => {
  it('replaces the content, keeps the mode and leaves no temp file', async () => {
    const t = makeTree({ 'x.js': 'old' });
    cleanup = t.cleanup;
    chmodSync(`${t.dir}/x.js`, 0o600);
    await writeFileAtomic(`${t.dir}/x.js`, 'new');
    expect(readFileSync(`${t.dir}/x.js`, 'utf8')).toBe('new');
    expect(statSync(`${t.dir}/x.js`).mode & 0o777).toBe(0o600);
    expect(readdirSync(t.dir)).toEqual(['x.js']);
  });
});
