import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fromString } from 'recast/lib/lines.js';
import { describe, expect, it } from 'vitest';
import { DEFAULT_OPTIONS, type MigrationOptions } from '../../src/core/index.js';
import { TRANSFORMS } from '../../transforms/index.js';
import { fragmentParserFor, parserFor, plainParserFor } from '../../transforms/lib/parser.js';
import { lineLayout, proseOf, proseOfTokens, snapshot } from '../../transforms/lib/regions.js';
import { runTransforms } from '../../transforms/lib/run.js';

/**
 * A changed file is printed by regions (only what changed goes through recast, the rest keeps its bytes) and must
 * come out exactly as a whole-file recast print would have it. The fixture runner checks that on every fixture;
 * these are the shapes that decide how a region is printed, each also checked to take the region way (or, for
 * what only a whole-file print can do, that way).
 */
function both(source: string, path = 'file.ts', options: Partial<MigrationOptions> = {}) {
  const input = { source, path, options: { ...DEFAULT_OPTIONS, ...options } };
  return { regions: runTransforms(TRANSFORMS, input), whole: runTransforms(TRANSFORMS, { ...input, wholeFile: true }) };
}

function expectSame(source: string, path?: string, options?: Partial<MigrationOptions>) {
  const { regions, whole } = both(source, path, options);
  expect(regions.changed).toBe(true);
  expect(regions.output).toBe(whole.output);
  expect(regions.outcome.changes).toEqual(whole.outcome.changes);
  expect(regions.outcome.todos).toEqual(whole.outcome.todos);
  expect(whole.printed).toBe('whole file');
  return regions;
}

const CLIENT = "import OpenAI from 'openai';\n\nconst client = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });\n";

describe('printing by regions', () => {
  it('a model literal deep in nested callbacks; odd formatting elsewhere keeps its bytes', () => {
    const source = `${CLIENT}
const   untouched = [ 1,2 ,3 ];

describe('chat', () => {
  it('answers', async () => {
    const r = await client.chat.completions.create({
      model:   'gpt-4o',
      messages: [{ role: 'user', content: 'hi' }],
    });
  });
});
`;
    const result = expectSame(source);
    expect(result.printed).toBe('regions');
    expect(result.output).toContain('const   untouched = [ 1,2 ,3 ];');
  });

  it('an expression replaced where the new one needs parentheses', () => {
    const source = `${CLIENT}
const model = (process.env.CHAT_MODEL || 'gpt-4o') as string;
export const ask = () => client.chat.completions.create({ model, messages: [] });
`;
    const result = expectSame(source);
    expect(result.printed).toBe('regions');
    expect(result.output).toMatch(/\|\| \(process\.env\.\w+ \?\? 'gpt-4o'\)/);
  });

  it('options added to a client keep the kept ones as written', () => {
    const source = "import OpenAI from 'openai';\n\nexport const client = new OpenAI({\n  timeout:   20_000,  // ms\n  maxRetries: 2,\n});\n";
    expect(expectSame(source).printed).toBe('regions');
  });

  it('markers above statements that already carry comments, in a function', () => {
    const source = `${CLIENT}
export async function review(fileId: string) {
  // start the job
  const job = await client.fineTuning.jobs.create({ model: 'gpt-4o-mini-2024-07-18', training_file: fileId });
  /* and list models */
  const models = await client.models.list();
  return { job, models };
}
`;
    const result = expectSame(source);
    expect(result.printed).toBe('regions');
    expect(result.outcome.todos.length).toBeGreaterThan(0);
  });

  it('an export default client (recast gives the exported expression no location)', () => {
    expect(expectSame("import OpenAI from 'openai';\n\nexport default new OpenAI({ apiKey: process.env.OPENAI_API_KEY });\n").printed).toBe('regions');
  });

  it('a return statement with a change inside is reprinted whole, as recast does (here: still without a semicolon)', () => {
    const source = "import OpenAI from 'openai'\n\nexport function make() {\n  return new OpenAI()\n}\n";
    const result = expectSame(source);
    expect(result.printed).toBe('regions');
    expect(result.output).toMatch(/\}\)\n\}/);
  });

  it('require with destructuring, in CommonJS', () => {
    const source = "const { OpenAI } = require('openai');\n\nconst openai = new OpenAI();\nmodule.exports = { openai };\n";
    expect(expectSame(source, 'client.cjs').printed).toBe('regions');
  });

  it('a client call inside a React component (.tsx)', () => {
    const source = `${CLIENT}
export function Answer({ q }: { q: string }) {
  const run = async () => {
    await client.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: q }] });
  };
  return <button onClick={run}>ask</button>;
}
`;
    expect(expectSame(source, 'answer.tsx').printed).toBe('regions');
  });

  it('a statement added at the top level (Entra ID import), laid out as recast lays out statements', () => {
    const source = `${CLIENT}\nexport async function ask() {\n  return client.models.list();\n}\n`;
    const result = expectSame(source, 'client.ts', { auth: 'entra-id' });
    expect(result.printed).toBe('regions');
    expect(result.output).toContain('@azure/identity');
  });

  it('an import split in two before the first statement (AI SDK), the rest of the file kept', () => {
    const source = [
      "import { openai, type OpenAIResponsesProviderOptions } from '@ai-sdk/openai';",
      "import { generateText } from 'ai';",
      '',
      'export async function main() {',
      "  const { text } = await generateText({ model: openai('gpt-4o'), prompt: 'hi' });",
      '  return text;',
      '}',
      '',
    ].join('\n');
    const result = expectSame(source);
    expect(result.printed).toBe('regions');
  });

  it('statements removed and added at the top level, where recast compares slot by slot', () => {
    const source = [
      "const { openai } = require('@ai-sdk/openai');",
      "const { createOpenAI } = require('@ai-sdk/openai');",
      "const { generateText } = require('ai');",
      '',
      'const custom = createOpenAI({ apiKey: process.env.OPENAI_API_KEY });',
      '',
      "module.exports.ask = (prompt) => generateText({ model: custom.chat(openai ? 'gpt-4o-mini' : 'gpt-4o'), prompt });",
      '',
    ].join('\n');
    expect(expectSame(source, 'ask.cjs', { target: 'v1' }).printed).toBe('regions');
  });

  it('lines of a template literal left of the changed statement keep their columns', () => {
    const source = `${CLIENT}
export async function plan() {
  const first = await client.chat.completions.create({
    model: 'gpt-4o',
    messages: [{ role: 'user', content: \`Plan the launch.
Keep it reversible.
  And short.\` }],
  });
  return first;
}
`;
    const result = expectSame(source);
    expect(result.printed).toBe('regions');
    expect(result.output).toContain('\nKeep it reversible.\n  And short.`');
  });

  it('a statement added above a header comment takes the whole-file way (recast attaches the comment below it)', () => {
    const source = `// header\n${"import { openai, type OpenAIResponsesProviderOptions } from '@ai-sdk/openai';"}\nexport const model = openai('gpt-4o');\n`;
    expect(expectSame(source).printed).toBe('whole file');
  });

  it('tab-indented files take the whole-file way (recast reads tabs as columns)', () => {
    const source = "import OpenAI from 'openai';\n\nexport function make() {\n\treturn new OpenAI();\n}\n";
    expect(expectSame(source).printed).toBe('whole file');
  });

  it('a marker is inserted above its statement, which keeps its text (recast would reprint it: a cast object broken up)', () => {
    const statement = [
      '  const result = await generateText({',
      "    model: openai('gpt-5-mini'),",
      '    messages: history.map(({ role, content }) => ({ role, content }) as ModelMessage),',
      '  });',
    ];
    const source = [
      "import { openai } from '@ai-sdk/openai';",
      "import { generateText, type ModelMessage } from 'ai';",
      '',
      "export async function answer(history: { role: 'user'; content: string }[]) {",
      ...statement,
      '  return result.text;',
      '}',
      '',
    ].join('\n');
    const { regions, whole } = both(source);
    expect(regions.printed).toBe('regions');
    const lines = regions.output.split('\n');
    expect(lines[0]).toBe("import { azure } from '@ai-sdk/azure';");
    expect(lines[4]).toMatch(/^  \/\/ TODO\(openai-to-azure\): the AI SDK detects reasoning models/);
    expect(lines.slice(5, 9)).toEqual([statement[0], "    model: azure(process.env.AZURE_OPENAI_DEPLOYMENT_GPT_5_MINI ?? 'gpt-5-mini'),", statement[2], statement[3]]);
    expect(regions.outcome.todos).toEqual(whole.outcome.todos);
    // The whole-file print reprints the statement the marker sits on, and with it the cast object inside.
    expect(whole.output).toContain('(({\n      role,');
  });

  it('a marker above an exported declaration is inserted too (recast prints `export` and the declaration anew)', () => {
    const statement = [
      'export const agent = new ToolLoopAgent({',
      "  model: openai.responses('gpt-5'),",
      '  tools: { shell: openai.tools.localShell({ execute: async () => ({ output: "" }) as LocalShellOutput }) },',
      '});',
    ];
    const source = ["import { openai } from '@ai-sdk/openai';", "import { ToolLoopAgent } from 'ai';", '', ...statement, ''].join('\n');
    const { regions, whole } = both(source);
    expect(regions.printed).toBe('regions');
    const lines = regions.output.split('\n');
    const at = lines.indexOf(statement[0]!);
    expect(lines[at - 1]).toMatch(/^\/\/ TODO\(openai-to-azure\): /);
    expect(lines[at + 2]).toBe(statement[2]);
    expect(regions.outcome.todos).toEqual(whole.outcome.todos);
    // The whole-file print reprints the exported statement, and with it the cast object inside.
    expect(whole.output).not.toContain(statement[2]);
  });

  it('a marker above a statement without a semicolon: the statement ends as it was', () => {
    const source = `${CLIENT.replaceAll(';', '')}\nexport async function ask(settings: { model: string }) {\n  const response = await client.chat.completions.create({\n    model: settings.model,\n    messages: []\n  })\n  return response\n}\n`;
    const regions = expectSame(source);
    expect(regions.printed).toBe('regions');
    expect(regions.output).toContain('// TODO(openai-to-azure)');
    expect(regions.output).toContain('    messages: []\n  })\n');
  });

  it('an unchanged file is not printed at all', () => {
    const source = "import OpenAI from 'openai';\n\nconst client = new OpenAI({ baseURL: 'http://localhost:4010' });\n";
    const { regions } = both(source);
    expect(regions.changed).toBe(false);
    expect(regions.output).toBe(source);
    expect(regions.printed).toBeUndefined();
  });

  it('a change in a class method that reads private names, `super` and `new.target`', () => {
    const source = `import OpenAI from 'openai';

export class Assistant extends Base {
  #client: OpenAI;
  #calls = 0;

  constructor(key: string) {
    super(key);
    if (new.target === Assistant) this.#calls = 0;
    this.#client = new OpenAI({ apiKey: key,   timeout: 20_000 });
  }

  async *ask(question: string) {
    for (const attempt of [1, 2]) {
      this.#calls++;
      const r = await this.#client.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: question }] });
      if (r.choices.length > 0) {
        yield r;
        break;
      }
      if (attempt === 1) continue;
    }
  }
}
`;
    const result = expectSame(source);
    expect(result.printed).toBe('regions');
    expect(result.output).toContain('#calls = 0;');
  });
});

describe('parsing a region alone', () => {
  const parse = (text: string) => fragmentParserFor('ts', 0).parse(text) as unknown as { program: { body: { type: string }[] } };

  it('lets through what only its missing context makes an error', () => {
    for (const text of ['this.#client = x;', 'super.close();', 'super(key);', 'new.target;', 'yield r;', 'break;', 'continue;']) {
      expect(parse(text).program.body, text).toHaveLength(1);
    }
  });

  it('still fails on a real syntax error', () => {
    expect(() => parse('const = ;')).toThrow();
    expect(() => parse('x = yield;')).toThrow();
    expect(() => parse('let a = 1; let a = 2;')).toThrow();
  });
});

describe('line layout', () => {
  /** What it replaces: recast's own tab width guess, and each line's first non-blank column by a regex. */
  const recastWay = (source: string) => ({
    firstColumns: [0, ...source.split('\n').map((line) => /\S/.exec(line)?.index ?? Infinity)],
    tabWidth: fromString(source).guessTabWidth(),
  });
  const fixtures = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? fixtures(join(dir, e.name)) : /\.input\.[cm]?[jt]sx?$/.test(e.name) ? [join(dir, e.name)] : []));

  it('gives what recast and the regex give, on every fixture without tabs or carriage returns', () => {
    const sources = fixtures('fixtures').map((f) => readFileSync(f, 'utf8')).filter((s) => !/[\t\r\u2028\u2029]/.test(s));
    expect(sources.length).toBeGreaterThan(50);
    for (const source of sources) expect(lineLayout(source)).toEqual(recastWay(source));
  });

  it('on odd blanks, blank lines and edges', () => {
    const cases = [
      '',
      '\n',
      'a',
      'a\n',
      '  \n    \n',
      'a\n   b\n      c\n   d\n',
      'a\n    b\n        c\n  d\n',
      'x\n\u00a0\u00a0y\n\u000b\u000bz\n\ufeffw\n \u000c \n\u3000v',
      'if (a) {\n  b();\n\n  if (c) {\n    d();\n  }\n}\n',
      'a\n\n\n        b\n',
    ];
    for (const source of cases) expect(lineLayout(source), JSON.stringify(source)).toEqual(recastWay(source));
  });

  it('guesses the tab width from lines of code only: lines that start in a block comment or a template do not count', () => {
    const source = ['/**', ' * a', ' */', 'const p = `x', ' - y', ' - z', '`;', 'f({', '  a: 1,', '});', '/* b', ' c */', 'g();', ''].join('\n');
    const plain = plainParserFor('ts').parse(source) as never;
    const prose = proseOf(plain, [...snapshot(plain).keys()]);
    expect(lineLayout(source).tabWidth).toBe(1);
    expect(lineLayout(source, prose)).toEqual({ firstColumns: recastWay(source).firstColumns, tabWidth: 2 });
    // The tokens of a recast parse mark the same text.
    const tokens = (parserFor('ts').parse(source) as unknown as { tokens: unknown[] }).tokens;
    expect(proseOfTokens(tokens as never)).toEqual(prose.sort((a, b) => a[0] - b[0]));
  });
});

describe('report lines', () => {
  it('gives changes, as markers, at their lines in the migrated file', () => {
    const source = [
      "import OpenAI from 'openai';",
      '',
      'const client = new OpenAI();',
      '',
      'export async function moderate(input: string) {',
      '  await client.moderations.create({ input });',
      "  return client.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: input }] });",
      '}',
      '',
    ].join('\n');
    const { regions, whole } = both(source);
    for (const run of [regions, whole]) {
      const lines = run.output.split('\n');
      const at = (kind: string) => run.outcome.changes.find((c) => c.kind === kind)!.line;
      expect(lines[at('client') - 1]).toContain('new AzureOpenAI(');
      expect(lines[at('deployment') - 1]).toContain('AZURE_OPENAI_DEPLOYMENT_GPT_4O');
      // The client's options and the moderation marker pushed the call down: the same coordinates as the marker's.
      expect(at('deployment')).toBeGreaterThan(run.outcome.todos[0]!.line);
    }
  });

  it('each of several expanded clients at its own line, a request below its marker, an export default client', () => {
    const source = [
      "import OpenAI from 'openai';",
      'export const a = new OpenAI();',
      'export const b = new OpenAI();',
      'export function models() {',
      "  return fetch('https://api.openai.com/v1/models', { headers: { Authorization: `Bearer ${process.env.OPENAI_API_KEY}` } });",
      '}',
      'export default new OpenAI;',
      '',
    ].join('\n');
    const { regions, whole } = both(source);
    for (const run of [regions, whole]) {
      const lines = run.output.split('\n');
      const at = (kind: string) => run.outcome.changes.filter((c) => c.kind === kind).map((c) => lines[c.line - 1]);
      expect(at('client')).toEqual(['export const a = new AzureOpenAI({', 'export const b = new AzureOpenAI({', 'export default new AzureOpenAI({']);
      expect(at('endpoint')).toEqual([expect.stringContaining('return fetch(')]);
    }
  });
});
