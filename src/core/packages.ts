import { builtinModules } from 'node:module';
import { AI_SDK, aiSdkReplacements } from './families/ai-sdk.js';
import { AGENTS_LINT_CALLS, AGENTS_LINT_EXPORTS, AGENTS_PACKAGE, AGENTS_PACKAGES, AGENTS_REALTIME_PACKAGES } from './families/agents-sdk.js';
import { AZURE_OPENAI_BETA } from './families/azure-openai-beta.js';
import { LANGCHAIN_CLASSES, LANGCHAIN_PACKAGE } from './families/langchain.js';
import { OPENAI_V3 } from './families/openai-v3.js';

/**
 * Packages and classes that make a client talk to OpenAI, and the Azure ones that already don't.
 * Keyed by module specifier; `default` stands for the default export.
 */

export const OPENAI_SDK = 'openai';

/** Exports of the `openai` package that construct a direct-OpenAI client. */
export const OPENAI_CLIENT_EXPORTS: readonly string[] = ['default', 'OpenAI'];
/** Exports of the `openai` package that already target Azure. */
export const AZURE_CLIENT_EXPORTS: readonly string[] = ['AzureOpenAI'];
/** openai v3's client, gone since v4 (the legacy transforms rewrite it to `new OpenAI`). */
export const LEGACY_CLIENT_EXPORTS: readonly string[] = [OPENAI_V3.client];

/**
 * Legacy SDK clients by package (the family entries in ./families): the classes the legacy transforms rewrite and
 * the linter reports. `directWith`: the client talks to OpenAI only when built with this credential class
 * (`@azure/openai` beta's `OpenAIKeyCredential`; with an Azure credential it is Azure already).
 */
export const LEGACY_CLIENTS: Readonly<Record<string, { exports: readonly string[]; directWith?: string }>> = {
  openai: { exports: LEGACY_CLIENT_EXPORTS },
  'openai-edge': { exports: [OPENAI_V3.client] },
  [AZURE_OPENAI_BETA.package]: { exports: [AZURE_OPENAI_BETA.client], directWith: AZURE_OPENAI_BETA.openaiKey },
};

/** Subpath imports that are still the `openai` package (types, helpers), never a client constructor. */
export function isOpenAISubpath(source: string): boolean {
  return source.startsWith('openai/');
}

/**
 * Wrappers that talk to OpenAI directly, with the Azure class or package that replaces each.
 * Used by the linter (`no-openai-client`) and to mark wrapper code the codemod does not rewrite yet.
 */
export const DIRECT_OPENAI_WRAPPERS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  [LANGCHAIN_PACKAGE]: Object.fromEntries(Object.entries(LANGCHAIN_CLASSES).map(([name, c]) => [name, c.azure])),
  [AI_SDK.package]: aiSdkReplacements(),
  [AGENTS_PACKAGE]: AGENTS_LINT_EXPORTS,
};

/** Packages whose presence means code is already on Azure. */
export const AZURE_PACKAGES: readonly string[] = [AI_SDK.azurePackage, '@azure/openai'];

/**
 * Factory-style wrapper exports that are called, not constructed (`openai('gpt-4o')`, `createOpenAI({...})`), and the
 * methods of the `@ai-sdk/openai` provider that each create a model bound to OpenAI (`openai.chat('gpt-4o')`).
 */
export const WRAPPER_FACTORIES: Readonly<Record<string, readonly string[]>> = {
  [AI_SDK.package]: [...Object.keys(AI_SDK.instance), ...Object.keys(AI_SDK.factories)],
  [AGENTS_PACKAGE]: AGENTS_LINT_CALLS,
};

/**
 * Packages whose imports make a file a `migrate` candidate: every SDK family this tool migrates, read from the
 * family tables (so a new family entry is picked up here too), plus the families migrated by their own transforms.
 */
export const MIGRATED_PACKAGES: readonly string[] = [
  ...new Set([
    OPENAI_SDK,
    ...Object.keys(LEGACY_CLIENTS),
    ...Object.keys(DIRECT_OPENAI_WRAPPERS),
    ...Object.keys(WRAPPER_FACTORIES),
    ...AGENTS_PACKAGES,
    ...AGENTS_REALTIME_PACKAGES,
  ]),
];

/** The package an import specifier loads from (`@scope/pkg/sub` → `@scope/pkg`, `node:https` → `https`). */
export function packageName(specifier: string): string {
  const bare = specifier.replace(/^node:/, '');
  return bare.split('/').slice(0, bare.startsWith('@') ? 2 : 1).join('/');
}

/**
 * The package an import specifier names when it is a third-party one this tool does not migrate (LlamaIndex's
 * `OpenAI`, `@ai-sdk/openai-compatible`, …): OpenAI settings handed to it still go wherever it sends them. Undefined for
 * relative paths, subpath imports (`#x`), common path aliases (`@/x`, `~/x`), Node built-ins and other schemes, the
 * Azure SDK and the migrated packages.
 */
export function unmigratedPackage(specifier: string): string | undefined {
  if (/^[./#~]|^@\/|^[a-z]+:/.test(specifier)) return undefined;
  const name = packageName(specifier);
  if (builtinModules.includes(name) || name.startsWith('@azure/') || AZURE_PACKAGES.includes(name) || MIGRATED_PACKAGES.includes(name)) return undefined;
  return name;
}

export const AI_SDK_PROVIDER_METHODS: readonly string[] = Object.keys(AI_SDK.methods);

/**
 * Version ranges for the dependencies the migrated code needs, written into `package.json` (the releases this
 * tool's transforms were checked against). A range already there that satisfies the major is kept.
 */
export const DEPENDENCY_RANGES: Readonly<Record<string, string>> = {
  '@azure/identity': '^4.13.1',
  [AI_SDK.azurePackage]: AI_SDK.azureRanges[3],
  openai: '^7.57.0',
};

/**
 * Added packages that take another's place: each goes in the sections (`dependencies`, `devDependencies`, …) the one
 * it replaces is declared in. `ranges`: released in step with it, its range by the replaced one's major (and never
 * raised past it).
 */
export const DEPENDENCY_SUCCESSORS: Readonly<Record<string, { replaces: readonly string[]; ranges?: Readonly<Record<number, string>> }>> = {
  [AI_SDK.azurePackage]: { replaces: [AI_SDK.package], ranges: AI_SDK.azureRanges },
  [OPENAI_SDK]: { replaces: [AZURE_OPENAI_BETA.package, 'openai-edge'] },
};

/** Packages a migration can leave unused (their imports become `openai` or `@ai-sdk/azure`). */
export const REPLACED_PACKAGES: readonly string[] = ['@ai-sdk/openai', 'openai-edge', '@azure/openai'];
