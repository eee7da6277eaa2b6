import { escapeRegExp } from '../regexp.js';

/**
 * Frameworks with OpenAI classes of their own, which this tool does not rewrite: each builds an OpenAI client itself
 * and reads OPENAI_API_KEY when given no key (LlamaIndex.TS's `OpenAI` and `openai()`, Inngest AgentKit's `openai()`,
 * Genkit's OpenAI plugins). Each
 * use of one gets a marker naming what the framework takes for Azure OpenAI, and the file's reads of the key keep
 * their name: the framework still reads it.
 */
export interface OpenAIWrapper {
  /** The module its OpenAI classes come from. */
  pkg: string;
  name: string;
  /** Its exports that are (`new OpenAI(…)`) or make (`openai(…)`, `openAI()`) an OpenAI client: what to use on Azure instead. */
  exports: Readonly<Record<string, string>>;
  /** The variable it reads for OpenAI's key. */
  env: string;
  /** An option that puts its classes on Azure OpenAI already (`azure: { endpoint, … }`): such a use is left alone. */
  azureOption?: string;
}

/** Its classes serve Azure OpenAI too when given an `azure: { endpoint, deployment, … }` option (`azureOption`). */
const LLAMAINDEX_AZURE = 'from @llamaindex/azure, given the deployment, endpoint, apiVersion and apiKey (or its AZURE_OPENAI_* variables)';
const LLAMAINDEX: Readonly<Record<string, string>> = {
  OpenAI: `AzureOpenAI ${LLAMAINDEX_AZURE}`,
  openai: `new AzureOpenAI(…) ${LLAMAINDEX_AZURE}`,
  OpenAIEmbedding: `AzureOpenAIEmbedding ${LLAMAINDEX_AZURE}`,
  OpenAIResponses: `AzureOpenAIResponses ${LLAMAINDEX_AZURE}`,
  openaiResponses: `new AzureOpenAIResponses(…) ${LLAMAINDEX_AZURE}`,
  OpenAIAgent: `an agent given an AzureOpenAI ${LLAMAINDEX_AZURE} as its llm`,
};
/**
 * `llamaindex` before 0.8 exported the OpenAI classes itself, and they serve Azure OpenAI when given an `azure`
 * option (or with AZURE_OPENAI_ENDPOINT set); @llamaindex/azure needs a far newer core.
 */
const LLAMAINDEX_LEGACY_AZURE =
  'an `azure: { endpoint, deployment, apiKey, apiVersion }` option (or AZURE_OPENAI_ENDPOINT, AZURE_OPENAI_DEPLOYMENT and AZURE_OPENAI_KEY set), or AzureOpenAI from @llamaindex/azure after upgrading llamaindex';
const LLAMAINDEX_LEGACY: Readonly<Record<string, string>> = {
  OpenAI: `the same class with ${LLAMAINDEX_LEGACY_AZURE}`,
  OpenAIEmbedding: `the same class with ${LLAMAINDEX_LEGACY_AZURE}`,
  OpenAIAgent: `an agent given an OpenAI llm built with ${LLAMAINDEX_LEGACY_AZURE}`,
};
/** Inngest's model helpers (AgentKit re-exports them) read OPENAI_API_KEY; `azureOpenai` is their Azure OpenAI model. */
const INNGEST_AZURE = 'azureOpenai from @inngest/ai, given the deployment, endpoint, apiVersion and apiKey';
const INNGEST: Readonly<Record<string, string>> = { openai: INNGEST_AZURE };
const GENKIT_AZURE =
  "@genkit-ai/compat-oai's openAICompatible({ name, baseURL: `${AZURE_OPENAI_ENDPOINT}/openai/v1/`, apiKey }), with deployment names as model names";
/** The OpenAI plugin, named or as the default export. */
const GENKIT: Readonly<Record<string, string>> = { openAI: GENKIT_AZURE, default: GENKIT_AZURE };

export const OPENAI_WRAPPERS: readonly OpenAIWrapper[] = [
  { pkg: '@llamaindex/openai', name: 'LlamaIndex', exports: LLAMAINDEX, env: 'OPENAI_API_KEY', azureOption: 'azure' },
  { pkg: 'llamaindex', name: 'LlamaIndex', exports: LLAMAINDEX_LEGACY, env: 'OPENAI_API_KEY', azureOption: 'azure' },
  { pkg: '@inngest/agent-kit', name: 'AgentKit', exports: INNGEST, env: 'OPENAI_API_KEY' },
  { pkg: '@inngest/ai', name: 'Inngest AI', exports: INNGEST, env: 'OPENAI_API_KEY' },
  { pkg: '@genkit-ai/compat-oai/openai', name: 'Genkit', exports: GENKIT, env: 'OPENAI_API_KEY' },
  { pkg: 'genkitx-openai', name: 'Genkit', exports: GENKIT, env: 'OPENAI_API_KEY' },
];

/** An import, require or `import()` of each wrapper's module (a package list quoting its name is not one). */
const LOADS = new Map(OPENAI_WRAPPERS.map((w) => [w, new RegExp(`(?:\\bfrom|\\bimport|\\brequire)\\s*\\(?\\s*['"\`]${escapeRegExp(w.pkg)}['"\`]`)]));

/** The wrappers a file's text imports or requires. */
export function openAIWrappersIn(text: string): OpenAIWrapper[] {
  return OPENAI_WRAPPERS.filter((w) => text.includes(w.pkg) && LOADS.get(w)!.test(text));
}

export function openAIWrapperMessage(wrapper: OpenAIWrapper, exported: string): string {
  return `${wrapper.name}'s ${exported === 'default' ? 'OpenAI plugin' : exported} (${wrapper.pkg}) talks to OpenAI itself, reading ${wrapper.env}, and this tool does not rewrite it: on Azure OpenAI use ${wrapper.exports[exported]}, then move ${wrapper.env} to the Azure settings`;
}
