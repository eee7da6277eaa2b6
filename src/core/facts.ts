/**
 * Project-wide facts the project index hands to per-file transforms, as plain JSON (workers get a copy).
 * Transforms never open other files; what they need to know about them arrives here.
 */
export interface FileFacts {
  /**
   * Local names in this file bound to a direct-OpenAI client that lives elsewhere: imports of an exported client
   * (`import { openai } from './lib/openai'`), or parameters / fields typed `OpenAI`. Fields are named `this.x`.
   */
  clientBindings: string[];
  /**
   * Model constants this file declares whose every use project-wide is a deployment position:
   * the transform rewrites the initializer to a deployment reference.
   */
  rewriteConstants: string[];
  /**
   * Identifiers used as `model` in this file that resolve to a model-name constant, and whether that constant
   * is rewritten at its declaration (`rewritten`: leave the use alone) or not (`mixed`: marker at the use).
   */
  modelConstants: Record<string, 'rewritten' | 'mixed'>;
  /**
   * Local names bound to a Vercel AI SDK OpenAI provider made in another module (`export const myProvider =
   * createOpenAI(...)`, re-exports of `openai`): the ai-sdk transform rewrites the model ids given to them here.
   */
  aiSdkProviders?: string[];
  /**
   * Imported model-name constants used as the `model` of a wrapper construction (`new ChatOpenAI({ model: MODEL })`)
   * or of a client's call, with the model name each holds: the wrapper's transform derives the deployment reference
   * from it, the client's the api-version its model needs.
   */
  modelValues?: Record<string, string>;
  /**
   * Calls other files make on a client this file constructs that need a preview api-version on the classic target
   * (`openai.beta.assistants.create` on `export const openai = new OpenAI()`): the construction asks for it.
   */
  previewCalls?: string[];
  /** This file's OpenAI URL constants a browser module imports: they stay OpenAI's (the Azure URL reads `process.env`). */
  browserURLs?: string[];
  /** Imported OpenAI URL constants their own file points at Azure: the requests sent with them here follow. */
  azureURLs?: string[];
  /**
   * Imported names this file hands its OpenAI key to whose module still sends requests to OpenAI (an OpenAI URL left
   * there with a marker, in it or in a module it imports): the read keeps its name.
   */
  openAIModuleImports?: string[];
  /**
   * The run moves openai v3 clients of other files to today's package (and raises its range in package.json), while
   * this file imports v3 types from `openai` without a client: its types move too, or it would not compile.
   */
  v3ClientsElsewhere?: true;
  /**
   * Where the file's package runs, when that is no server (see `ClientSide`): a browser extension's package (an
   * extension manifest at its root) runs in the browser (a background service worker, a content script, a popup),
   * an editor extension's (a package.json with `engines.vscode`) in the editor, even when the file's own text does
   * not show it.
   */
  clientSide?: ClientSide;
  /**
   * A test file that imports a module of the project whose code this run rewrites: its OpenAI URLs that no request
   * sends may be what the migrated code is expected to call (raw-http's test-data marker says so).
   */
  testsMigratedCode?: true;
  /**
   * A module of the project points the Agents SDK's default client at another vendor (`setDefaultOpenAIClient(new
   * OpenAI({ baseURL: groq }))`, left as it is): this file's agents run there, so it gets no Azure client of its own.
   */
  agentsOnOtherVendor?: true;
  /**
   * Imported module-level constants holding a URL that is not OpenAI's (a local server's, another vendor's), by local
   * name: their literal text, read as a same-file constant's would be (`baseURL: LM_STUDIO_URL` is that server's).
   */
  otherURLs?: Record<string, string>;
}

export type ProjectFacts = Record<string, FileFacts>;

/** Where code runs that has no server env of its own to read: a browser, or an editor extension's host. */
export type ClientSide = 'browser' | 'editor';

export function emptyFacts(): FileFacts {
  return { clientBindings: [], rewriteConstants: [], modelConstants: {} };
}
