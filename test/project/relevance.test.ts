/**
 * The index parses a module outside the candidates only when its text can matter (relevance.ts): it quotes a model
 * name, or imports, through modules like it, a candidate or such a module. The facts must not change for it.
 */
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ProjectIndexer } from '../../src/project/index.js';
import { Relevance } from '../../src/project/relevance.js';
import { ModuleResolver } from '../../src/project/resolve.js';
import { makeTree } from '../pipeline/tree.js';
import { relativeFacts } from './helpers.js';

let cleanup = (): void => {};
afterEach(() => cleanup());

const TREE = {
  'lib/openai.ts': "import OpenAI from 'openai';\nexport const client = new OpenAI();\n",
  // A barrel that re-exports the client: it imports a candidate, so it matters.
  'lib/index.ts': "export { client } from './openai';\nexport { slugify } from './strings';\n",
  // Quotes a model name: may declare a model constant.
  'lib/models.ts': "export const CHAT_MODEL = 'gpt-4o';\n",
  // Two helpers importing each other and packages only: nothing the index is about.
  'lib/strings.ts': "import { z } from 'zod';\nimport { log } from './log';\nexport const slugify = (s: string) => (log(s), z.string().parse(s));\n",
  'lib/log.ts': "import { slugify } from './strings';\nexport const log = (s: string) => console.log(slugify.name, s);\n",
  // Reaches the client through the barrel.
  'lib/admin.ts': "import { client } from './index';\nexport const models = () => client.models.list();\n",
  'routes/chat.ts':
    "import 'openai';\nimport { client } from '../lib';\nimport { CHAT_MODEL } from '../lib/models';\nimport { slugify } from '../lib/strings';\n" +
    'export const run = () => client.chat.completions.create({ model: CHAT_MODEL, messages: [{ role: "user", content: slugify("x") }] });\n',
};

describe('Relevance', () => {
  it('tells which modules outside the candidates can matter, through import cycles', () => {
    const t = makeTree(TREE);
    cleanup = t.cleanup;
    const abs = (file: string) => path.join(t.dir, file);
    const resolver = new ModuleResolver();
    const relevance = new Relevance(new Set([abs('lib/openai.ts'), abs('routes/chat.ts')]), (from, spec) => resolver.resolve(from, spec));
    expect(relevance.matters(abs('lib/strings.ts'))).toBe(false);
    expect(relevance.matters(abs('lib/log.ts'))).toBe(false);
    expect(relevance.matters(abs('lib/models.ts'))).toBe(true);
    expect(relevance.matters(abs('lib/index.ts'))).toBe(true);
    expect(relevance.matters(abs('lib/admin.ts'))).toBe(true);
  });

  it('keeps the helpers unread and the facts whole', async () => {
    const t = makeTree(TREE);
    cleanup = t.cleanup;
    const index = async (files: string[]) => {
      const indexer = new ProjectIndexer({ cwd: t.dir, candidates: files.map((f) => path.join(t.dir, f)) });
      for (let more = indexer.takeRequests(); more.length > 0; more = indexer.takeRequests()) {
        for (const file of more) indexer.add(file, undefined);
      }
      const facts = relativeFacts(t.dir, (await indexer.done).facts);
      return { facts, read: indexer.summarizedHere.map((f) => path.relative(t.dir, f)).sort() };
    };
    const pruned = await index(['lib/openai.ts', 'routes/chat.ts']);
    expect(pruned.facts['routes/chat.ts']).toMatchObject({ clientBindings: ['client'], modelConstants: { CHAT_MODEL: 'rewritten' } });
    expect(pruned.read).toEqual(['lib/index.ts', 'lib/models.ts', 'lib/openai.ts', 'routes/chat.ts']);
    // Every file a candidate (none can be left unread): the route learns the same.
    const whole = await index(Object.keys(TREE));
    expect(whole.read).toContain('lib/strings.ts');
    expect(whole.facts['routes/chat.ts']).toEqual(pruned.facts['routes/chat.ts']);
  });
});
