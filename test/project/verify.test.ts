import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
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
