/**
 * A client whose base URL is a constant another module exports (`baseURL: OLLAMA_URL`) is read as the same-file
 * constant would be: a local server's or another vendor's client is left alone, with no "base URL from the code"
 * marker, while the project's OpenAI client still moves.
 */
import { describe, expect, it } from 'vitest';
import { buildProjectIndex } from '../../src/project/index.js';
import { fixture, migratedWithIndex, relativeFacts, sourceFiles } from './helpers.js';

const dir = fixture('imported-base-url');

describe('base URLs imported from another module', () => {
  it("the index gives the importer the constant's URL", async () => {
    const { facts } = await buildProjectIndex({ cwd: dir, candidates: sourceFiles(dir).filter((f) => !f.endsWith('servers.ts')) });
    expect(relativeFacts(dir, facts)['src/local.ts']?.otherURLs).toEqual({ OLLAMA_URL: "'http://localhost:11434/v1'" });
  });

  it("leaves the local server's client alone, unmarked, and moves the OpenAI one", async () => {
    const local = await migratedWithIndex(dir, 'src/local.ts');
    expect(local.changed).toBe(false);
    expect(local.outcome.todos).toEqual([]);
    expect((await migratedWithIndex(dir, 'src/chat.ts')).output).toContain('new AzureOpenAI(');
  });
});
