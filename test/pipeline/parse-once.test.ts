// `migrate` parses each candidate once for both the transforms and the project index: the parsers are counted (on
// this thread: a tree this small runs without a pool), per file text.
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_OPTIONS } from '../../src/core/index.js';
import { migrate } from '../../src/pipeline/migrate.js';
import { summarizeTree } from '../../src/project/summarize-file.js';
import { TRANSFORMS } from '../../transforms/index.js';
import { indexBuilds, indexOfTree } from '../../transforms/lib/file-index.js';
import { parserFor, plainParserFor, type ParserName } from '../../transforms/lib/parser.js';
import { runTransforms } from '../../transforms/lib/run.js';
import { makeTree } from './tree.js';

let cleanup = (): void => {};
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const FILES: Record<string, string> = {
  // Candidates.
  'src/lib/client.ts': "import OpenAI from 'openai';\nexport const client = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });\n",
  'src/routes/ask.ts':
    "import 'openai';\nimport { client } from '../lib/client';\n" +
    "export const embed = () => client.embeddings.create({ model: 'text-embedding-3-small', input: 'x' });\n",
  'src/routes/chat.ts':
    "import 'openai';\nimport { CHAT_MODEL } from '../lib/models';\n" +
    "export const options = { model: CHAT_MODEL, messages: [] };\n",
  'src/routes/own.ts':
    "import OpenAI from 'openai';\nconst openai = new OpenAI();\nexport const run = () => openai.chat.completions.create({ model: 'gpt-4o', messages: [] });\n",
  'src/routes/plain.ts': "import OpenAI from 'openai';\nexport type Client = OpenAI;\nexport const version = 1;\n",
  'src/routes/broken.ts': "import OpenAI from 'openai';\nconst = ;\n",
  // Not candidates: a module the index follows (chat.ts imports it), and an importer it reads in its second round.
  'src/lib/models.ts': "export const CHAT_MODEL = 'gpt-4o';\n",
  'src/jobs/price.ts': "import { CHAT_MODEL } from '../lib/models';\nexport const PRICE = { [CHAT_MODEL]: 1 };\n",
  // Neither: never parsed.
  'src/util.ts': 'export const add = (a: number, b: number) => a + b;\n',
};

/** How many times each file's text went through the plain (first-pass and index) and the recast parsers. */
function countParses(): { plain: Map<string, number>; recast: Map<string, number> } {
  const plain = new Map<string, number>();
  const recast = new Map<string, number>();
  const count = (counts: Map<string, number>, parser: { parse(source: string): unknown }) => {
    const parse = parser.parse.bind(parser);
    vi.spyOn(parser, 'parse').mockImplementation((source: string) => {
      counts.set(source, (counts.get(source) ?? 0) + 1);
      return parse(source) as never;
    });
  };
  for (const name of ['ts', 'tsx', 'babel', 'flow'] as ParserName[]) {
    count(plain, plainParserFor(name));
    count(recast, parserFor(name));
  }
  return { plain, recast };
}

describe('migrate: one parse per candidate', () => {
  it('summarises each candidate for the index from the transforms\' own parse; re-runs only the files with facts', async () => {
    const t = makeTree(FILES);
    cleanup = t.cleanup;
    const { plain, recast } = countParses();
    const report = await migrate({ cwd: t.dir, paths: ['.'], options: DEFAULT_OPTIONS, dryRun: false, workers: 1 });
    const statuses = Object.fromEntries(report.files.map((f) => [f.path, f.status]));
    expect(statuses).toEqual({
      'src/lib/client.ts': 'changed',
      'src/routes/ask.ts': 'changed',
      'src/routes/broken.ts': 'failed',
      'src/routes/chat.ts': 'unchanged',
      'src/routes/own.ts': 'changed',
      'src/routes/plain.ts': 'unchanged',
    });
    // Only the facts about the imported client make this rewrite: ask.ts was re-run with them.
    expect(readFileSync(`${t.dir}/src/routes/ask.ts`, 'utf8')).toContain('AZURE_OPENAI_DEPLOYMENT');
    const parses = (counts: Map<string, number>, path: string) => counts.get(FILES[path]!.replace(/\r\n/g, '\n')) ?? 0;
    // Once each, for the transforms and the index alike: a file sure to change (client.ts, own.ts) too, as its
    // changed regions are printed from that parse (recast parses only their text, never the whole file).
    for (const path of ['src/lib/client.ts', 'src/routes/chat.ts', 'src/routes/own.ts', 'src/routes/plain.ts', 'src/routes/broken.ts']) {
      expect(parses(plain, path), path).toBe(1);
    }
    for (const path of ['src/lib/client.ts', 'src/routes/own.ts']) expect(parses(recast, path), path).toBe(0);
    // Modules outside the candidates: parsed once, for the index only.
    for (const path of ['src/lib/models.ts', 'src/jobs/price.ts']) {
      expect(parses(plain, path), path).toBe(1);
      expect(parses(recast, path), path).toBe(0);
    }
    expect(parses(plain, 'src/util.ts') + parses(recast, 'src/util.ts')).toBe(0);
    // The file with facts: unchanged without them, then re-run with them (the probe finds a change, the regions'
    // pass parses it again and prints what changed).
    expect(parses(plain, 'src/routes/ask.ts')).toBe(3);
    expect(parses(recast, 'src/routes/ask.ts')).toBe(0);
  });

  it('walks each tree once for the summary and the transforms: the summary reads the index they then use', () => {
    const source = FILES['src/routes/plain.ts']!;
    let summary: ReturnType<typeof summarizeTree> | undefined;
    let builtForSummary = 0;
    const before = indexBuilds.builds;
    const run = runTransforms(TRANSFORMS, {
      source,
      path: 'plain.ts',
      onPlainTree: (tree) => {
        summary = summarizeTree(tree, source);
        builtForSummary = indexBuilds.builds - before;
        expect(indexOfTree(tree).nodes('ImportDeclaration')).toHaveLength(1);
      },
    });
    expect(run.changed).toBe(false);
    expect(summary!.imports.get('OpenAI')).toEqual({ spec: 'openai', name: 'default' });
    // Built by the summary, then asked by the transforms (the SDK's bindings) without another walk.
    expect(builtForSummary).toBe(1);
    expect(indexBuilds.builds - before).toBe(1);
  });
});
