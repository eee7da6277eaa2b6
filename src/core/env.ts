import { OPENAI_WRAPPERS } from './families/openai-wrappers.js';
import { AZURE_ENDPOINT_ENV_NAMES } from './hosts.js';

/**
 * Environment variables: the OpenAI names code reads, and what each becomes on Azure.
 * `null` means the variable has no Azure meaning and should simply go away.
 */
export const OPENAI_ENV_REPLACEMENTS: Readonly<Record<string, string | null>> = {
  OPENAI_API_KEY: 'AZURE_OPENAI_API_KEY',
  OPENAI_KEY: 'AZURE_OPENAI_API_KEY',
  OPENAI_BASE_URL: 'AZURE_OPENAI_ENDPOINT',
  OPENAI_API_BASE: 'AZURE_OPENAI_ENDPOINT',
  OPENAI_API_HOST: 'AZURE_OPENAI_ENDPOINT',
  OPENAI_MODEL: 'AZURE_OPENAI_DEPLOYMENT',
  OPENAI_CHAT_MODEL: 'AZURE_OPENAI_DEPLOYMENT',
  OPENAI_EMBEDDING_MODEL: 'AZURE_OPENAI_EMBEDDINGS_DEPLOYMENT',
  OPENAI_EMBEDDINGS_MODEL: 'AZURE_OPENAI_EMBEDDINGS_DEPLOYMENT',
  OPENAI_ORG_ID: null,
  OPENAI_ORGANIZATION: null,
  OPENAI_PROJECT_ID: null,
  OPENAI_ADMIN_KEY: null,
};

/** `OPENAI_API_VERSION` is read by `AzureOpenAI` itself: an Azure variable despite its name. */
export const AZURE_OWNED_OPENAI_ENV: readonly string[] = ['OPENAI_API_VERSION'];

/**
 * `OPENAI_*` names that are not OpenAI's service settings: those of some other OpenAI-compatible provider (Ollama,
 * vLLM, LM Studio, LlamaIndex's `OpenAILike`), and the Agents SDK's own switches (`OPENAI_AGENTS_DISABLE_TRACING`,
 * `OPENAI_AGENTS_DONT_LOG_MODEL_DATA`, sandbox paths), which keep their meaning on Azure.
 */
export const NOT_OPENAI_ENV_PREFIXES: readonly string[] = ['OPENAI_COMPATIBLE_', 'OPENAI_COMPAT_', 'OPENAI_LIKE_', 'OPENAI_AGENTS_'];

export function isOpenAIEnvName(name: string): boolean {
  return (
    name.startsWith('OPENAI_') &&
    !AZURE_OWNED_OPENAI_ENV.includes(name) &&
    !NOT_OPENAI_ENV_PREFIXES.some((prefix) => name.startsWith(prefix))
  );
}

/** The Azure variable to read instead, `null` when there is none to read, `undefined` when unknown. */
export function azureReplacementFor(name: string): string | null | undefined {
  return Object.hasOwn(OPENAI_ENV_REPLACEMENTS, name) ? OPENAI_ENV_REPLACEMENTS[name] : undefined;
}

/**
 * How code reads an environment variable: a member of an env object (`process.env.X`, `import.meta.env.X`, Bun's
 * `Bun.env.X`), or a getter call with its name (Deno's and Supabase Edge Functions' `Deno.env.get('X')`). Read by the
 * transforms (renames, deployment references, API keys that come from the environment) and the linter alike.
 */
export const ENV_OBJECTS: readonly { object: string; member: 'env' }[] = [
  { object: 'process', member: 'env' },
  { object: 'import.meta', member: 'env' },
  { object: 'Bun', member: 'env' },
];
export const ENV_GETTER = { object: 'Deno', member: 'env', method: 'get', all: 'toObject' } as const;

/**
 * The option that gives a process the code starts its environment (`spawn(cmd, args, { env })`, execa's, Playwright's
 * `webServer.env`): an OpenAI variable set there is read by that process, not by the package that starts it.
 */
export const CHILD_ENV_OPTION = 'env';

/**
 * Node's process module, imported instead of the global (`import process from 'node:process'`, `import { env } from
 * 'process'`): its default (or namespace) export is the process object, its `env` export the env object.
 */
const PROCESS_MODULES: ReadonlySet<string> = new Set(['process', 'node:process']);

/** What an import of `spec`'s export `name` (`default`, `*`, a named export) binds: the process, its env, or neither. */
export function processExport(spec: string, name: string | undefined): 'process' | 'env' | undefined {
  if (!PROCESS_MODULES.has(spec)) return undefined;
  return name === 'default' || name === '*' ? 'process' : name === 'env' ? 'env' : undefined;
}

/** `process.env` on a line that is not a comment (a comment may say where settings do not come from). */
const PROCESS_ENV_IN_CODE = /^(?![ \t]*(?:\/\/|\/?\*)).*\bprocess\.env\b/m;

/** Deno code (`Deno.env.get`, `Deno.serve`) that never reads `process.env`: code added to it reads the environment the Deno way. */
export function readsEnvLikeDeno(source: string): boolean {
  return /\bDeno\.\w/.test(source) && !PROCESS_ENV_IN_CODE.test(source);
}

/**
 * Code that reads its environment from `import.meta.env` and never from `process.env` (an Astro endpoint: Vite loads
 * `.env` into `import.meta.env`, not into `process.env`): code added to it reads the environment the same way.
 */
export function readsEnvLikeVite(source: string): boolean {
  return source.includes('import.meta.env') && !PROCESS_ENV_IN_CODE.test(source);
}

/** Env reads in a text: `process.env.X`, `process.env['X']`, `import.meta.env.X`, `Bun.env.X`, `Deno.env.get('X')`. */
const ENV_READ_TEXT = /\b(?:process\.env|import\.meta\.env|Bun\.env)(?:\.([A-Za-z_][\w]*)|\[\s*['"`]([\w]+)['"`]\s*\])|\bDeno\.env\.get\(\s*['"`]([\w]+)['"`]/g;

/**
 * The variables a replaced base URL let the deployment override it with, other than OpenAI's own base URL names (those
 * become the Azure endpoint): `process.env.OPENAI_ENDPOINT || 'https://api.openai.com/v1'` → `OPENAI_ENDPOINT`.
 */
export function endpointOverrides(text: string): string[] {
  const names = [...text.matchAll(ENV_READ_TEXT)].map((m) => (m[1] ?? m[2] ?? m[3])!);
  return [...new Set(names.filter((name) => !OPENAI_BASE_URL_ENV.includes(name) && !AZURE_ENDPOINT_ENV_NAMES.includes(name)))];
}

/**
 * Env-name prefixes of vendors whose OpenAI-compatible APIs code reaches through OpenAI's SDKs: a client given one of
 * their keys (`apiKey: process.env.GROQ_API_KEY`) talks to that vendor, whatever a spread or an env-set base URL says.
 */
export const OTHER_VENDOR_ENV_PREFIXES: readonly string[] = [
  'ANTHROPIC_', 'ANYSCALE_', 'CEREBRAS_', 'COHERE_', 'DASHSCOPE_', 'DEEPINFRA_', 'DEEPSEEK_', 'FIREWORKS_', 'GEMINI_',
  'GITHUB_TOKEN', 'GOOGLE_', 'GROK_', 'GROQ_', 'HF_', 'HUGGINGFACE_', 'HYPERBOLIC_', 'LITELLM_', 'LMSTUDIO_', 'MISTRAL_',
  'MOONSHOT_', 'NOVITA_', 'NVIDIA_', 'OLLAMA_', 'OPENROUTER_', 'PERPLEXITY_', 'PPLX_', 'QWEN_', 'SAMBANOVA_', 'TOGETHER_',
  'VLLM_', 'XAI_', 'ZHIPU_',
];

/**
 * The same vendors as the code's own names spell them, lowercase and joined however the code splits them
 * (`GROQ_KEY`, `openRouterKey`, `ChatOpenRouter`, `localAIApiKey`): those of OTHER_VENDOR_ENV_PREFIXES, and servers
 * no variable of theirs names.
 */
export const OTHER_VENDOR_NAMES: ReadonlySet<string> = new Set([
  ...OTHER_VENDOR_ENV_PREFIXES.map((prefix) => prefix.split('_')[0]!.toLowerCase()),
  'localai',
]);

/** The words of an identifier: camelCase and PascalCase humps, acronyms (`NIM`, `AI`), snake_case and SCREAMING_CASE parts. */
const IDENTIFIER_WORD = /[A-Z]+(?![a-z])|[A-Z]?[a-z]+|\d+/g;

/** Vendor names run over at most this many words (`Hugging`+`Face`, `Open`+`Router`, `x`+`AI`). */
const VENDOR_NAME_WORDS = 3;

/**
 * Whether an identifier the code chose names another vendor (`sambanovaApiKey`, `ChatOpenRouter`, `HF_TOKEN`): a run
 * of its whole words spells one of OTHER_VENDOR_NAMES, so `hf` in `hfToken` counts, in `hfxModel` or `Shelf` not.
 * The key a client is given or the class extending one named so is that vendor's.
 */
export function namesOtherVendor(identifier: string): boolean {
  const words = (identifier.match(IDENTIFIER_WORD) ?? []).map((word) => word.toLowerCase());
  return words.some((_, start) => {
    for (let end = start + 1; end <= Math.min(words.length, start + VENDOR_NAME_WORDS); end++) {
      if (OTHER_VENDOR_NAMES.has(words.slice(start, end).join(''))) return true;
    }
    return false;
  });
}

/** The few fields of a key's value `keyNamesOf` reads, alike in Babel's and ESTree's trees. */
interface KeyValueNode {
  type: string;
  [field: string]: any;
}

/**
 * The names a key value reads as the code wrote them: an identifier (`groqApiKey`) and what the `const` it names
 * reads (`initOf`, one hop: `const key = groqApiKey`), a member (`settings.openRouterKey`), either side of a fallback
 * (`nvidiaApiKey ?? 'sk-'`). A name chosen for a vendor's key says whose key it is (`namesOtherVendor`), whatever it is
 * read from. The codemod and the linter each pass their tree's `unwrap` (casts, parentheses) and `const` lookup.
 */
export function keyNamesOf<N extends KeyValueNode>(node: N, unwrap: (node: N) => N, initOf: (id: N) => N | undefined, hops = 1): string[] {
  const value = unwrap(node);
  if (value?.type === 'LogicalExpression' && value.operator !== '&&') {
    return [...keyNamesOf(value.left, unwrap, initOf, hops), ...keyNamesOf(value.right, unwrap, initOf, hops)];
  }
  if (value?.type === 'Identifier') {
    const init = hops > 0 ? initOf(value) : undefined;
    return [value.name, ...(init ? keyNamesOf(init, unwrap, initOf, hops - 1) : [])];
  }
  const member = (value?.type === 'MemberExpression' || value?.type === 'OptionalMemberExpression') && !value.computed;
  return member && value.property.type === 'Identifier' ? [value.property.name] : [];
}

/**
 * A setting read by its variable's name off an object other than the environment (`config.HF_TOKEN`,
 * `env?.['GROQ_API_KEY']`) or through a getter (`settings.get('X')`): SCREAMING_CASE names only, as env files write them.
 */
const SETTING_READ_TEXT = /(?:\.\s*([A-Z][A-Z0-9_]*)|\[\s*['"`]([A-Z][A-Z0-9_]*)['"`]\s*\]|\.get\(\s*['"`]([A-Z][A-Z0-9_]*)['"`]\s*\))(?![\w$])/g;

/**
 * Whether a value's text reads another vendor's variable (`process.env.FIREWORKS_AI_LLM_API_KEY`), from the environment
 * or from a settings object the code loaded it into (`config.OPENAI_API_KEY || config.HF_TOKEN`): either way, the
 * value is that vendor's setting.
 */
export function readsOtherVendorEnv(text: string): boolean {
  return otherVendorVariable(text) !== undefined;
}

/** The first variable of another vendor's a value's text reads (see `readsOtherVendorEnv`), for messages. */
export function otherVendorVariable(text: string): string | undefined {
  for (const m of [...text.matchAll(ENV_READ_TEXT), ...text.matchAll(SETTING_READ_TEXT)]) {
    const name = (m[1] ?? m[2] ?? m[3])!;
    if (OTHER_VENDOR_ENV_PREFIXES.some((prefix) => name.startsWith(prefix))) return name;
  }
  return undefined;
}

/** The marker where such a base URL was replaced: `names` are variables, or code (`this.config.baseURL`). */
export function endpointOverrideMessage(names: readonly string[]): string {
  return `the base URL could be overridden through ${names.join(', ')} (a proxy or another OpenAI-compatible server); the Azure settings replace it: read an Azure setting there if the override must stay`;
}

/** The variables migrated code reads, by role. */
export const AZURE_ENV = {
  endpoint: 'AZURE_OPENAI_ENDPOINT',
  apiKey: 'AZURE_OPENAI_API_KEY',
  apiVersion: 'OPENAI_API_VERSION',
} as const;

/**
 * OpenAI variables holding a base URL (`https://api.openai.com/v1`), not an endpoint: `AZURE_OPENAI_ENDPOINT` is the
 * bare resource URL, so a read cannot simply be renamed (the v1 base is `${AZURE_OPENAI_ENDPOINT}/openai/v1/`).
 */
export const OPENAI_BASE_URL_ENV: readonly string[] = ['OPENAI_BASE_URL', 'OPENAI_API_BASE', 'OPENAI_API_HOST'];

/** Marker texts for OpenAI variables a read of which needs more than a rename, by name. */
const ENV_READ_MESSAGES: Readonly<Record<string, string>> = {
  OPENAI_WEBHOOK_SECRET:
    'OPENAI_WEBHOOK_SECRET must now hold the signing secret your Azure OpenAI resource issues: register the webhook endpoint there',
  OPENAI_WEBSOCKET_BASE_URL:
    'OPENAI_WEBSOCKET_BASE_URL points at OpenAI: use `${AZURE_OPENAI_ENDPOINT}/openai/v1` with a wss:// scheme',
  OPENAI_ASSISTANT_ID:
    "OPENAI_ASSISTANT_ID names an assistant made on OpenAI's platform, which your Azure OpenAI resource does not have (and Azure retired its Assistants API on 2026-08-26): rebuild it with the Responses API or Microsoft Foundry Agents, then keep or drop this setting",
};

/**
 * A client's base URL read from OpenAI's own variable, replaced by the Azure endpoint (read from `replacement`: an AI
 * SDK provider's classic settings name the resource instead): it may have pointed at a proxy.
 */
export function baseURLEnvNote(name: string, replacement: string = AZURE_ENV.endpoint): string {
  return `a client's base URL read ${name}, which the Azure endpoint (${replacement}) replaces: if ${name} pointed at a proxy or gateway rather than api.openai.com, point that at your Azure resource instead`;
}

/**
 * The marker a code read of `name` gets when it is not simply renamed: base URLs, variables with no Azure meaning,
 * and OpenAI names this tool does not know. Undefined for names that are renamed (or not OpenAI's).
 */
export function envReadMessage(name: string): string | undefined {
  if (!isOpenAIEnvName(name)) return undefined;
  if (Object.hasOwn(ENV_READ_MESSAGES, name)) return ENV_READ_MESSAGES[name];
  if (OPENAI_BASE_URL_ENV.includes(name)) {
    return `${name} is an OpenAI base URL; on Azure read AZURE_OPENAI_ENDPOINT (the resource URL, no path) and append /openai/v1/`;
  }
  const replacement = azureReplacementFor(name);
  if (replacement === null) return `${name} has no Azure OpenAI equivalent; remove it`;
  if (replacement === undefined) return `${name} is not an Azure OpenAI setting: read an AZURE_OPENAI_* variable instead`;
  return undefined;
}

/**
 * The marker of an OpenAI variable read handed to a library this tool does not migrate: renamed, the Azure key would
 * go where that library sends it (api.openai.com), so the read keeps its name.
 */
export function clientSubclassMessage(name: string, module: string, azure: string): string {
  return `this class extends ${name} from ${module}, so its instances talk to OpenAI, and this tool does not rewrite subclasses: extend ${azure} instead and hand super() the Azure settings (endpoint, api-version, deployment, key or Entra ID)`;
}

/**
 * Libraries this tool does not migrate whose OpenAI clients read an OpenAI variable from the environment themselves
 * (LlamaIndex's `OpenAI` and `OpenAIEmbedding` take OPENAI_API_KEY when given no key; `OPENAI_WRAPPERS`), by package.
 * A file that uses one keeps its reads of that variable: renamed, a check that it is set would pass while the library
 * finds none.
 */
export const ENV_READING_LIBRARIES: Readonly<Record<string, readonly string[]>> = Object.fromEntries(
  OPENAI_WRAPPERS.map((wrapper) => [wrapper.pkg, [wrapper.env]]),
);

export function libraryEnvMessage(name: string, pkg: string): string {
  return `this file uses ${pkg}, whose OpenAI client reads ${name} from the environment itself and still talks to OpenAI, so the read keeps its name (renamed, this check would pass while the library finds no key); move that client to Azure OpenAI by hand, then read the Azure setting`;
}

export function unmigratedConsumerMessage(name: string, pkg: string): string {
  return `${name} is handed to ${pkg}, which this tool does not migrate: that code still talks to OpenAI, so the read keeps its name; move it to Azure OpenAI by hand, then read the Azure setting`;
}

/** A check of the key for OpenAI's format (`key.startsWith('sk-')`) on a read renamed to the Azure key `name`. */
export function keyFormatCheckMessage(name: string): string {
  return `this checks for an OpenAI key (an sk- token), but ${name} holds an Azure OpenAI key, which is not one: the check now fails on every Azure key; drop it (and its message), or check only that the key is set`;
}

/**
 * A read of the OpenAI key renamed to the Azure one (`name`) under keyless auth: the migrated clients read no key, so
 * a check of it (`process.env.OPENAI_API_KEY ? createOpenAI(…) : undefined`) no longer says whether they can connect.
 */
export function entraKeyReadMessage(name: string): string {
  return `with Entra ID auth there is no API key: ${name} is normally unset, so code that checks this value (or reads it elsewhere in this file) needs another check, and code that sends it an Entra ID bearer token instead (getBearerTokenProvider from @azure/identity)`;
}

export function leftConsumerMessage(name: string, consumer: string): string {
  return `${name} is handed to ${consumer}, which stays on OpenAI (see its marker), so the read keeps its name (renamed, your Azure key would go to OpenAI); once it is pointed at your Azure resource, read the Azure setting`;
}

/** A read of the key a migrated client read under a name of the project's own, other than a check that it is set. */
export function ownKeyReadMessage(name: string): string {
  return `this reads ${name}, the key the migrated client read before: it now reads ${AZURE_ENV.apiKey}, so ${name} no longer configures it; where this read is for Azure OpenAI too (a check that the key is set), read ${AZURE_ENV.apiKey}, and keep ${name} only for what else it serves`;
}

/**
 * A key handed to the project's own code (`local`, imported from `spec`) that may send it to OpenAI: that code's
 * module still requests OpenAI (`module`), or this file does and that code's body is elsewhere (`file`).
 */
export function projectConsumerMessage(name: string, local: string, spec: string, where: 'module' | 'file'): string {
  const why =
    where === 'module'
      ? `whose code still sends requests to OpenAI (see the markers there)`
      : `whose code this tool does not follow, while requests in this file still go to OpenAI (see the markers on them)`;
  return `${name} is handed to ${local} (from ${spec}), ${why}, so the read keeps its name (renamed, your Azure key would go to OpenAI): point those requests at Azure OpenAI, then read the Azure setting`;
}

/**
 * The marker of an OpenAI variable read sent with a request (fetch, axios, a WebSocket…) whose URL this tool did not
 * point at Azure: renamed, the Azure value (the key, in an Authorization header) would go wherever that request goes.
 */
export function assignedEnvMessage(name: string): string {
  return `this file sets ${name} for code that reads it from the environment itself (a library's default, a child process), so its reads here keep the name: if that code now talks to Azure OpenAI, set the variable it reads there instead`;
}

export function leftRequestMessage(name: string): string {
  return `${name} is sent with a request left pointed at OpenAI (see the marker on its URL for why), so the read keeps its name`;
}

export function unmovedRequestMessage(name: string): string {
  return `${name} is sent with a request this tool did not point at Azure OpenAI, so the read keeps its name (renamed, your Azure value would go wherever that request goes): point the request at your Azure resource (\`\${AZURE_OPENAI_ENDPOINT}/openai/v1/…\`, the key in an \`api-key\` header), then read the Azure setting`;
}

/**
 * Files in dotenv syntax, by name: `.env` and its variants (`.env.local`, `.env.example`), and Wrangler's `.dev.vars`
 * (a Cloudflare Worker's local settings; `.dev.vars.example` committed beside it). `migrate` edits their templates and
 * notes what the others set; `check` scans them all.
 */
export const ENV_FILE_STEMS: readonly string[] = ['.env', '.dev.vars'];

/** Whether a file name is one of `ENV_FILE_STEMS` or a variant of one (`.env.local`, `.dev.vars.staging`). */
export function isEnvFileName(name: string): boolean {
  return ENV_FILE_STEMS.some((stem) => name === stem || name.startsWith(`${stem}.`));
}

/** Flat-config `files` globs of the env files: each stem, and its variants. */
export const ENV_FILE_GLOBS: readonly string[] = ENV_FILE_STEMS.flatMap((stem) => [`**/${stem}`, `**/${stem}.*`]);
