/**
 * `check` and `migrate` agree on the wrapper families: every LangChain, Agents SDK or framework-class fixture that `migrate` changes
 * is reported by `check` before (no-openai-client), and lint-clean.test.ts shows the result is clean but for markers.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../../rules/index.js';

const ROOT = join(import.meta.dirname, '..', '..');
const FOLDERS = ['langchain', 'agents-sdk', 'openai-wrappers'];
/**
 * Options the linter cannot see (`new ChatOpenAI(fields)`, a base URL written into them later) may point anywhere, so
 * it stays quiet; `migrate` rewrites nothing there either and only leaves a marker asking for a hand migration. A
 * realtime session is pointed at Azure by hand too: `migrate` only marks it. A module of `@openai/agents-core` alone
 * only gets its models renamed: its agents run on the provider set up elsewhere, where the client is moved.
 */
const MARKER_ONLY = new Set([
  'langchain/options-variable.input.ts',
  'langchain/options-variable-embeddings.input.ts',
  'langchain/options-pointed-elsewhere-later.input.ts',
  'langchain/configuration-written-later.input.ts',
  'langchain/vendor-named-key-base-url-from-code.input.ts',
  'agents-sdk/realtime-session-transport.input.ts',
  'agents-sdk/core-only-module.input.ts',
  'agents-sdk/realtime-session-keeps-openai-key.input.ts',
]);

/** Inputs whose migration is a client change (not only a marker or a model rename). */
function migratedInputs(): string[] {
  return FOLDERS.flatMap((folder) => {
    const dir = join(ROOT, 'fixtures', folder);
    return readdirSync(dir)
      .filter((f) => /\.input\.\w+$/.test(f) && existsSync(join(dir, f.replace('.input.', '.output.'))))
      .filter((f) => !MARKER_ONLY.has(`${folder}/${f}`))
      .map((f) => join(dir, f));
  });
}

describe('check reports the wrapper clients migrate changes', () => {
  const eslint = new ESLint({ cwd: ROOT, overrideConfigFile: true, overrideConfig: [plugin.configs.recommended] });

  for (const path of migratedInputs()) {
    it(relative(ROOT, path), async () => {
      const [result] = await eslint.lintText(readFileSync(path, 'utf8'), { filePath: path });
      const clients = result!.messages.filter((m) => m.ruleId === 'openai-to-azure/no-openai-client');
      expect(clients.length).toBeGreaterThan(0);
    });
  }
});
