import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { buildProjectIndex } from '../../src/project/index.js';

const dir = mkdtempSync(path.join(tmpdir(), 'o2a-index-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A route of realistic size: a client and a model imported, some plain code around the call. */
function route(i: number): string {
  const helpers = Array.from(
    { length: 20 },
    (_, k) => `export function helper${k}(items: number[]): number {\n  return items.reduce((a, b) => a + b * ${k}, ${i});\n}\n`,
  );
  return [
    "import { openai } from '../lib/openai.js';",
    "import { CHAT_MODEL } from '../config.js';",
    '',
    ...helpers,
    `export async function route${i}(content: string) {`,
    "  return openai.chat.completions.create({ model: CHAT_MODEL, messages: [{ role: 'user', content }] });",
    '}',
  ].join('\n');
}

it('indexes 150 candidates in a fraction of a second', async () => {
  mkdirSync(path.join(dir, 'lib'));
  mkdirSync(path.join(dir, 'routes'));
  writeFileSync(path.join(dir, 'lib/openai.ts'), "import OpenAI from 'openai';\nexport const openai = new OpenAI();\n");
  writeFileSync(path.join(dir, 'config.ts'), "export const CHAT_MODEL = 'gpt-4o';\n");
  const candidates = [path.join(dir, 'lib/openai.ts')];
  for (let i = 0; i < 150; i++) {
    const file = path.join(dir, `routes/r${i}.ts`);
    writeFileSync(file, route(i));
    candidates.push(file);
  }
  const started = performance.now();
  const { facts, extraFiles } = await buildProjectIndex({ cwd: dir, candidates });
  const ms = performance.now() - started;
  expect(facts[path.join(dir, 'config.ts')]?.rewriteConstants).toEqual(['CHAT_MODEL']);
  expect(facts[path.join(dir, 'routes/r149.ts')]?.modelConstants).toEqual({ CHAT_MODEL: 'rewritten' });
  expect(extraFiles).toEqual([path.join(dir, 'config.ts')]);
  // ~150 ms warm, ~1 s cold on a loaded 2-core box; the bound only catches a pathological regression.
  expect(ms).toBeLessThan(5000);
});
