import { afterEach, describe, expect, it } from 'vitest';
import { formatSize, looksMinified, screenFile } from '../../src/pipeline/limits.js';
import { makeTree } from './tree.js';

let cleanup = (): void => {};
afterEach(() => cleanup());

function tree(files: Record<string, string | Buffer>): string {
  const t = makeTree(files);
  cleanup = t.cleanup;
  return t.dir;
}

/** Minified-looking code: one long line, almost no whitespace. */
const dense = (length: number): string => 'var a=function(e,t){return e.openai+t};'.repeat(Math.ceil(length / 40)).slice(0, length);

describe('limits', () => {
  it('formats sizes in decimal units', () => {
    expect(formatSize(8_100_000)).toBe('8.1 MB');
    expect(formatSize(1_000_000)).toBe('1 MB');
    expect(formatSize(500_000)).toBe('500 kB');
    expect(formatSize(900)).toBe('900 B');
  });

  it('tells minified code from long prose lines (prompts) and ordinary code', () => {
    expect(looksMinified(dense(5000))).toBe(true);
    expect(looksMinified(`const prompt = "${'You are a helpful assistant. '.repeat(100)}";\n`)).toBe(false);
    expect(looksMinified('import OpenAI from "openai";\nexport const c = new OpenAI();\n'.repeat(200))).toBe(false);
    expect(looksMinified('export const x = 1;\n', 'vendor/openai.min.js')).toBe(true);
    // A test file with a few long dense fixture lines (SSE payloads) is still mostly code.
    const code = 'import { it } from "vitest";\nit("streams", async () => {\n  expect(await run()).toEqual(1);\n});\n'.repeat(40);
    expect(looksMinified(`${code}const chunk = \`data:${'{"type":"x","id":"a"}'.repeat(60)}\`;\n${code}`)).toBe(false);
  });

  it('does not count long literals (an SVG path, a base64 image) of hand-written code as minified', () => {
    const component = 'export function Icon() {\n  return (\n    <svg viewBox="0 0 40 40">\n      <path\n';
    const path = `        d="M${'17.13894 26.32688C'.repeat(200)}Z"\n`;
    expect(looksMinified(`import OpenAI from "openai";\n${component}${path}      />\n    </svg>\n  );\n}\n`)).toBe(false);
    const image = `export const logo = 'data:image/png;base64,${'iVBORw0KGgoAAAANSUhEUgAA'.repeat(200)}';\n`;
    expect(looksMinified(`import OpenAI from "openai";\nexport const c = new OpenAI();\n${image}`)).toBe(false);
    // Minified code keeps its strings: it is still minified, whatever share of it they are.
    expect(looksMinified(`${dense(3000)}${'e.x="gpt-4o-mini-2024-07-18-and-more";'.repeat(100)}`)).toBe(true);
  });

  it('skips files over the size limit that mention OpenAI, naming both sizes', () => {
    const dir = tree({ 'big.js': `// openai\n${'x'.repeat(2000)}\n`, 'big-unrelated.js': 'y'.repeat(5000) });
    expect(screenFile(`${dir}/big.js`, 1000)).toEqual({ kind: 'skipped', reason: 'too large: 2 kB > 1 kB' });
    expect(screenFile(`${dir}/big-unrelated.js`, 1000)).toEqual({ kind: 'irrelevant' });
  });

  it('finds a mention cut across the chunks of a too-large file', () => {
    const pad = 'z'.repeat((1 << 16) - 3);
    const dir = tree({ 'cut.js': `${pad}openai${pad}` });
    expect(screenFile(`${dir}/cut.js`, 1000)).toMatchObject({ kind: 'skipped' });
  });

  it('skips binary files (NUL bytes, invalid UTF-8) and minified ones; reads the rest once', () => {
    const code = 'import OpenAI from "openai";\n';
    const dir = tree({
      'nul.js': Buffer.concat([Buffer.from(code), Buffer.from([0, 1, 2])]),
      'latin1.js': Buffer.from(`${code}// caf\xe9\n`, 'latin1'),
      'bundle.js': `${code}${dense(3000)}\n`,
      'app.ts': code,
      'other.ts': 'export const x = 1;\n',
    });
    expect(screenFile(`${dir}/nul.js`, 1e6)).toEqual({ kind: 'skipped', reason: 'binary' });
    expect(screenFile(`${dir}/latin1.js`, 1e6)).toEqual({ kind: 'skipped', reason: 'binary' });
    expect(screenFile(`${dir}/bundle.js`, 1e6)).toEqual({ kind: 'skipped', reason: 'minified' });
    expect(screenFile(`${dir}/app.ts`, 1e6)).toEqual({ kind: 'text', text: code });
    expect(screenFile(`${dir}/other.ts`, 1e6)).toEqual({ kind: 'irrelevant', text: 'export const x = 1;\n' });
    expect(screenFile(`${dir}/missing.ts`, 1e6)).toEqual({ kind: 'unreadable' });
  });

  it('decodes UTF-8 (dropping a BOM) and ASCII alike, each file whole whatever was read before it', () => {
    const ascii = 'import OpenAI from "openai";\n';
    const accented = `${ascii}// café, 日本語 ✓\n`;
    const dir = tree({
      'long.ts': `${ascii}${'// openai\n'.repeat(20_000)}`,
      'bom.ts': `\uFEFF${accented}`,
      'short.ts': ascii,
      'utf8.ts': accented,
    });
    expect(screenFile(`${dir}/long.ts`, 1e6)).toMatchObject({ kind: 'text' });
    expect(screenFile(`${dir}/bom.ts`, 1e6)).toEqual({ kind: 'text', text: accented });
    expect(screenFile(`${dir}/short.ts`, 1e6)).toEqual({ kind: 'text', text: ascii });
    expect(screenFile(`${dir}/utf8.ts`, 1e6)).toEqual({ kind: 'text', text: accented });
  });
});
