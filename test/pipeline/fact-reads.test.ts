// A candidate transformed ahead of the project index keeps that result when the facts the index then gives it answer
// every read the transforms made as no facts did (fact-reads.ts); any other answer transforms it again with them.
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_OPTIONS, emptyFacts, type FileFacts } from '../../src/core/index.js';
import { answersAlike, observedNoFacts } from '../../src/pipeline/fact-reads.js';
import { processAll, type Job } from '../../src/pipeline/pool.js';
import { transformFile, type Transformed } from '../../src/pipeline/process-file.js';
import type { FileResult } from '../../src/pipeline/types.js';
import { makeTree } from './tree.js';

let cleanup = (): void => {};
afterEach(() => cleanup());

const facts = (more: Partial<FileFacts>): FileFacts => ({ ...emptyFacts(), ...more });

describe('observedNoFacts', () => {
  it('holds what emptyFacts holds and records each read with its answer', () => {
    const { facts: observed, reads } = observedNoFacts();
    expect(observed.clientBindings.includes('client')).toBe(false);
    expect(observed.rewriteConstants.length).toBe(0);
    expect(observed.modelConstants['MODEL']).toBeUndefined();
    expect(observed.testsMigratedCode).toBeUndefined();
    expect(observed.aiSdkProviders?.includes('p')).toBeUndefined();
    expect(JSON.parse(JSON.stringify(observed))).toEqual(emptyFacts());
    expect(reads.slice(0, 5)).toEqual([
      { key: 'clientBindings', includes: 'client', answer: false },
      { key: 'rewriteConstants', length: 0 },
      { key: 'modelConstants', entry: 'MODEL', answer: undefined },
      { key: 'testsMigratedCode', json: undefined },
      { key: 'aiSdkProviders', json: undefined },
    ]);
  });

  it('reads a list iterated or indexed as a whole', () => {
    const { facts: observed, reads } = observedNoFacts();
    expect([...observed.clientBindings]).toEqual([]);
    expect(observed.rewriteConstants[0]).toBeUndefined();
    expect(reads).toContainEqual({ key: 'clientBindings', json: '[]' });
    expect(reads).toContainEqual({ key: 'rewriteConstants', json: '[]' });
    expect(answersAlike(reads, facts({ testsMigratedCode: true }))).toBe(true);
    expect(answersAlike(reads, facts({ clientBindings: ['x'] }))).toBe(false);
  });

  it('lets a write through and asks for the transforms to run again', () => {
    const { facts: observed, reads } = observedNoFacts();
    observed.clientBindings.push('x');
    expect(observed.clientBindings.includes('x')).toBe(true);
    expect(answersAlike(reads, emptyFacts())).toBe(false);
  });
});

describe('answersAlike', () => {
  const reads = (use: (f: FileFacts) => unknown) => {
    const observed = observedNoFacts();
    use(observed.facts);
    return observed.reads;
  };

  it('is true when the facts differ only in what was not asked', () => {
    const asked = reads((f) => [f.clientBindings.includes('openai'), f.modelConstants['MODEL'], f.rewriteConstants.length]);
    expect(answersAlike(asked, facts({ clientBindings: ['client'], modelConstants: { OTHER: 'mixed' }, testsMigratedCode: true }))).toBe(true);
  });

  it('is false when one answer differs', () => {
    expect(answersAlike(reads((f) => f.clientBindings.includes('client')), facts({ clientBindings: ['client'] }))).toBe(false);
    expect(answersAlike(reads((f) => f.rewriteConstants.length), facts({ rewriteConstants: ['MODEL'] }))).toBe(false);
    expect(answersAlike(reads((f) => f.modelConstants['MODEL']), facts({ modelConstants: { MODEL: 'rewritten' } }))).toBe(false);
    expect(answersAlike(reads((f) => f.testsMigratedCode), facts({ testsMigratedCode: true }))).toBe(false);
    expect(answersAlike(reads((f) => f.previewCalls?.length), facts({ previewCalls: ['beta.assistants.create'] }))).toBe(false);
    expect(answersAlike(reads((f) => Object.keys(f)), emptyFacts())).toBe(false);
  });
});

describe('a candidate transformed ahead of the index', () => {
  const settings = (dir: string) => ({ cwd: dir, options: DEFAULT_OPTIONS, dryRun: true, diff: false, keepText: false });
  const source = "import OpenAI from 'openai';\nimport { client } from './client';\nconst openai = new OpenAI();\nexport const a = () => client.embeddings.create({ model: 'text-embedding-3-small', input: 'x' });\n";

  async function run(jobFacts: FileFacts): Promise<{ ahead: Transformed; result: FileResult }> {
    const t = makeTree({ 'src/use.ts': source });
    cleanup = t.cleanup;
    const file = `${t.dir}/src/use.ts`;
    const observed = observedNoFacts();
    const ahead = { ...(await transformFile(file, observed.facts, settings(t.dir))), factReads: observed.reads };
    const results: FileResult[] = [];
    const jobs: Job[] = [{ file, facts: jobFacts }];
    await processAll(jobs, settings(t.dir), (r) => results.push(r), {}, undefined, new Map([[file, ahead]]));
    return { ahead, result: results[0]! };
  }

  it('keeps its result when the facts answer every read alike', async () => {
    const { ahead, result } = await run(facts({ testsMigratedCode: true }));
    expect(result).toBe(ahead.result);
  });

  it('is transformed again with facts that answer a read otherwise', async () => {
    const { ahead, result } = await run(facts({ clientBindings: ['client'] }));
    expect(result).not.toBe(ahead.result);
    expect(result.changes.length).toBeGreaterThan(ahead.result.changes.length);
  });
});
