/**
 * A test file's OpenAI URLs that no request sends are data. They get the test-data marker where the test exercises
 * code the run migrates (it imports a candidate whose code it rewrites), not where OpenAI's host is sample data.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_OPTIONS, TEST_DATA_URL_MESSAGE, emptyFacts } from '../../src/core/index.js';
import { buildProjectIndex } from '../../src/project/index.js';
import { TRANSFORMS } from '../../transforms/index.js';
import { runTransforms } from '../../transforms/lib/run.js';
import { fixture, relativeFacts } from './helpers.js';

const dir = fixture('tests-migrated-code');
// What the pre-filter gives: the files that name OpenAI's host (hosts.ts does not).
const candidates = ['src/llm.ts', 'src/groq.ts', 'test/llm.test.ts', 'test/hosts.test.ts', 'test/groq.test.ts'].map((f) => path.join(dir, f));

describe('test files of migrated code', () => {
  it('the index says which test files import a candidate the run migrates', async () => {
    const { facts } = await buildProjectIndex({ cwd: dir, candidates });
    const rel = relativeFacts(dir, facts);
    expect(rel['test/llm.test.ts']?.testsMigratedCode).toBe(true);
    expect(rel['test/hosts.test.ts']?.testsMigratedCode).toBeUndefined();
    // A candidate the run leaves (another service's client) is no migrated code.
    expect(rel['test/groq.test.ts']?.testsMigratedCode).toBeUndefined();
  });

  it('marks the URL a test of migrated code expects, and leaves sample data alone', async () => {
    const { facts } = await buildProjectIndex({ cwd: dir, candidates });
    const run = (file: string) => {
      const abs = path.join(dir, file);
      return runTransforms(TRANSFORMS, { source: readFileSync(abs, 'utf8'), path: abs, options: DEFAULT_OPTIONS, facts: facts[abs] ?? emptyFacts() });
    };
    expect(run('test/llm.test.ts').outcome.todos.map((t) => t.message)).toEqual([TEST_DATA_URL_MESSAGE]);
    const sample = run('test/hosts.test.ts');
    expect(sample.changed).toBe(false);
    expect(sample.outcome.todos).toEqual([]);
  });
});
