/**
 * The index summarises files from Babel's tree (the transforms' parsers): the TypeScript-only, JSX, CommonJS and
 * Flow shapes must give the facts they would give written plainly.
 */
import { describe, expect, it } from 'vitest';
import { buildProjectIndex } from '../../src/project/index.js';
import { fixture, relativeFacts, sourceFiles } from './helpers.js';

async function facts(name: string) {
  const dir = fixture(name);
  const result = await buildProjectIndex({ cwd: dir, candidates: sourceFiles(dir) });
  return relativeFacts(dir, result.facts);
}

describe('buildProjectIndex on Babel summaries', () => {
  it('follows `import x = require()` to a module that ends in `export =`', async () => {
    const f = await facts('babel-shapes');
    expect(f['app/uses-commonjs.ts']?.clientBindings).toEqual(['client']);
    // `satisfies` around the model; a namespace member is no module constant (and stays out of the facts).
    expect(f['app/uses-commonjs.ts']?.modelConstants).toEqual({ CHAT_MODEL: 'rewritten' });
  });

  it('reads parameter properties, #private fields, `<T>x` casts, `!`, `as` and optional chains in a class', async () => {
    const f = await facts('babel-shapes');
    expect(f['services/assistant.ts']?.clientBindings).toEqual(['api', 'client', 'this.#client', 'this.api', 'this.backup']);
    expect(f['services/assistant.ts']?.modelConstants).toEqual({ EMBEDDING_MODEL: 'rewritten', REPLY_MODEL: 'rewritten' });
    expect(f['lib/models.ts']?.rewriteConstants).toEqual(['CHAT_MODEL', 'EMBEDDING_MODEL', 'REPLY_MODEL']);
  });

  it('reads a .tsx component', async () => {
    const f = await facts('babel-shapes');
    expect(f['components/Chat.tsx']?.clientBindings).toEqual(['openai']);
    expect(f['components/Chat.tsx']?.modelConstants).toEqual({ CHAT_MODEL: 'rewritten' });
  });

  it('follows `exports.x =` and a destructured `require` in .js files', async () => {
    const f = await facts('babel-shapes');
    expect(f['jobs/summarize.js']?.clientBindings).toEqual(['client']);
    expect(f['lib/legacy.js']).toBeUndefined();
  });

  it('parses Flow files (`@flow`) with the Flow parser and reads their types (`?OpenAI`)', async () => {
    const f = await facts('babel-shapes');
    expect(f['app/flow-consumer.js']?.clientBindings).toEqual(['flowClient']);
    expect(f['lib/flow-client.js']?.clientBindings).toEqual(['client']);
  });

  it('resolves through an extended tsconfig with comments, `paths` relative to it, and a directory index', async () => {
    const f = await facts('tsconfig-extends');
    expect(f['src/app/route.ts']?.clientBindings).toEqual(['buttonClient', 'client']);
  });
});

