import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_OPTIONS } from '../../src/core/index.js';
import { TRANSFORMS } from '../../transforms/index.js';
import { runTransforms } from '../../transforms/lib/run.js';

/**
 * Options retyped for `AzureOpenAI` must compile on every openai major a project may keep (4 to 7). The fixtures are
 * type-checked against the one installed; these stand-ins have each major's root exports as far as the options go:
 * 4 and 7 export `AzureClientOptions` from the root, 5 and 6 only from `openai/azure` (not given here: 4 has none).
 */
const ROOT_EXPORTS: Readonly<Record<string, string>> = {
  'root exports AzureClientOptions (4, 7)': 'export interface AzureClientOptions extends ClientOptions { endpoint?: string; apiVersion?: string }',
  'root exports only the class (5, 6)': 'interface AzureClientOptions extends ClientOptions { endpoint?: string; apiVersion?: string }',
};

const OPENAI_STAND_IN = (azureOptions: string) => `
export interface ClientOptions { apiKey?: string; timeout?: number; maxRetries?: number }
${azureOptions}
export declare class OpenAI { constructor(options?: ClientOptions); }
export declare class AzureOpenAI extends OpenAI { constructor(options?: AzureClientOptions); }
export default OpenAI;
`;

const SOURCES: Readonly<Record<string, string>> = {
  'engine.ts': `import { OpenAI, type ClientOptions } from 'openai';

export function engine(apiKey: string, timeout?: number): OpenAI {
  const options: ClientOptions = { apiKey };
  if (timeout) options.timeout = timeout;
  return new OpenAI(options);
}
`,
  'factory.ts': `import * as sdk from 'openai';

export const make = (extra: Partial<sdk.ClientOptions>, base?: sdk.ClientOptions) => new sdk.OpenAI({ ...base, ...extra });
`,
};

const work = mkdtempSync(join(tmpdir(), 'o2a-options-type-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('AzureClientOptions on every openai major', () => {
  for (const [major, azureOptions] of Object.entries(ROOT_EXPORTS)) {
    it(`the retyped options compile where the ${major}`, () => {
      const dir = join(work, String(Object.keys(ROOT_EXPORTS).indexOf(major)));
      mkdirSync(join(dir, 'node_modules', 'openai'), { recursive: true });
      writeFileSync(join(dir, 'node_modules', 'openai', 'package.json'), '{ "name": "openai", "types": "index.d.ts" }');
      writeFileSync(join(dir, 'node_modules', 'openai', 'index.d.ts'), OPENAI_STAND_IN(azureOptions));
      const files = Object.entries(SOURCES).map(([name, source]) => {
        const file = join(dir, name);
        const run = runTransforms(TRANSFORMS, { source, path: file, options: DEFAULT_OPTIONS });
        expect(run.output).toContain('AzureClientOptions');
        writeFileSync(file, run.output);
        return file;
      });
      const program = ts.createProgram(files, {
        strict: true,
        noEmit: true,
        target: ts.ScriptTarget.ES2022,
        module: ts.ModuleKind.ESNext,
        moduleResolution: ts.ModuleResolutionKind.Bundler,
        typeRoots: [join(import.meta.dirname, '..', '..', 'node_modules', '@types')],
        types: ['node'],
        skipLibCheck: true,
      });
      const diagnostics = ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
      expect(diagnostics).toEqual([]);
    });
  }
});
