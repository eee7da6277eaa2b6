/**
 * The index fed by the transform pass (`transformFile(..., summarize)`: the summary made from the transforms' own
 * parse) must give the same facts as the index reading and parsing every file itself, and never read a candidate
 * the transform pass summarised.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_OPTIONS, isMigrationCandidate } from '../../src/core/index.js';
import { transformFile } from '../../src/pipeline/process-file.js';
import { buildProjectIndex, ProjectIndexer, type ProjectIndexInput } from '../../src/project/index.js';
import { makeTree } from '../pipeline/tree.js';
import { FIXTURES, relativeFacts, sourceFiles } from './helpers.js';

let cleanup = (): void => {};
afterEach(() => cleanup());

/** The index as `migrate` builds it on one thread: candidates transformed (dry run) and summarised, then the requests. */
async function fromTransformPass(input: ProjectIndexInput): Promise<{ indexer: ProjectIndexer; transformed: Map<string, string> }> {
  const indexer = new ProjectIndexer(input, input.candidates);
  const transformed = new Map<string, string>();
  const settings = { cwd: input.cwd, options: DEFAULT_OPTIONS, dryRun: true, diff: false, keepText: false };
  for (const file of input.candidates) {
    const { result, summary } = await transformFile(file, undefined, settings, true);
    transformed.set(file, result.status);
    indexer.add(file, summary);
  }
  for (let more = indexer.takeRequests(); more.length > 0; more = indexer.takeRequests()) {
    for (const file of more) indexer.add(file, undefined);
  }
  return { indexer, transformed };
}

/** Candidates as the pre-filter picks them; every source file is discovered. */
function inputFor(dir: string): ProjectIndexInput {
  const files = sourceFiles(dir).sort();
  return { cwd: dir, candidates: files.filter((f) => isMigrationCandidate(readFileSync(f, 'utf8'))), files };
}

describe('project index from the transform pass', () => {
  const fixtures = readdirSync(FIXTURES).sort();

  it.each(fixtures)('fixtures/project/%s: the same facts and extra files as reading every file', async (name) => {
    const input = inputFor(path.join(FIXTURES, name));
    const { indexer } = await fromTransformPass(input);
    expect(await indexer.done).toEqual(await buildProjectIndex(input));
    // The index read only modules outside the candidates: each candidate was parsed once, by the transform pass.
    expect(indexer.summarizedHere.filter((f) => input.candidates.includes(f))).toEqual([]);
  });

  it('keeps the facts on CRLF, BOM, JavaScript, re-exported, declaration, broken and non-UTF-8 files', async () => {
    const crlf = (text: string) => text.replace(/\n/g, '\r\n');
    const t = makeTree({
      // A client module with a BOM and CRLF line endings, re-exported through an index.
      'lib/openai.ts': `\uFEFF${crlf("import OpenAI from 'openai';\nexport const client = new OpenAI({\n  baseURL: 'https://api.openai.com/v1',\n});\n")}`,
      'lib/index.ts': "export * from './openai';\nexport { CHAT_MODEL as MODEL } from './models';\n",
      // Not a candidate (no SDK import): reached because candidates import it.
      'lib/models.ts': "export const CHAT_MODEL = 'gpt-4o';\nexport const EMBED_MODEL = 'text-embedding-3-small';\n",
      'routes/chat.ts':
        "import 'openai';\nimport { client, MODEL } from '../lib';\n" +
        'export const ask = () => client.chat.completions.create({ model: MODEL, messages: [] });\n',
      'routes/legacy.js':
        "require('openai');\nconst { client } = require('../lib/openai');\nconst { EMBED_MODEL } = require('../lib/models');\n" +
        'module.exports = () => client.embeddings.create({ model: EMBED_MODEL, input: "x" });\n',
      // Not a candidate: imports a module of interest, so the index reads it in its second round.
      'jobs/price.ts': "import { CHAT_MODEL } from '../lib/models';\nexport const PRICE = { [CHAT_MODEL]: 1 };\n",
      'types/openai.d.ts': "import OpenAI from 'openai';\nexport declare const typed: OpenAI;\n",
      'routes/broken.ts': "import OpenAI from 'openai';\nconst = ;\n",
      // Latin-1 bytes: the transform pass cannot decode it, so the index reads it its own way.
      'routes/latin1.ts': Buffer.from("import OpenAI from 'openai';\n// caf\xe9\nexport const latin = new OpenAI();\n", 'latin1'),
    });
    cleanup = t.cleanup;
    const input = inputFor(t.dir);
    const rel = (files: string[]) => files.map((f) => path.relative(t.dir, f)).sort();
    expect(rel(input.candidates)).toEqual([
      'lib/openai.ts',
      'routes/broken.ts',
      'routes/chat.ts',
      'routes/latin1.ts',
      'routes/legacy.js',
      'types/openai.d.ts',
    ]);
    const { indexer, transformed } = await fromTransformPass(input);
    const index = await indexer.done;
    expect(index).toEqual(await buildProjectIndex(input));
    const facts = relativeFacts(t.dir, index.facts);
    expect(facts['routes/chat.ts']).toMatchObject({ clientBindings: ['client'], modelConstants: { MODEL: 'mixed' } });
    expect(facts['routes/legacy.js']).toMatchObject({ clientBindings: ['client'], modelConstants: { EMBED_MODEL: 'rewritten' } });
    expect(facts['lib/models.ts']).toMatchObject({ rewriteConstants: ['EMBED_MODEL'] });
    expect(rel(index.extraFiles)).toEqual(['lib/models.ts']);
    // Failed in the transform pass, whatever the index does.
    expect(transformed.get(path.join(t.dir, 'routes/broken.ts'))).toBe('failed');
    expect(transformed.get(path.join(t.dir, 'routes/latin1.ts'))).toBe('failed');
    // Read by the index: the modules outside the candidates, and the one candidate the transform pass could not decode.
    expect(rel(indexer.summarizedHere)).toEqual(['jobs/price.ts', 'lib/index.ts', 'lib/models.ts', 'routes/latin1.ts']);
  });
});
