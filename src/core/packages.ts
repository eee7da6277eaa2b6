import { builtinModules } from 'node:module';
import { AI_SDK, aiSdkReplacements } from './families/ai-sdk.js';
import {
  AGENTS_LINT_CALLS,
  AGENTS_LINT_EXPORTS,
  AGENTS_OPENAI_LINT_EXPORTS,
  AGENTS_OPENAI_PACKAGE,
  AGENTS_PACKAGE,
  AGENTS_PACKAGES,
  AGENTS_REALTIME_LINT_EXPORTS,
  AGENTS_REALTIME_PACKAGES,
  AGENTS_SANDBOX_LINT_EXPORTS,
  AGENTS_SANDBOX_PACKAGE,
} from './families/agents-sdk.js';
import { AZURE_OPENAI_BETA } from './families/azure-openai-beta.js';
import { LANGCHAIN_CLASSES, LANGCHAIN_LEGACY_ENTRYPOINTS, LANGCHAIN_PACKAGE, LANGCHAIN_SDK_CLIENT } from './families/langchain.js';
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
  [LANGCHAIN_PACKAGE]: {
    ...Object.fromEntries(Object.entries(LANGCHAIN_CLASSES).map(([name, c]) => [name, c.azure])),
    [LANGCHAIN_SDK_CLIENT]: "openai's AzureOpenAI",
  },
  ...Object.fromEntries(
    LANGCHAIN_LEGACY_ENTRYPOINTS.map((entry) => [entry, Object.fromEntries(Object.entries(LANGCHAIN_CLASSES).map(([name, c]) => [name, c.azure]))]),
  ),
  [AI_SDK.package]: aiSdkReplacements(),
  [AGENTS_PACKAGE]: AGENTS_LINT_EXPORTS,
  [AGENTS_SANDBOX_PACKAGE]: AGENTS_SANDBOX_LINT_EXPORTS,
  [AGENTS_OPENAI_PACKAGE]: AGENTS_OPENAI_LINT_EXPORTS,
  ...Object.fromEntries(AGENTS_REALTIME_PACKAGES.map((pkg) => [pkg, AGENTS_REALTIME_LINT_EXPORTS])),
};

/** A function that takes an `openai` client and hands back that client wrapped, with the same API. */
export interface ClientWrapper {
  package: string;
  /** The export (`default` for a default export). */
  export: string;
  /** The client is this property of the first argument (`Instructor({ client })`), not the first argument itself. */
  property?: string;
}

/**
 * Tracing and structured-output wrappers whose calls are the wrapped client's: `wrapOpenAI(new OpenAI())` (LangSmith,
 * Braintrust), `observeOpenAI(client)` (Langfuse), `Instructor({ client })`. What they return is the client they were
 * given, so its model ids are deployments all the same; the codemod, the project index and the linter follow them.
 */
export const CLIENT_WRAPPERS: readonly ClientWrapper[] = [
  { package: 'langsmith/wrappers', export: 'wrapOpenAI' },
  { package: 'langsmith/wrappers/openai', export: 'wrapOpenAI' },
  { package: 'langfuse', export: 'observeOpenAI' },
  { package: '@langfuse/openai', export: 'observeOpenAI' },
  { package: 'braintrust', export: 'wrapOpenAI' },
  { package: '@instructor-ai/instructor', export: 'default', property: 'client' },
];

/** The packages of `CLIENT_WRAPPERS`, each once. */
export const CLIENT_WRAPPER_PACKAGES: readonly string[] = [...new Set(CLIENT_WRAPPERS.map((w) => w.package))];

/** The client wrapper an import names (`spec` bare or through a Deno or CDN scheme; `name` the export, or `default`). */
export function clientWrapper(spec: string, name: string): ClientWrapper | undefined {
  const pkg = packageOfSpecifier(spec);
  return CLIENT_WRAPPERS.find((w) => w.package === pkg && w.export === name);
}

/** Packages whose presence means code is already on Azure. */
export const AZURE_PACKAGES: readonly string[] = [AI_SDK.azurePackage, '@azure/openai'];

/**
 * Factory-style wrapper exports that are called, not constructed (`openai('gpt-4o')`, `createOpenAI({...})`), and the
 * methods of the `@ai-sdk/openai` provider that each create a model bound to OpenAI (`openai.chat('gpt-4o')`).
 */
export const WRAPPER_FACTORIES: Readonly<Record<string, readonly string[]>> = {
  [AI_SDK.package]: [...Object.keys(AI_SDK.instance), ...Object.keys(AI_SDK.factories)],
  [AGENTS_PACKAGE]: AGENTS_LINT_CALLS,
  [AGENTS_OPENAI_PACKAGE]: AGENTS_LINT_CALLS,
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

/**
 * Specifiers that name an npm package through Deno's or a CDN's scheme (Supabase Edge Functions, Deno Deploy, browser
 * ESM): `npm:openai@^4.52.0`, `npm:@langchain/openai@0.3/x`, `https://esm.sh/openai@4.28.0`,
 * `https://cdn.jsdelivr.net/npm/openai@4/+esm`, `https://unpkg.com/…`, `https://cdn.skypack.dev/…`. Groups: the
 * prefix, the package, its version (with `@`), the subpath.
 */
const SCHEMED_PACKAGE =
  /^(npm:|https?:\/\/(?:esm\.sh(?:\/v\d+)?|cdn\.jsdelivr\.net\/npm|unpkg\.com|cdn\.skypack\.dev)\/)((?:@[^/@?]+\/)?[^/@?]+)(@[^/?]*)?((?:\/[^?]*)?)/;
/** Packages published under another name: JSR (`jsr:@openai/openai`), Deno's registry (`https://deno.land/x/openai@v4.24.0/mod.ts`). */
const REGISTRY_ALIASES: readonly [RegExp, string][] = [
  [/^jsr:@openai\/openai(?:@[^/]*)?(\/.*)?$/, OPENAI_SDK],
  [/^https?:\/\/deno\.land\/x\/openai(?:@[^/]*)?\/mod\.ts$/, OPENAI_SDK],
];

/**
 * The package (and subpath) a specifier names: a bare one is itself; a Deno or CDN one (`npm:openai@^4`,
 * `https://esm.sh/openai@4`, `jsr:@openai/openai`) the package behind it, so the codemod and the linter see the same
 * SDK there (`+esm` and `mod.ts` entry points are the package itself).
 */
export function packageOfSpecifier(specifier: string): string {
  if (!specifier.includes(':')) return withoutIndexEntry(specifier);
  const m = SCHEMED_PACKAGE.exec(specifier);
  if (m) return m[2]! + m[4]!.replace(/\/\+esm$/, '');
  for (const [pattern, name] of REGISTRY_ALIASES) {
    const alias = pattern.exec(specifier);
    if (alias) return name + (alias[1] ?? '');
  }
  return specifier;
}

/** A package's index module named as a subpath (`openai/index`, `openai/index.js`): the package itself. */
const INDEX_ENTRY = /^((?:@[^/]+\/)?[^/@][^/]*)\/index(?:\.[cm]?js)?$/;

function withoutIndexEntry(specifier: string): string {
  return INDEX_ENTRY.exec(specifier)?.[1] ?? specifier;
}

/**
 * What may stand before a package's name in a quoted specifier, as regular-expression source (optional): Deno's
 * `npm:`, JSR's `jsr:@openai/`, a CDN's URL. The pre-filter and `quotesPackage` both read specifiers with it.
 */
export const SPECIFIER_PREFIX = '(?:npm:|jsr:@openai\\/|https?:\\/\\/[^\'"`\\s]*\\/)?';

/**
 * A text test for quoted specifiers of a package, its pattern (made from the escaped package name) compiled once per
 * package; a substring search comes first, since most files name none of the packages asked about.
 */
function specifierTest(pattern: (escapedName: string) => string): (text: string, pkg: string) => boolean {
  const compiled = new Map<string, RegExp>();
  return (text, pkg) => {
    if (!text.includes(pkg)) return false;
    let re = compiled.get(pkg);
    if (!re) compiled.set(pkg, (re = new RegExp(pattern(pkg.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')))));
    return re.test(text);
  };
}

/**
 * Whether a text quotes a specifier naming `pkg` itself (not a subpath), bare or through a Deno or CDN scheme: a
 * cheap test before looking for the package's bindings (every import, require or `import()` of it quotes one).
 */
export const quotesPackage = specifierTest(
  (name) => `['"\`]${SPECIFIER_PREFIX}${name}(?:@[^'"\`\\s/]*)?(?:\\/mod\\.ts|\\/\\+esm|\\/index(?:\\.[cm]?js)?)?['"\`]`,
);

/** Whether a text quotes a bare specifier of `pkg` or of a subpath of it (code that imports or requires it). */
export const quotesBareSpecifier = specifierTest((name) => `["'\`]${name}(?:/[^"'\`]*)?["'\`]`);

/** Whether an import specifier names `pkg` (bare, or through a Deno or CDN scheme). */
export function isSpecifierOf(specifier: string, pkg: string): boolean {
  return specifier === pkg || packageOfSpecifier(specifier) === pkg;
}

/**
 * `specifier` pointed at package `to` instead, in its own scheme and version range (`npm:@ai-sdk/openai@^1.3` →
 * `npm:@ai-sdk/azure@^1.3`: the AI SDK releases its providers together); a specifier that is not of that form, `to`.
 */
export function respecify(specifier: string, to: string): string {
  const m = SCHEMED_PACKAGE.exec(specifier);
  return m ? `${m[1]}${to}${m[3] ?? ''}${m[4]}` : to;
}

/** The first `openai` release with the `AzureOpenAI` class (4.41.0, May 2024). */
export const AZURE_CLIENT_SINCE: readonly [number, number] = [4, 41];

/** The marker on an import that pins an `openai` release without `AzureOpenAI`. */
export function oldPinMessage(pinned: string): string {
  return `this import pins openai ${pinned}, older than AzureOpenAI: raise the version in the specifier to ${AZURE_CLIENT_SINCE.join('.')}.0 or newer`;
}

/** The scheme a Deno or CDN specifier loads a package through (`npm:`, `https://esm.sh/`), if it is one. */
export function schemeOf(specifier: string): string | undefined {
  return SCHEMED_PACKAGE.exec(specifier)?.[1];
}

/** The version text a Deno or CDN specifier carries (`^4.52.0`, `v4.24.0`), if any. */
export function specifierVersion(specifier: string): string | undefined {
  const schemed = SCHEMED_PACKAGE.exec(specifier);
  if (schemed) return schemed[3]?.slice(1);
  return /^(?:jsr:@openai\/openai|https?:\/\/deno\.land\/x\/openai)@([^/]+)/.exec(specifier)?.[1];
}

/**
 * Whether a declared range admits a release older than `[major, minor]`: its lowest version is below it (`^4.23.0`,
 * `4.x`, `~4.40.1`, `4.24.0`). A lockfile may hold such a release however new the range can go. A range this cannot
 * read, or that is open upwards from its floor (`>=4`, `*`, `workspace:*`), is not: raising it would narrow it.
 */
export function floorBelow(range: string, [major, minor]: readonly [number, number]): boolean {
  const m = /^\s*[~^=v]?(\d+)(?:\.(\d+))?(?:\.[\dx*]+)?\s*$/.exec(range);
  if (!m) return false;
  const lowest = [Number(m[1]), m[2] === undefined ? 0 : Number(m[2])] as const;
  return lowest[0] < major || (lowest[0] === major && lowest[1] < minor);
}

/**
 * Whether a version range can resolve to nothing as new as `[major, minor]`: an exact or tilde version below it
 * (`4.24.0`, `v4.24.0`, `~4.40.1`), or a caret or bare major below its major (`^3.3.0`). A range that reaches it
 * (`^4.24.0`, `4`, `4.x`, `>=4`) or that this cannot read is not.
 */
export function rangeBelow(range: string, [major, minor]: readonly [number, number]): boolean {
  const m = /^\s*([~^=v]?)(\d+)(?:\.(\d+))?/.exec(range);
  if (!m) return false;
  const [, op, majorText, minorText] = m;
  const newest = op === '^' || minorText === undefined ? [Number(majorText), Infinity] : [Number(majorText), Number(minorText)];
  return newest[0]! < major || (newest[0] === major && newest[1]! < minor);
}

/** The version a Deno or CDN specifier pins when it cannot resolve to `[major, minor]` or newer (`rangeBelow`). */
export function pinnedBelow(specifier: string, since: readonly [number, number]): string | undefined {
  const version = specifierVersion(specifier);
  return version !== undefined && rangeBelow(version, since) ? version : undefined;
}

/** What a rewrite brings into code that older releases of its package lack, and the first release with it. */
export interface MinimumRelease {
  package: string;
  version: string;
  /** Named in the report: why the range was raised. */
  feature: string;
  /** What the raise asks of the rest of the project, named beside it. */
  alsoNeeds?: string;
}

/**
 * The releases migrated code needs at least, by what needs them (a file's `packages.atLeast` lists these keys): a
 * declared range whose floor is older is raised, since `npm ci` installs what the lockfile holds, not the newest match.
 * Read from the packages' own releases: `AzureOpenAI` in openai 4.41.0; `beta.chat.completions.*` moved to
 * `chat.completions.*` in openai 5.0.0; a function as `apiKey` in openai 5.18.0; `azureOpenAIEndpoint` in @langchain/openai 0.3.4 (absent from 0.3.2).
 */
export const MINIMUM_RELEASES = {
  azureClient: { package: OPENAI_SDK, version: `${AZURE_CLIENT_SINCE.join('.')}.0`, feature: 'AzureOpenAI' },
  chatHelpers: {
    package: OPENAI_SDK,
    version: '5.0.0',
    feature: 'chat.completions.parse, .stream and .runTools outside beta',
    alsoNeeds: "move any other client's beta.chat.completions calls (another vendor's, which this tool leaves) to chat.completions too",
  },
  // openai 5.18.0: "support api key provider functions" (its CHANGELOG); before, the function is sent as text.
  keyProvider: { package: OPENAI_SDK, version: '5.18.0', feature: 'an apiKey given as a function (the Entra ID token provider on the v1 target)' },
  // The v1 target's fields (apiKey, model, configuration.baseURL), checked on the release the classic target needs.
  langchainV1: { package: LANGCHAIN_PACKAGE, version: '0.3.4', feature: 'apiKey, model and configuration.baseURL' },
  // A function as apiKey reaches the openai client LangChain bundles: 1.0.0 bundles openai ^6 (0.6.16 pins 5.12.2).
  langchainKeyProvider: {
    package: LANGCHAIN_PACKAGE,
    version: '1.0.0',
    feature: 'an apiKey given as a function (the Entra ID token provider on the v1 target)',
    alsoNeeds: 'raise @langchain/core to 1.0 or newer with it, as @langchain/openai 1.x asks',
  },
  langchainEndpoint: {
    package: LANGCHAIN_PACKAGE,
    version: '0.3.4',
    feature: 'azureOpenAIEndpoint',
    // ^0.3.4 installs the newest 0.3 release, and 0.3.17 on asks @langchain/core >=0.3.29 (0.3.4–0.3.16: >=0.2.26).
    alsoNeeds: 'raise @langchain/core to 0.3.29 or newer (below 0.4) with it, as the newest @langchain/openai 0.3 releases ask',
  },
} as const satisfies Record<string, MinimumRelease>;

export type MinimumNeed = keyof typeof MINIMUM_RELEASES;

/** Order of two plain `major.minor.patch` versions: negative, zero or positive. */
export function compareVersions(a: string, b: string): number {
  const [x, y] = [a, b].map((v) => v.split('.').map(Number));
  for (let i = 0; i < 3; i++) if ((x![i] ?? 0) !== (y![i] ?? 0)) return (x![i] ?? 0) - (y![i] ?? 0);
  return 0;
}

/** The package an import specifier loads from (`@scope/pkg/sub` → `@scope/pkg`, `node:https` → `https`). */
export function packageName(specifier: string): string {
  const bare = specifier.replace(/^node:/, '');
  return bare.split('/').slice(0, bare.startsWith('@') ? 2 : 1).join('/');
}

/** A module of the project itself: a relative path, a subpath import (`#x`) or a common path alias (`@/x`, `~/x`). */
export function isProjectSpecifier(specifier: string): boolean {
  return /^[./#~]|^@\//.test(specifier);
}

/**
 * The package an import specifier names when it is a third-party one this tool does not migrate (LlamaIndex's
 * `OpenAI`, `@ai-sdk/openai-compatible`, …): OpenAI settings handed to it still go wherever it sends them. Undefined for
 * relative paths, subpath imports (`#x`), common path aliases (`@/x`, `~/x`), Node built-ins and other schemes, the
 * Azure SDK and the migrated packages.
 */
export function unmigratedPackage(schemed: string): string | undefined {
  const specifier = packageOfSpecifier(schemed);
  if (isProjectSpecifier(specifier) || /^[a-z]+:/.test(specifier)) return undefined;
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
 * The oldest major of a package the migrated code runs on: a range the project declares at that major or newer is
 * kept (a floor too low within it is raised by the needs' `atLeast`), an older one is raised to DEPENDENCY_RANGES'.
 * AzureOpenAI is in openai from 4.41 (its `beta.chat` calls, which v5 moved, get `atLeast` of their own), and
 * getBearerTokenProvider in @azure/identity from 4.0: moving a project's openai 4 to 7 for them would break its other
 * code.
 */
export const DEPENDENCY_OLDEST_MAJORS: Readonly<Record<string, number>> = {
  '@azure/identity': 4,
  openai: 4,
};

/**
 * Added packages that take another's place, or serve the code of others: each goes in the sections
 * (`dependencies`, `devDependencies`, …) the one it replaces is declared in. `ranges`: released in step with it, its
 * range by the replaced one's major (and never raised past it). `@azure/identity` serves the clients Entra ID auth
 * is given to: a library whose `openai` is a devDependency (its tests use it) gets it as one too.
 */
export const DEPENDENCY_SUCCESSORS: Readonly<Record<string, { replaces: readonly string[]; ranges?: Readonly<Record<number, string>> }>> = {
  [AI_SDK.azurePackage]: { replaces: [AI_SDK.package], ranges: AI_SDK.azureRanges },
  [OPENAI_SDK]: { replaces: [AZURE_OPENAI_BETA.package, 'openai-edge'] },
  '@azure/identity': { replaces: [OPENAI_SDK, LANGCHAIN_PACKAGE, AI_SDK.package, AI_SDK.azurePackage, AGENTS_PACKAGE] },
};

/** Packages a migration can leave unused (their imports become `openai` or `@ai-sdk/azure`). */
export const REPLACED_PACKAGES: readonly string[] = ['@ai-sdk/openai', 'openai-edge', '@azure/openai'];
