import { describe, expect, it } from 'vitest';
import { DEFAULT_OPTIONS } from '../../src/core/index.js';
import { TRANSFORMS } from '../../transforms/index.js';
import { runTransforms } from '../../transforms/lib/run.js';
import { omitsSemicolons, settleEnds, UNSURE_END } from '../../transforms/lib/semicolons.js';
import { detectTrailingComma } from '../../transforms/lib/trailing-commas.js';

// Semicolon and trailing-comma style of printed code; the fixtures (no-semicolons-*, trailing-comma-per-literal)
// show it on whole files, these the edges.

const BARE = 'import OpenAI from "openai"\n\nconst a = 1\nexport function f() {\n  return a\n}\n';

describe('omitsSemicolons', () => {
  it('tells a file without semicolons from one with them', () => {
    expect(omitsSemicolons(BARE)).toBe(true);
    expect(omitsSemicolons(BARE.replace(/(["1a])\n/g, '$1;\n'))).toBe(false);
  });

  it('counts a file without statements as having them (recast prints them)', () => {
    expect(omitsSemicolons('')).toBe(false);
    expect(omitsSemicolons('export function f() {}\n')).toBe(false);
  });

  it('is not fooled by a for head or a line comment after the semicolon', () => {
    expect(omitsSemicolons('for (let i = 0; i < 2; i++) {\n  const x = i\n  console.log(x)\n}\nconst y = 2\n')).toBe(true);
    expect(omitsSemicolons('const x = 1; // one\nconst y = 2; // two\n')).toBe(false);
  });
});

describe('settleEnds', () => {
  const settle = (text: string) => settleEnds(text.replaceAll('#;', `${UNSURE_END};`));

  it('drops the semicolon where the next line starts a new statement, a block closes, or the text ends', () => {
    expect(settle('a()#;\nb()\n')).toBe('a()\nb()\n');
    expect(settle('{ return a#; }')).toBe('{ return a }');
    expect(settle('a()#;')).toBe('a()');
    expect(settle('a()#; // note\n/* more */\nb()\n')).toBe('a() // note\n/* more */\nb()\n');
  });

  it('keeps it where the next line would continue the statement (ASI)', () => {
    for (const next of ['(f)()', '[1].map(g)', '`t`.trim()', '+x', '-x', '/re/.test(s)', '<div />', '*gen() {}']) {
      expect(settle(`a()#;\n// note\n${next}\n`)).toBe(`a();\n// note\n${next}\n`);
    }
  });

  it('keeps it where another statement follows on the same line', () => {
    expect(settle('a()#; b()\n')).toBe('a(); b()\n');
  });
});

describe('printed statements', () => {
  it('a new statement before a line that starts with `(` keeps its semicolon; the others go', () => {
    const source = 'import OpenAI from "openai"\nimport { z } from "zod"\n;(async () => {\n  console.log(z, new OpenAI())\n})()\n';
    const input = { source, path: 'main.js', options: { ...DEFAULT_OPTIONS, auth: 'entra-id' as const } };
    const regions = runTransforms(TRANSFORMS, input);
    expect(regions.output).toBe(runTransforms(TRANSFORMS, { ...input, wholeFile: true }).output);
    expect(regions.output).toContain('const AZURE_OPENAI_SCOPE = "https://cognitiveservices.azure.com/.default"\n');
    expect(regions.output).toContain('AZURE_OPENAI_SCOPE);\n(async () => {');
  });

  it('a file with semicolons keeps getting them on new statements', () => {
    const result = runTransforms(TRANSFORMS, { source: 'import OpenAI from "openai";\n\nconst openai = new OpenAI();\n', path: 'a.ts' });
    expect(result.output).toMatch(/^import \{ AzureOpenAI \} from "openai";\n/);
  });
});

describe('detectTrailingComma', () => {
  it('does not count the blocks of a file without semicolons as literals without a comma', () => {
    const source = 'const o = {\n  a: 1,\n}\nfunction f(n) {\n  let v = n\n  if (v) {\n    v = 2\n  }\n  return v\n}\n';
    expect(detectTrailingComma(source)).toBe(true);
    expect(detectTrailingComma('const o = {\n  a: 1\n}\n')).toBe(false);
  });
});
