import { describe, expect, it } from 'vitest';
import { TRANSFORMS } from '../../transforms/index.js';
import { likelyChanges } from '../../transforms/lib/likely-change.js';
import { runTransforms } from '../../transforms/lib/run.js';

/** Files the runner sends straight to recast (no plain-tree first pass) must come out as the first pass leaves them. */
describe('likely-change', () => {
  it('guesses from the text shapes in its table', () => {
    expect(likelyChanges("import OpenAI from 'openai';\nconst client = new OpenAI();\n")).toBe(true);
    // The package's entry by another specifier: a subpath index, Deno's npm: scheme.
    expect(likelyChanges("import OpenAI from 'openai/index';\nconst client = new OpenAI();\n")).toBe(true);
    expect(likelyChanges("import OpenAI from 'npm:openai@4';\nconst client = new OpenAI();\n")).toBe(true);
    expect(likelyChanges('import { openai } from "@ai-sdk/openai";\n')).toBe(true);
    expect(likelyChanges("import { Agent, run } from '@openai/agents';\n")).toBe(true);
    expect(likelyChanges("import { ChatOpenAI } from '@langchain/openai';\n")).toBe(true);
    expect(likelyChanges("import { Agent } from '@openai/agents-core';\n")).toBe(false);
    expect(likelyChanges("await fetch('https://api.openai.com/v1/models');\n")).toBe(true);
    // A baseURL often points elsewhere (tests, other vendors): those files get the first pass.
    expect(likelyChanges("import OpenAI from 'openai';\nnew OpenAI({ baseURL: 'http://localhost:4010' });\n")).toBe(false);
    expect(likelyChanges('// see the openai docs\nexport const x = 1;\n')).toBe(false);
    // A file that names a baseURL elsewhere but builds a client whose written options set none.
    expect(likelyChanges("import OpenAI from 'openai';\nconst a = new OpenAI({ apiKey: 'k' });\nconst b = new OpenAI({ baseURL: u });\n")).toBe(true);
    expect(likelyChanges("import OpenAI from 'openai';\nconst a = new OpenAI();\nexpect(a.baseURL).toBe(u);\n")).toBe(true);
    // A framework's OpenAI class used (it gets a marker), not one imported alone.
    expect(likelyChanges("import { OpenAI } from '@llamaindex/openai';\nSettings.llm = new OpenAI({ model: 'gpt-4o' });\n")).toBe(true);
    expect(likelyChanges("import type { OpenAI } from '@llamaindex/openai';\nexport type L = OpenAI;\n")).toBe(false);
    // An OpenAI variable read from or set on process.env (a rename or a marker), not one only named.
    expect(likelyChanges("const key = process.env.OPENAI_API_KEY;\n")).toBe(true);
    expect(likelyChanges("process.env['OPENAI_DEFAULT_MODEL'] = 'gpt-4o';\n")).toBe(true);
    expect(likelyChanges("// set OPENAI_API_KEY first\nexport const x = 1;\n")).toBe(false);
    // A realtime session of the Agents SDK constructed (it gets a marker), not an agent described alone.
    expect(likelyChanges("import { RealtimeSession } from '@openai/agents/realtime';\nconst session = new RealtimeSession(agent);\n")).toBe(true);
    expect(likelyChanges("import { RealtimeAgent } from '@openai/agents/realtime';\nexport const a = new RealtimeAgent({ name: 'a' });\n")).toBe(false);
    // An AI Gateway OpenAI id handed to the `ai` package (it gets a marker), not one quoted without it.
    expect(likelyChanges("import { generateText } from 'ai';\nawait generateText({ model: 'openai/gpt-4o', prompt: 'x' });\n")).toBe(true);
    expect(likelyChanges("export const ids = ['openai/gpt-4o'];\n")).toBe(false);
  });

  it('a guessed file that does not change comes back as the same text and outcome as after the first pass', () => {
    // The OpenAI constructed here is a parameter, not the import: nothing to migrate.
    const source = "import OpenAI from 'openai';\n\nexport function make(OpenAI: any) {\n  return new OpenAI();\n}\n";
    expect(likelyChanges(source)).toBe(true);
    const guessed = runTransforms(TRANSFORMS, { source, path: 'make.ts' });
    expect(guessed.changed).toBe(false);
    expect(guessed.output).toBe(source);
    const probed = runTransforms(TRANSFORMS, { source, path: 'make.ts', firstPass: true });
    expect(probed.changed).toBe(false);
    expect(guessed.outcome).toEqual(probed.outcome);
  });

  it('a guessed file that changes is migrated as before', () => {
    const source = "import OpenAI from 'openai';\n\nexport const client = new OpenAI();\n";
    const guessed = runTransforms(TRANSFORMS, { source, path: 'client.ts' });
    const probed = runTransforms(TRANSFORMS, { source, path: 'client.ts', firstPass: true });
    expect(guessed.changed).toBe(true);
    expect(guessed.output).toContain('new AzureOpenAI(');
    expect(guessed.output).toBe(probed.output);
    expect(guessed.outcome.changes.map((c) => c.kind)).toEqual(probed.outcome.changes.map((c) => c.kind));
  });
});
