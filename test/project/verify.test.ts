import { mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { verifyRewrite } from '../../src/project/verify.js';
import { fixture } from './helpers.js';

const dir = fixture('verify');
const file = path.join(dir, 'chat.ts');
const before = readFileSync(file, 'utf8');

describe('verifyRewrite', () => {
  it('reports nothing when the text is unchanged', async () => {
    const { introduced } = await verifyRewrite({ cwd: dir, files: [{ path: file, before, after: before }] });
    expect(introduced).toEqual([]);
  });

  it('catches a broken rewrite: a wrong option type and a removed import still referenced', async () => {
    const after = [
      "import { AzureOpenAI } from 'openai';",
      '',
      'export const client = new AzureOpenAI({ apiKey: 1, apiVersion: "2024-10-21" });',
      '',
      'export type Message = OpenAI.Chat.Completions.ChatCompletionMessageParam;',
      '',
    ].join('\n');
    const { introduced, ms } = await verifyRewrite({ cwd: dir, files: [{ path: 'chat.ts', before, after }] });
    expect(introduced.map((d) => [d.path, d.line, d.code])).toEqual([
      ['chat.ts', 3, 2322],
      ['chat.ts', 5, 2503],
    ]);
    expect(introduced[1]!.message).toContain("'OpenAI'");
    expect(ms).toBeGreaterThan(0);
  });

  it('does not report a diagnostic the file already had, even when its line moved', async () => {
    const broken = `${before}\nexport const n: number = 'x';\n`;
    const moved = `// migrated\n\n${broken}`;
    const { introduced } = await verifyRewrite({ cwd: dir, files: [{ path: file, before: broken, after: moved }] });
    expect(introduced).toEqual([]);
  });
});

describe('verifyRewrite: the environment, not the rewrite', () => {
  const CONFIG = JSON.stringify({ compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, skipLibCheck: true, noEmit: true } });
  const beforeText = "import OpenAI from 'openai';\n\nexport const client = new OpenAI();\n";
  const afterText = [
    "import { AzureOpenAI } from 'openai';",
    '',
    'export const client = new AzureOpenAI({',
    '  endpoint: process.env.AZURE_OPENAI_ENDPOINT,',
    '  apiKey: process.env.AZURE_OPENAI_API_KEY,',
    "  apiVersion: '2024-10-21',",
    '});',
    '',
  ].join('\n');

  function project(files: Record<string, string>): string {
    const dir = realpathSync(mkdtempSync(path.join(tmpdir(), 'o2a-verify-')));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
    return dir;
  }
  const cleanups: (() => void)[] = [];
  afterAll(() => cleanups.forEach((c) => c()));

  it('a checkout without node_modules: says to install openai and Node types, blames nothing on the rewrite', async () => {
    const dir = project({ 'tsconfig.json': CONFIG });
    const result = await verifyRewrite({ cwd: dir, files: [{ path: 'chat.ts', before: beforeText, after: afterText }] });
    expect(result.introduced).toEqual([]);
    expect(result.environment?.install.sort()).toEqual(['@types/node', 'openai']);
    expect(result.environment?.problems.join('\n')).toContain('module(s) not found: openai');
  });

  it("openai installed but not Node's types: the new process.env reads are the environment's fault", async () => {
    const dir = project({ 'tsconfig.json': CONFIG, 'package.json': '{ "type": "module" }' });
    // A minimal `openai` of its own: the real one lives next to this repository's @types/node, which TS would find.
    const pkg = path.join(dir, 'node_modules', 'openai');
    mkdirSync(pkg, { recursive: true });
    writeFileSync(path.join(pkg, 'package.json'), '{ "name": "openai", "types": "index.d.ts" }');
    writeFileSync(
      path.join(pkg, 'index.d.ts'),
      'export default class OpenAI { constructor(o?: object); }\nexport class AzureOpenAI extends OpenAI {}\n',
    );
    const result = await verifyRewrite({ cwd: dir, files: [{ path: 'chat.ts', before: beforeText, after: afterText }] });
    expect(result.introduced).toEqual([]);
    expect(result.environment).toEqual({ install: ['@types/node'], problems: ["Node's types are missing (`process` has no type)"] });
  });

  it("Node's types installed and no `types` in the tsconfig: included, as TypeScript before 6 does (ts-morph runs 6)", async () => {
    const dir = project({ 'tsconfig.json': CONFIG, 'package.json': '{ "type": "module" }' });
    const pkg = path.join(dir, 'node_modules', 'openai');
    mkdirSync(pkg, { recursive: true });
    writeFileSync(path.join(pkg, 'package.json'), '{ "name": "openai", "types": "index.d.ts" }');
    writeFileSync(path.join(pkg, 'index.d.ts'), 'export default class OpenAI { constructor(o?: object); }\nexport class AzureOpenAI extends OpenAI {}\n');
    const node = path.join(dir, 'node_modules', '@types', 'node');
    mkdirSync(node, { recursive: true });
    writeFileSync(path.join(node, 'package.json'), '{ "name": "@types/node", "types": "index.d.ts" }');
    writeFileSync(path.join(node, 'index.d.ts'), 'declare var process: { env: Record<string, string | undefined> };\n');
    const result = await verifyRewrite({ cwd: dir, files: [{ path: 'chat.ts', before: beforeText, after: afterText }] });
    expect(result.environment).toBeUndefined();
    expect(result.introduced).toEqual([]);
  });

  it('most changed files failing before the rewrite: the environment is reported', async () => {
    const broken = (n: number): string => `${beforeText}export const n${n}: Missing${n} = 1;\n`;
    const files = [1, 2, 3].map((n) => ({ path: `f${n}.ts`, before: broken(n), after: broken(n) }));
    files.push({ path: 'ok.ts', before: beforeText, after: beforeText });
    const result = await verifyRewrite({ cwd: dir, files });
    expect(result.environment?.problems).toEqual(['3 of the 4 changed files already had type errors before the rewrite']);
  });

  it('an error another file already had before is not counted as introduced', async () => {
    const missing = "export const limit: Limits = { tokens: 1 };\n";
    const result = await verifyRewrite({
      cwd: dir,
      files: [
        { path: 'a.ts', before: `${beforeText}${missing}`, after: `${beforeText}${missing}` },
        { path: 'b.ts', before: beforeText, after: `${beforeText}${missing}export const n: number = 'x';\n` },
      ],
    });
    expect(result.environment).toBeUndefined();
    expect(result.preexisting).toBe(1);
    expect(result.introduced.map((d) => [d.path, d.code])).toEqual([['b.ts', 2322]]);
  });
});
