import type { ClientSide } from './facts.js';
import { MIGRATED_PACKAGES, packageName, packageOfSpecifier } from './packages.js';

/**
 * Where a file's code runs, read from its text: what the migration may introduce there depends on it (the Azure
 * settings the migrated code reads come from `process.env`, which only a server has).
 */

/** React's `"use client"` directive at the top of a module (after comments). */
const USE_CLIENT = /^(?:\s|\/\/[^\n]*\n|\/\*[\s\S]*?\*\/)*(['"])use client\1/;

/**
 * What only browser code does, on a line that is not a comment: React's state and effect hooks (a server component
 * has none), typed or not (`useState<boolean>(false)`), the DOM and browser storage where code reaches them (after
 * `=`, `(`, an operator, `return`…: a prompt's "do not use localStorage or document.cookie" is prose), WebRTC, a
 * browser extension's APIs (`chrome.runtime`, `chrome.storage`, Firefox's `browser.*`: a background service worker
 * has no `process` either). `window` and `navigator` are left out: isomorphic code reads them (`navigator.userAgent`).
 */
const browserOnly = (globals: string): RegExp =>
  new RegExp(
    String.raw`^(?![ \t]*(?:\/\/|\/?\*)).*?(?:\buse(?:State|Effect|LayoutEffect|Reducer|Ref)\s*(?:<[^;\n]*?>\s*)?\(|(?:^|[=(,!&|?:;{}[]|\breturn|\bawait)[ \t]*(?:window\.)?(?:${globals})\.\w|\bnew RTCPeerConnection\b|\b(?:chrome|browser)\.(?:runtime|storage|tabs|action|browserAction|scripting|sidePanel|contextMenus|alarms)\.\w)`,
    'm',
  );
const BROWSER_ONLY = browserOnly('document|localStorage|sessionStorage');
/** The same where the module declares `document` itself (`DECLARES_DOCUMENT`). */
const BROWSER_ONLY_BUT_DOCUMENT = browserOnly('localStorage|sessionStorage');
/** The same names anywhere: most files have none, and skip the line-by-line test. */
const BROWSER_HINT = /use(?:State|Effect|LayoutEffect|Reducer|Ref)|document\.|localStorage|sessionStorage|RTCPeerConnection|chrome\.|browser\./;

/**
 * `document` declared by the module itself: a variable (`const document = new PdfParser()`), a destructured or
 * imported name, an arrow's, a function's or a method's parameter (`docs.map((document) => document.pageContent)`,
 * `transform(document: Doc) {`, as retrieval code names LangChain's `Document`; not `if (document) {`). Its
 * `document.x` then says nothing about the browser.
 */
const DECLARES_DOCUMENT =
  /\b(?:const|let|var)\s+(?:document\b|[{[][^}\]=]*\bdocument\b)|\bimport\s+(?:type\s+)?document\b|\bas\s+document\b|\bdocument\s*=>|\(\s*document\s*(?:[?:,][^()]*)?\)\s*(?::[^=;]*)?=>|\bfunction\b[^(\n]*\([^)]*\bdocument\b|\b(?!(?:if|while|for|switch|with|return|typeof|await)\b)[A-Za-z_$][\w$]*\s*\(\s*document\s*(?:[?:,][^()]*)?\)\s*(?::[^={;]*)?\{/;

/**
 * A test for whether the code runs in a browser, on a line that is not a comment (`typeof window !== 'undefined'`,
 * `globalThis.document && …`): an isomorphic module, such as a library that picks the browser's WebSocket or Node's.
 */
const BROWSER_CHECK =
  /^(?![ \t]*(?:\/\/|\/?\*)).*?(?:\btypeof\s+(?:window|document)\s*[!=]==?\s*['"]undefined['"]|['"]undefined['"]\s*[!=]==?\s*typeof\s+(?:window|document)\b|\bglobalThis\.(?:window|document)\b)/m;
const BROWSER_CHECK_HINT = /typeof\s+(?:window|document)|globalThis\.(?:window|document)/;
/** The module reads server env itself (not in a comment): it runs where `process` exists, or a bundler replaces the reads. */
const READS_PROCESS_ENV = /^(?![ \t]*(?:\/\/|\/?\*)).*?\bprocess\.env\b/m;

/**
 * A server route: the module exports an HTTP method's handler (Astro's endpoints, SvelteKit's `+server`, Next.js route
 * handlers) or types one as Astro's `APIRoute`. Such a module reads `import.meta.env` on the server.
 */
const SERVER_ROUTE = /^export\s+(?:async\s+function|function|const|let)\s+(?:GET|POST|PUT|PATCH|DELETE|ALL|get|post|put|patch|del|all)\b|\bAPIRoute\b/m;

/**
 * A module that runs in the browser: it reads `import.meta.env` (Vite and kin) and is no server route, starts with
 * `"use client"`, does what only browser code does (a React component with state, a page script using the DOM), or
 * tests whether it runs in one and reads no `process.env` itself (a `process.env` read the migration added would
 * throw on its browser path; a module that reads server env already, such as one that throws when loaded in a
 * browser, is server code).
 */
export function isBrowserModule(source: string): boolean {
  return (
    (source.includes('import.meta.env') && !SERVER_ROUTE.test(source)) ||
    USE_CLIENT.test(source) ||
    (BROWSER_HINT.test(source) && (DECLARES_DOCUMENT.test(source) ? BROWSER_ONLY_BUT_DOCUMENT : BROWSER_ONLY).test(source)) ||
    (BROWSER_CHECK_HINT.test(source) && BROWSER_CHECK.test(source) && !READS_PROCESS_ENV.test(source))
  );
}

/**
 * On an OpenAI client (or AI SDK provider) made from the code's settings (its key or base URL) in a file that already
 * makes an Azure one: a provider switch whose Azure branch exists, so this branch serves the servers it is configured
 * for (a custom base URL, an OpenAI-compatible vendor, a user's own OpenAI key). It is left as it is.
 */
export function besideAzureMessage(azure: string, what: 'client' | 'provider'): string {
  return `this file already makes ${azure}, and this OpenAI ${what} takes its key or base URL from the code (settings, parameters): it serves what it is configured for (another vendor, a custom base URL, a user's own OpenAI key) and is left as it is; to move its OpenAI traffic to Azure, choose the Azure branch in its configuration`;
}

/**
 * Why an editor extension's code (VS Code's) is left as it was where a migration would make it read `process.env`:
 * its users configure it in its settings and set no environment variables for it.
 */
export const EDITOR_EXTENSION_MESSAGE =
  "an editor extension's users set its keys and endpoints in its settings, not in environment variables, so `process.env.AZURE_OPENAI_*` would be unset here and this still talks to OpenAI: to use Azure OpenAI, add an Azure endpoint, key (or Entra ID) and deployment to the extension's settings and make the Azure client from them";

/** Why browser code is left as it was where a migration would make it read `process.env`. */
export const BROWSER_MODULE_MESSAGE =
  'browser code cannot read server env (`process.env` is undefined there), so this still talks to OpenAI: route these calls through a server that holds the Azure OpenAI settings, or configure the Azure endpoint and auth for the browser explicitly';

/** The marker for code that runs where the migration's `process.env` reads would find nothing. */
export const CLIENT_SIDE_MESSAGES: Readonly<Record<ClientSide, string>> = { browser: BROWSER_MODULE_MESSAGE, editor: EDITOR_EXTENSION_MESSAGE };

/**
 * A test file (`*.test.*`, `*.spec.*`, Vitest's `*.vitest.*`, `*.e2e.*`), or a file under `__tests__/`, `__mocks__/`,
 * `test-utils/` or `test-helpers/` (mocks and fixtures tests share): OpenAI URLs there are often data for mocks and
 * assertions.
 */
export function isTestFile(path: string): boolean {
  return /(?:^|[\\/])(?:__tests__|__mocks__|test-utils|test-helpers)[\\/]/.test(path) || /\.(?:test|spec|vitest|e2e)\.[^\\/]*$/.test(path);
}

/** Globals that send a request (`fetch(…)`, `new WebSocket(…)`, also as `globalThis.fetch(…)`). */
export const REQUEST_GLOBALS: readonly string[] = ['fetch', 'WebSocket', 'EventSource'];

/** The global objects a request global is also reached through. */
export const GLOBAL_OBJECTS: readonly string[] = ['globalThis', 'window', 'self', 'global'];

/** Packages whose exports send requests (`axios.post(…)`, `https.request(…)`, `got(…)`): not mocks of them (msw's `http`). */
export const REQUEST_PACKAGES: readonly string[] = [
  'axios',
  'got',
  'ky',
  'ofetch',
  'undici',
  'node-fetch',
  'cross-fetch',
  'superagent',
  'needle',
  'http',
  'https',
  'ws',
  'eventsource',
  '@microsoft/fetch-event-source',
];

/** Packages a test mocks requests with: a test file that imports one checks what code sends. */
export const REQUEST_MOCK_PACKAGES: readonly string[] = ['msw', 'nock', 'fetch-mock', 'jest-fetch-mock', 'vitest-fetch-mock', 'axios-mock-adapter'];

/**
 * Next.js's Edge runtime for a route (`export const runtime = 'edge'`, typed `runtime: ServerRuntime = 'edge'`, a page
 * API's `config = { runtime: 'edge' }`).
 */
const EDGE_RUNTIME = /\bexport\s+const\s+runtime\s*(?::\s*[\w$.]+\s*)?=\s*['"`](?:experimental-)?edge['"`]|\bruntime\s*:\s*['"`](?:experimental-)?edge['"`]/;

export function runsOnEdge(text: string): boolean {
  return EDGE_RUNTIME.test(text);
}

/** Why a token provider made in an Edge route gets a marker: @azure/identity's credentials need Node. */
export const EDGE_ENTRA_MESSAGE =
  "this route runs on the Edge runtime, where @azure/identity's DefaultAzureCredential does not work (it loads its browser build, which throws): move the route to the Node.js runtime, or authenticate it with a key";

/** A module a file loads: `from 'm'`, `require('m')`, `import('m')`. */
const LOADED = /(?:\bfrom\s*|\brequire\s*\(\s*|\bimport\s*\(\s*)['"]([^'"]+)['"]/g;
const REQUEST_GLOBAL_NAMES = new RegExp(`\\b(?:${REQUEST_GLOBALS.join('|')})\\b`);

/**
 * Whether a test file's OpenAI URLs are sample data (a proxy list's hosts, an attribute value): it loads no SDK this
 * tool migrates, no request or request-mocking package, and names neither a request global nor an OpenAI variable,
 * so no OpenAI code is under test there. raw-http leaves them without its test-data marker (unless the project index
 * says the file imports migrated code) and no-openai-endpoint does not report them.
 */
export function holdsSampleData(path: string, text: string): boolean {
  if (!isTestFile(path) || /\bOPENAI_[A-Z0-9_]+/.test(text) || REQUEST_GLOBAL_NAMES.test(text)) return false;
  const loaded = [...text.matchAll(LOADED)].map((m) => packageName(packageOfSpecifier(m[1]!)));
  return !loaded.some((p) => MIGRATED_PACKAGES.includes(p) || REQUEST_PACKAGES.includes(p) || REQUEST_MOCK_PACKAGES.includes(p));
}

/** Why the OpenAI URLs in a test file that no request sends are left as they are (said once, at the first). */
export const TEST_DATA_URL_MESSAGE =
  'test data: no request sends this OpenAI URL, nor the others like it in this file (mocks, assertions, fixtures), so they are left as they are; if a test checks what the migrated code calls, expect the Azure URL (`${AZURE_OPENAI_ENDPOINT}/openai/v1/…`)';

/**
 * Why the OpenAI URLs of a file that sends Azure OpenAI requests its own way (it reads AZURE_OPENAI_ENDPOINT itself,
 * perhaps as a whole deployment URL) are left as they are (said once, at the first).
 */
export const OWN_AZURE_PATH_MESSAGE =
  "this file already reads AZURE_OPENAI_ENDPOINT for Azure OpenAI requests of its own, so this OpenAI URL, and the others like it in this file, are left as they are (an Azure URL built from that variable might not be what the variable holds here): send these requests the way the file's Azure path does, or keep them on OpenAI on purpose";

/** Markers said once for every OpenAI URL of their file: the first speaks for the others. */
export const FILE_WIDE_URL_MESSAGES: readonly string[] = [TEST_DATA_URL_MESSAGE, OWN_AZURE_PATH_MESSAGE];

/**
 * Test-runner calls that replace a module for the whole test file (`vi.mock('openai', () => ({ … }))`, `jest.mock`,
 * bun's and node:test's `mock.module`), by object and method. Given a factory, what the file constructs from that
 * module is the factory's stand-in, not the SDK's client: neither migrated nor reported. (Without one, Jest and
 * Vitest mock every export automatically, `AzureOpenAI` included.)
 */
export const MODULE_MOCKS: Readonly<Record<string, readonly string[]>> = {
  vi: ['mock', 'doMock'],
  // Vitest's other name for `vi` (`import { vitest } from 'vitest'`).
  vitest: ['mock', 'doMock'],
  jest: ['mock', 'doMock', 'unstable_mockModule'],
  mock: ['module'],
};

/** Whether `object.method(…)` replaces a module (MODULE_MOCKS). */
export function isModuleMock(object: string | undefined, method: string | undefined): boolean {
  return object !== undefined && method !== undefined && Object.hasOwn(MODULE_MOCKS, object) && MODULE_MOCKS[object]!.includes(method);
}

/** On a mock of the SDK (with a factory) that provides no `AzureOpenAI`, in a file that constructs the mocked client. */
export const MOCKED_SDK_MESSAGE =
  "this mock stands in for the OpenAI client this file constructs, so that construction is left as it is; code migrated to AzureOpenAI imports `AzureOpenAI` from this module, which the mock does not provide: where the code under test is migrated, provide it as you do `OpenAI`";
