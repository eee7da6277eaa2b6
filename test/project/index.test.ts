import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildProjectIndex, ProjectIndexer } from '../../src/project/index.js';
import { specifierLines } from '../../src/project/specifiers.js';
import { fixture, migratedWithIndex, relativeFacts, sourceFiles } from './helpers.js';

/** Index a fixture; `candidates` relative to it (default: every source file). */
async function index(name: string, candidates?: string[], files?: string[]) {
  const dir = fixture(name);
  const abs = (list: string[]) => list.map((f) => path.join(dir, f));
  const result = await buildProjectIndex({
    cwd: dir,
    candidates: candidates ? abs(candidates) : sourceFiles(dir),
    ...(files ? { files: abs(files) } : {}),
  });
  return {
    facts: relativeFacts(dir, result.facts),
    extraFiles: result.extraFiles.map((f) => path.relative(dir, f)),
    raw: result,
  };
}

describe('buildProjectIndex: clients across files', () => {
  it('sees a client exported from lib/openai.ts and imported by a route', async () => {
    const { facts, raw } = await index('client-export');
    expect(facts['routes/chat.ts']?.clientBindings).toEqual(['openai']);
    // Keys are absolute; a file that declares the client itself has nothing to learn.
    expect(Object.keys(raw.facts).every(path.isAbsolute)).toBe(true);
    expect(facts['lib/openai.ts']).toBeUndefined();
  });

  it('follows clients through the wrappers core knows (LangSmith, Instructor), not another vendor\'s wrapped client', async () => {
    const { facts } = await index('wrapped-clients');
    expect(facts['routes/ask.ts']?.clientBindings).toEqual(['llm', 'structured']);
    expect(facts['lib/structured.ts']?.clientBindings).toEqual(['llm', 'structured']);
  });

  it('resolves tsconfig `paths` aliases, `baseUrl` imports and `export { x as y }`', async () => {
    const { facts } = await index('paths-alias');
    expect(facts['src/app/chat.ts']?.clientBindings).toEqual(['ai']);
    expect(facts['src/app/embed.ts']?.clientBindings).toEqual(['client']);
  });

  it('reads aliases from the referenced config of a solution-style tsconfig.json', async () => {
    const { facts } = await index('solution-config');
    expect(facts['src/app/Chat.tsx']?.clientBindings).toEqual(['ai']);
  });

  it('follows re-exports through an index file that is not a candidate, and factories', async () => {
    const { facts, extraFiles } = await index('reexport', ['app.ts', 'lib/openai.ts', 'lib/factory.ts']);
    expect(facts['app.ts']?.clientBindings).toEqual(['c', 'client', 'openai']);
    expect(extraFiles).toEqual([]);
  });

  it('follows default exports, CommonJS module.exports and namespace-imported SDKs', async () => {
    const { facts } = await index('default-export');
    expect(facts['app.ts']?.clientBindings).toEqual(['ai']);
    expect(facts['worker.cjs']?.clientBindings).toEqual(['legacy']);
  });

  it('sees clients held by typed parameters, parameter properties and fields', async () => {
    const { facts } = await index('class-clients');
    expect(facts['service.ts']?.clientBindings).toEqual(['api', 'injected', 'openai', 'this.client', 'this.injected']);
  });

  it('does not count the openai SDK pointed at another vendor, given its key (from the environment, a settings object or a variable named after it), or at an unknown URL as a client', async () => {
    const { facts } = await index('other-vendor');
    expect(facts['app.ts']?.clientBindings).toEqual(['direct', 'fromEnv']);
  });

  it('does not follow a client constructed in browser code (it is left talking to OpenAI)', async () => {
    const { facts } = await index('browser-client');
    expect(facts['app.ts']?.clientBindings).toEqual(['serverClient']);
  });

  it("marks every candidate of a browser extension's package (and an Obsidian plugin's) as browser code, a VS Code extension's as an editor's, not a web app's with a web manifest", async () => {
    const { facts } = await index('extension-packages');
    expect(facts['extension/src/background/llm.ts']?.clientSide).toBe('browser');
    expect(facts['web/src/server.ts']?.clientSide).toBeUndefined();
    expect(facts['obsidian-plugin/src/settings.ts']?.clientSide).toBe('browser');
    expect(facts['vscode-extension/src/embedder.ts']?.clientSide).toBe('editor');
    const dir = fixture('extension-packages');
    const settings = await migratedWithIndex(dir, 'obsidian-plugin/src/settings.ts');
    expect(settings.output).toContain("endpoint: 'https://api.openai.com/v1'");
    expect(settings.output).toContain('// TODO(openai-to-azure): browser code cannot read server env');
    const embedder = await migratedWithIndex(dir, 'vscode-extension/src/embedder.ts');
    expect(embedder.output).toContain("// TODO(openai-to-azure): an editor extension's users set its keys and endpoints in its settings");
    expect(embedder.output).toContain('new OpenAI({ apiKey: settings.apiKey })');
    expect(embedder.output).toContain("model: 'text-embedding-3-small'");
    const llm = await migratedWithIndex(dir, 'extension/src/background/llm.ts');
    expect(llm.output).toContain('// TODO(openai-to-azure): browser code cannot read server env');
    expect(llm.output).not.toMatch(/AzureChatOpenAI|process\.env\.AZURE/);
    expect((await migratedWithIndex(dir, 'web/src/server.ts')).output).toContain('new AzureOpenAI(');
    // Across the extension's modules: a key handed to its request keeps its name, a call on its client keeps its model.
    const commands = await migratedWithIndex(dir, 'vscode-extension/src/commands.ts');
    expect(commands.output).toContain('process.env.OPENAI_API_KEY');
    expect(commands.output).toContain("model: 'gpt-4o-mini'");
    expect(commands.output).not.toContain('AZURE_OPENAI');
  });

  it('follows OpenAI URL constants across files: one a browser module imports stays, the others take their requests to Azure', async () => {
    // The browser component names no OpenAI package: the index finds it as an importer of lib/urls.ts.
    const files = ['lib/urls.ts', 'app/route.ts', 'components/voice.tsx'];
    const { facts, extraFiles } = await index('url-constants', ['lib/urls.ts', 'app/route.ts'], files);
    expect(facts['lib/urls.ts']?.browserURLs).toEqual(['CALLS_URL']);
    expect(facts['app/route.ts']?.azureURLs).toEqual(['EMBEDDINGS_URL']);
    expect(extraFiles).toEqual([]);
    const dir = fixture('url-constants');
    const urls = (await migratedWithIndex(dir, 'lib/urls.ts')).output;
    expect(urls).toContain("export const CALLS_URL = 'https://api.openai.com/v1/realtime/calls';");
    expect(urls).toContain('// TODO(openai-to-azure): browser code imports this URL');
    expect(urls).toMatch(/EMBEDDINGS_URL = `\$\{\(process\.env\.AZURE_OPENAI_ENDPOINT \?\? ''\)/);
    const route = (await migratedWithIndex(dir, 'app/route.ts')).output;
    expect(route).toContain("headers: { 'api-key': process.env.AZURE_OPENAI_API_KEY!, 'Content-Type': 'application/json' }");
    expect(route).toContain("model: process.env.AZURE_OPENAI_DEPLOYMENT_TEXT_EMBEDDING_3_SMALL ?? 'text-embedding-3-small'");
  });

  it('keeps the name of a key handed to project code whose module (or one it imports) still requests OpenAI', async () => {
    const { facts } = await index('key-handed-on');
    // VoiceClient comes through a barrel; its module imports the transport, which keeps its bare OpenAI host.
    expect(facts['app/voice.ts']?.openAIModuleImports).toEqual(['VoiceClient']);
    // Llm's module keeps its client as it was (a base URL from the caller), with a marker.
    expect(facts['app/llm.ts']?.openAIModuleImports).toEqual(['Llm']);
    // createChat's module builds a client the migration moves to Azure.
    expect(facts['app/chat.ts']?.openAIModuleImports).toBeUndefined();
    // Two modules away (a test helper, then the package's factory, then Llm's module).
    expect(facts['app/test/llm.test.ts']?.openAIModuleImports).toEqual(['llmFor']);
    const dir = fixture('key-handed-on');
    const voice = (await migratedWithIndex(dir, 'app/voice.ts')).output;
    expect(voice).toContain('// TODO(openai-to-azure): OPENAI_API_KEY is handed to VoiceClient (from ../lib), whose code still sends requests to OpenAI');
    expect(voice).toContain('apiKey: process.env.OPENAI_API_KEY!');
    const chat = (await migratedWithIndex(dir, 'app/chat.ts')).output;
    expect(chat).toContain('createChat(process.env.AZURE_OPENAI_API_KEY!)');
  });

  it('moves v3 types of a file without a client only when the run migrates a v3 client elsewhere', async () => {
    expect((await index('v3-types-elsewhere')).facts['src/history.ts']?.v3ClientsElsewhere).toBe(true);
    // A project on v3 for its types alone (requests of its own): nothing moves.
    expect((await index('v3-types-elsewhere', ['src/history.ts'])).facts['src/history.ts']?.v3ClientsElsewhere).toBeUndefined();
    const history = (await migratedWithIndex(fixture('v3-types-elsewhere'), 'src/history.ts')).output;
    expect(history).toContain("import type { ChatCompletionMessageParam } from 'openai/resources';");
    expect(history).toContain('export type History = ChatCompletionMessageParam[];');
  });

  it('skips a file that fails to parse and still indexes the rest', async () => {
    const { facts, raw } = await index('parse-error');
    expect(facts['broken.ts']).toBeUndefined();
    expect(facts['good.ts']?.clientBindings).toEqual(['openai']);
    expect(raw.extraFiles).toEqual([]);
  });

  it('is deterministic whatever the candidate order', async () => {
    const dir = fixture('model-constants');
    const files = sourceFiles(dir);
    const a = await buildProjectIndex({ cwd: dir, candidates: files });
    const b = await buildProjectIndex({ cwd: dir, candidates: [...files].reverse() });
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
  });
});

describe('buildProjectIndex: model constants', () => {
  const candidates = ['chat.ts', 'lib/openai.ts'];

  it('rewrites a constant only used as a deployment model, and marks the others at their use', async () => {
    const { facts } = await index('model-constants', candidates);
    expect(facts['config.ts']?.rewriteConstants).toEqual(['CHAT_MODEL', 'EMBEDDING_MODEL', 'TABLE_MODEL']);
    expect(facts['chat.ts']?.rewriteConstants).toEqual(['LOCAL_MODEL']);
    expect(facts['chat.ts']?.modelConstants).toEqual({
      CHAT_MODEL: 'rewritten',
      'config.EMBEDDING_MODEL': 'rewritten',
      LOCAL_MODEL: 'rewritten',
      TABLE_MODEL: 'rewritten',
      // used in a startsWith check
      REASONING_MODEL: 'mixed',
      // also the base model of a fine-tuning job, a model name by design
      FINE_TUNE_BASE: 'mixed',
    });
  });

  it('asks for the constants module the pre-filter skipped', async () => {
    const { extraFiles } = await index('model-constants', candidates);
    expect(extraFiles).toEqual(['config.ts']);
  });

  it('counts uses in files the pre-filter skipped when given the discovered files (a price table)', async () => {
    const all = ['chat.ts', 'config.ts', 'lib/openai.ts', 'pricing.ts'];
    const { facts } = await index('model-constants', candidates, all);
    expect(facts['config.ts']?.rewriteConstants).toEqual(['CHAT_MODEL', 'EMBEDDING_MODEL']);
    expect(facts['chat.ts']?.modelConstants.TABLE_MODEL).toBe('mixed');
    expect(facts['pricing.ts']).toBeUndefined();
  });

  it('never rewrites a constant whose file the pipeline will not transform (outside the discovered files)', async () => {
    const { facts, extraFiles } = await index('model-constants', candidates, ['chat.ts', 'lib/openai.ts', 'pricing.ts']);
    expect(facts['config.ts']).toBeUndefined();
    expect(facts['chat.ts']?.modelConstants.CHAT_MODEL).toBe('mixed');
    expect(extraFiles).toEqual([]);
  });

  it('treats a namespace used as a whole as a non-model use; follows CommonJS exports', async () => {
    const { facts } = await index('model-escape');
    expect(facts['app.ts']?.modelConstants).toEqual({ 'models.CHAT': 'mixed' });
    expect(facts['models.ts']).toBeUndefined();
    expect(facts['models.cjs']?.rewriteConstants).toEqual(['SUMMARY']);
    expect(facts['worker.cjs']?.modelConstants).toEqual({ SUMMARY: 'rewritten' });
  });

  it('tracks this.x clients, require aliases and resources handed out in one file', async () => {
    const { facts } = await index('class-clients');
    expect(facts['service.ts']?.rewriteConstants).toEqual(['HELPER_MODEL', 'SERVICE_MODEL']);
    expect(facts['legacy.js']?.rewriteConstants).toEqual(['BOT_MODEL']);
  });

  it('reads an options variable handed to a client, and a baseURL written into it later, as the transforms do', async () => {
    const { facts } = await index('options-variable');
    // `local`'s options point it at a local server: not a client; `openai`'s set no baseURL.
    expect(facts['app.ts']?.clientBindings).toEqual(['openai']);
    // The field's client takes its baseURL from the code (`options.baseURL = config.baseURL`): its calls are not
    // direct-OpenAI calls, whatever its type says.
    expect(facts['lib/engine.ts']?.clientBindings ?? []).toEqual([]);
  });

  it('keeps a constant also used with another vendor: mixed', async () => {
    const { facts } = await index('other-vendor');
    expect(facts['app.ts']?.rewriteConstants).toEqual([]);
    expect(facts['app.ts']?.modelConstants).toEqual({ MODEL: 'mixed' });
  });
});

describe('ProjectIndexer: which files it reads', () => {
  /** Run the indexer as the pipeline does, recording every file it asks to have summarised. */
  async function requested(name: string, candidates: string[], files: string[], specifiers?: Record<string, string>) {
    const dir = fixture(name);
    const abs = (list: string[]) => list.map((f) => path.join(dir, f));
    const screened = specifiers && new Map(Object.entries(specifiers).map(([file, lines]) => [path.join(dir, file), lines]));
    const indexer = new ProjectIndexer({ cwd: dir, candidates: abs(candidates), files: abs(files), ...(screened ? { specifiers: screened } : {}) });
    const asked: string[] = [];
    for (let batch = indexer.takeRequests(); batch.length > 0; batch = indexer.takeRequests()) {
      for (const file of batch) {
        asked.push(path.relative(dir, file));
        indexer.add(file, undefined);
      }
    }
    return { asked: asked.sort(), facts: relativeFacts(dir, (await indexer.done).facts) };
  }

  it('reads the importers of a module that exports a client, not those of a module it merely imports', async () => {
    const files = ['lib/logger.ts', 'lib/openai.ts', 'routes/chat.ts', 'routes/health.ts'];
    const { asked, facts } = await requested('importer-precision', ['lib/openai.ts'], files);
    // logger.ts, which the candidate imports, imports nothing and quotes no model name: it cannot hold anything the
    // index is about, so it is not parsed (relevance.ts). health.ts, which imports only it, is never parsed either.
    expect(asked).toEqual(['lib/openai.ts', 'routes/chat.ts']);
    expect(facts['routes/chat.ts']?.clientBindings).toEqual(['openai']);
    expect(facts['routes/health.ts']).toBeUndefined();
  });

  const barrelFiles = ['lib/format.ts', 'lib/index.ts', 'lib/models.ts', 'lib/openai.ts', 'lib/prices.ts', 'routes/chat.ts', 'routes/embed.ts'];

  it('finds the importers of a barrel that re-exports a client, though no candidate imports the barrel', async () => {
    const { asked, facts } = await requested('barrels', ['lib/openai.ts'], barrelFiles);
    // lib/index.ts imports the client module (`export * from './openai.js'`), so it is read; it then hands out the
    // client, so its importers are looked for in turn. chat.ts gives the client CHAT_MODEL: models.ts is read for it.
    expect(asked).toEqual(['lib/index.ts', 'lib/models.ts', 'lib/openai.ts', 'routes/chat.ts', 'routes/embed.ts']);
    expect(facts['routes/chat.ts']?.clientBindings).toEqual(['openai']);
    expect(facts['lib/models.ts']?.rewriteConstants).toEqual(['CHAT_MODEL']);
    // Neither is a candidate: the pipeline transforms both because the index says so.
    expect((await index('barrels', ['lib/openai.ts'], barrelFiles)).extraFiles).toEqual(['lib/models.ts', 'routes/chat.ts']);
  });

  it('follows a barrel only for the names its importers take from it', async () => {
    const files = barrelFiles.filter((file) => file !== 'routes/chat.ts');
    const { asked } = await requested('barrels', ['lib/openai.ts', 'routes/embed.ts'], files);
    // embed.ts takes `label` from the barrel. models.ts and prices.ts quote model names (they could hold model
    // constants) but are behind other exports of the barrel: neither is parsed.
    expect(asked).toEqual(['lib/index.ts', 'lib/openai.ts', 'routes/embed.ts']);
  });

  it('follows a barrel read already for the names a later importer takes from it', async () => {
    const { asked, facts } = await requested('barrels', ['lib/openai.ts', 'routes/embed.ts'], barrelFiles);
    // The barrel was read for embed.ts (`label`); chat.ts, found as an importer of the client, gives it CHAT_MODEL as
    // a model, so models.ts is read then. PRICES, a table chat.ts only reads, is not followed.
    expect(asked).toEqual(['lib/index.ts', 'lib/models.ts', 'lib/openai.ts', 'routes/chat.ts', 'routes/embed.ts']);
    expect(facts['lib/models.ts']?.rewriteConstants).toEqual(['CHAT_MODEL']);
  });

  it("finds the importers from the specifiers the pre-filter read, without reading the files again", async () => {
    const files = ['lib/logger.ts', 'lib/openai.ts', 'routes/chat.ts', 'routes/health.ts'];
    const dir = fixture('importer-precision');
    const read = (file: string) => specifierLines(readFileSync(path.join(dir, file), 'utf8'));
    const specifiers = { 'lib/logger.ts': read('lib/logger.ts'), 'routes/chat.ts': read('routes/chat.ts'), 'routes/health.ts': read('routes/health.ts') };
    expect(specifiers['routes/chat.ts']).toBe('../lib/openai.js');
    expect(await requested('importer-precision', ['lib/openai.ts'], files, specifiers)).toEqual(await requested('importer-precision', ['lib/openai.ts'], files));
    // What the pre-filter read is what counts: told health.ts imports the client module, the index parses it.
    const told = await requested('importer-precision', ['lib/openai.ts'], files, { ...specifiers, 'routes/health.ts': '../lib/logger.js\n../lib/openai.js' });
    expect(told.asked).toEqual(['lib/openai.ts', 'routes/chat.ts', 'routes/health.ts']);
    // And told chat.ts imports nothing, it does not read it to check.
    const silent = await requested('importer-precision', ['lib/openai.ts'], files, { ...specifiers, 'routes/chat.ts': '' });
    expect(silent.asked).toEqual(['lib/openai.ts']);
  });
});

describe('buildProjectIndex: Vercel AI SDK providers across files', () => {
  it('names providers made in a shared module and the model constants given to them', async () => {
    const { facts } = await index('ai-sdk');
    // `groq` is createOpenAI on another vendor and `model` is a model, not a provider: neither is listed.
    expect(facts['app/chat.ts']?.aiSdkProviders).toEqual(['defaultProvider', 'myProvider']);
    // CHAT_MODEL is only ever a provider's model id; SHARED_MODEL also keys a price table.
    expect(facts['app/chat.ts']?.modelConstants).toEqual({ CHAT_MODEL: 'rewritten', SHARED_MODEL: 'mixed' });
    expect(facts['lib/models.ts']?.rewriteConstants).toEqual(['CHAT_MODEL']);
    expect(facts['lib/ai.ts']).toBeUndefined();
  });

  it('follows a provider re-exported through an index file', async () => {
    const { facts } = await index('ai-sdk', ['app/reexported.ts', 'lib/ai.ts']);
    expect(facts['app/reexported.ts']?.aiSdkProviders).toEqual(['provider']);
  });
});
