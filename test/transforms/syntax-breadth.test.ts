import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TRANSFORMS } from '../../transforms/index.js';
import { parserFor, parserNameFor } from '../../transforms/lib/parser.js';
import { runTransforms } from '../../transforms/lib/run.js';

/**
 * Syntax breadth: the full transform set over real-world sources that ship offline in node_modules (the TypeScript
 * of the `openai` package, the JS/TS of other installed packages), each with an OpenAI client, a call, an env read
 * and a raw request injected so that every transform does real work. No throw, output that parses, a second run
 * that changes nothing. Seeded and bounded: the same sample every run.
 */
const POOLS: readonly { dir: string; take: number }[] = [
  { dir: 'node_modules/openai/src', take: 110 },
  { dir: 'node_modules/zod/src', take: 40 },
  { dir: 'node_modules/@openai/agents-core/dist', take: 30 },
  { dir: 'node_modules/eslint/lib', take: 40 },
  { dir: 'node_modules/yaml/dist', take: 20 },
  { dir: 'node_modules/jscodeshift/src', take: 15 },
  { dir: 'node_modules/diff/libesm', take: 15 },
];
const MAX_BYTES = 40_000;
const CODE = /\.(ts|tsx|mts|cts|js|jsx|mjs|cjs)$/;

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)]))
    .filter((f) => CODE.test(f) && !/\.d\.[mc]?ts$/.test(f) && !f.includes('__tests__') && statSync(f).size <= MAX_BYTES)
    .sort();
}

/** A seeded shuffle (mulberry32): the sample is fixed, yet spread over each package. */
function sample<T>(items: T[], take: number, seed: number): T[] {
  let a = seed;
  const random = (): number => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const k = Math.floor(random() * (i + 1));
    [copy[i], copy[k]] = [copy[k]!, copy[i]!];
  }
  return copy.slice(0, take);
}

/** The OpenAI use every transform acts on, in the module style of the host file. */
function injected(esm: boolean): string {
  const load = esm ? 'import O2A_OpenAI from "openai";' : 'const O2A_OpenAI = require("openai");';
  return `
${load}
const o2aClient = new O2A_OpenAI({ apiKey: process.env.OPENAI_API_KEY });
async function o2aCall(prompt) {
  try {
    await fetch("https://api.openai.com/v1/chat/completions", {
      method: "POST",
      headers: { Authorization: \`Bearer \${process.env.OPENAI_API_KEY}\` },
      body: JSON.stringify({ model: "gpt-4o", messages: [{ role: "user", content: prompt }] }),
    });
  } catch {}
  return o2aClient.chat.completions.create({ model: "gpt-4o-mini", messages: [] });
}
`;
}

const cases = POOLS.flatMap(({ dir, take }, i) => sample(files(dir), take, 7 + i));

describe('syntax breadth over installed packages', () => {
  it('samples a few hundred files', () => {
    expect(cases.length).toBeGreaterThanOrEqual(250);
  });

  it.each(cases.map((file) => [relative('node_modules', file), file]))('%s', (_name, file) => {
    const original = readFileSync(file, 'utf8');
    const esm = /\.(ts|tsx|mts|mjs)$/.test(file) || /^\s*(import|export)\s/m.test(original);
    const source = original + injected(esm);
    const parser = parserNameFor(file, source) ?? 'ts';
    const first = runTransforms(TRANSFORMS, { source, path: file, parser });
    expect(first.changed).toBe(true);
    expect(first.output).toContain('AZURE_OPENAI_ENDPOINT');
    expect(first.output).toContain('/openai/v1/chat/completions');
    expect(() => parserFor(parser).parse(first.output)).not.toThrow();
    const second = runTransforms(TRANSFORMS, { source: first.output, path: file, parser });
    expect(second.output).toBe(first.output);
  });
});
