import { readFileSync } from 'node:fs';
import path from 'node:path';
import { emptyFacts, type FileFacts, type ProjectFacts } from '../core/facts.js';
import { nearestPackageJson } from '../config-files/scope.js';
import { AGENTS_PACKAGES } from '../core/families/agents-sdk.js';
import { OPENAI_V3, isV3TypeName } from '../core/families/openai-v3.js';
import { isTestFile } from '../core/file-context.js';
import { isOpenAIBaseURL } from '../core/hosts.js';
import { isProjectSpecifier, OPENAI_SDK } from '../core/packages.js';
import { needsPreviewApiVersion } from '../core/surfaces.js';
import { AiSdkLinker, Linker, looksLikeDeploymentCall, type Origin } from './link.js';
import { ModuleResolver } from './resolve.js';
import { quotesModelName, Relevance } from './relevance.js';
import { specifierLines } from './specifiers.js';
import { ExtensionPackages } from './extension-packages.js';
import type { FileSummary } from './summarize.js';
import { indexable, summarizeFile } from './summarize-file.js';

export interface ProjectIndexInput {
  /** Working directory; relative paths below are resolved against it. */
  cwd: string;
  /** Files the pre-filter kept. */
  candidates: string[];
  /**
   * Optional: every discovered source file. Files outside the candidates that import an indexed module by name are
   * indexed too, so a use the pre-filter skipped (a price table keyed by `CHAT_MODEL`) still counts.
   */
  files?: string[];
  /**
   * Optional: the module specifiers of discovered files outside the candidates, one per line (`specifierLines`), as
   * the pre-filter read them, by absolute path. Finding the importers then reads only the files that name a module
   * of interest; a file missing here is read.
   */
  specifiers?: ReadonlyMap<string, string>;
}

export interface ProjectIndex {
  /** Facts by absolute path; a file with nothing to say has no entry (use `emptyFacts()`). */
  facts: ProjectFacts;
  /** Indexed files outside the candidates that the transforms must see too (absolute, sorted). */
  extraFiles: string[];
}

/** Names the transforms can match: `x` or `this.x` (not `default`, `exports.x`, `ns.x`). */
const BINDING_KEY = /^(?:this\.)?[\w$#]+$/;

/** What a module is asked for: export names, `default`, or `*` (everything it exports; also `=`, a whole CommonJS module). */
type Wanted = Iterable<string>;

/** Every module a candidate names, with what it takes from each: a candidate is followed whole. */
function dependenciesOf(s: FileSummary): [spec: string, names: Wanted][] {
  return [
    ...[...s.imports.values()].map((b): [string, Wanted] => [b.spec, [b.name]]),
    ...[...s.exports.values()].flatMap((t): [string, Wanted][] => ('spec' in t ? [[t.spec, [t.name]]] : [])),
    ...[...s.starExports, ...s.opaque].map((spec): [string, Wanted] => [spec, ['*']]),
  ];
}

/** Imports a module outside the candidates gives a call as its `model`: where those model names are declared. */
function modelImports(s: FileSummary): [spec: string, names: Wanted][] {
  return s.refs.flatMap((ref): [string, Wanted][] => {
    const binding = ref.call ? s.imports.get(ref.local) : undefined;
    return binding ? [[binding.spec, [binding.name]]] : [];
  });
}

/**
 * Where the given exports of a module outside the candidates come from: the re-exports and exported imports that
 * name them, and its `export *` modules for a name it does not export itself. A barrel's other exports are not
 * followed: a candidate importing one helper from `@org/core` would otherwise have every module behind it parsed
 * (openai-node: 135 files read for 325 candidates; a monorepo's barrels: hundreds).
 */
function sourcesOf(s: FileSummary, names: readonly string[]): [spec: string, names: Wanted][] {
  const all = names.includes('*') || names.includes('=');
  const sources: [string, Wanted][] = [];
  for (const name of all ? s.exports.keys() : names) {
    const target = s.exports.get(name);
    if (target && 'spec' in target) sources.push([target.spec, [target.name]]);
    else if (target && s.imports.has(target.local)) sources.push([s.imports.get(target.local)!.spec, [s.imports.get(target.local)!.name]]);
  }
  // `export *` passes on every name but `default`.
  const through = all ? ['*'] : names.filter((name) => name !== 'default' && !s.exports.has(name));
  if (through.length > 0) for (const spec of s.starExports) sources.push([spec, through]);
  return sources;
}

/**
 * Whether other files may import something the facts are about from this module: a client, a function or a resource
 * that hands one out, an OpenAI provider, or a model constant, as the links over the summaries so far resolve its
 * exports (re-exports included). Exports of anything else (a barrel of helpers, a class instance) give its importers
 * nothing to learn, so they are not read.
 */
function exportsOfInterest(module: string, linker: Linker, aiSdk: AiSdkLinker, summaries: ReadonlyMap<string, FileSummary>): boolean {
  return linker.exportedOrigins(module).some(
    (o) =>
      'local' in o &&
      (summaries.get(o.file)!.modelConsts.has(o.local) ||
        summaries.get(o.file)!.urlConsts.has(o.local) ||
        linker.valueOf(o.file, o.local) !== null ||
        linker.returnsClient(o.file, o.local) ||
        aiSdk.isProvider(o.file, o.local)),
  );
}

function readText(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

/** A line (specifier) that ends in one of these modules' names (`./config`, `@/lib/openai.js`, `../lib` for an index). */
function importerPattern(modules: Iterable<string>): RegExp | undefined {
  const names = new Set<string>();
  for (const file of modules) {
    const base = path.basename(file).replace(/\.[cm]?[jt]sx?$/, '');
    names.add(base === 'index' ? path.basename(path.dirname(file)) : base);
  }
  if (names.size === 0) return undefined;
  const alternation = [...names].map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
  return new RegExp(`^(?:.*/)?(?:${alternation})(?:\\.[cm]?[jt]sx?)?(?:/index(?:\\.[cm]?[jt]sx?)?)?$`, 'm');
}

/**
 * The project index, built from file summaries as they come in: the candidates' (made by the transform pass, from
 * its own parse, or read here), then the modules they import (one level, plus re-export chains), then the discovered
 * files that import an indexed module of interest. Files it needs summarised are handed out as `takeRequests()`, so
 * whoever has a free thread parses them. It answers the cross-file questions the per-file transforms cannot: which
 * imported bindings are direct-OpenAI clients, which model constants can be rewritten where declared. Babel's
 * parsers, no type information, no node_modules.
 */
export class ProjectIndexer {
  /** Settles once every summary the index needs is in; a summary that throws rejects it. */
  readonly done: Promise<ProjectIndex>;
  /** Files the index had to summarise itself (requests answered with `undefined`): never a file the transform pass gave. */
  readonly summarizedHere: string[] = [];
  private readonly summaries = new Map<string, FileSummary>();
  private readonly resolver = new ModuleResolver();
  private readonly candidates: ReadonlySet<string>;
  /** Which modules outside the candidates are worth a parse (see relevance.ts). */
  private readonly relevance: Relevance;
  private readonly discovered?: ReadonlySet<string>;
  private readonly screened?: ReadonlyMap<string, string>;
  /** Files asked for or given, each summarised once. */
  private readonly seen = new Set<string>();
  /** Files whose summary the index still waits for. */
  private readonly awaited = new Set<string>();
  /** What is asked of each module outside the candidates so far (see `sourcesOf`); a candidate is followed whole. */
  private readonly wanted = new Map<string, Set<string>>();
  /** Modules whose importers were looked for. */
  private readonly imported = new Set<string>();
  /** Specifiers of discovered files the pre-filter did not hand over, read here. */
  private readonly specifiersRead = new Map<string, string>();
  private requests: string[] = [];
  private settled = false;
  private settle!: { resolve(index: ProjectIndex): void; reject(error: unknown): void };

  /** `fromTransforms`: candidates whose summaries the transform pass gives (`add`); the others are requests. */
  constructor(input: ProjectIndexInput, fromTransforms: Iterable<string> = []) {
    this.done = new Promise((resolve, reject) => (this.settle = { resolve, reject }));
    // A run may stop before the index is done and never ask for it.
    this.done.catch(() => undefined);
    const candidates = new Set(input.candidates.map((p) => path.resolve(input.cwd, p)));
    this.candidates = candidates;
    this.relevance = new Relevance(candidates, (from, spec) => this.resolver.resolve(from, spec));
    this.discovered = input.files && new Set(input.files.map((p) => path.resolve(input.cwd, p)));
    this.screened = input.specifiers;
    const given = new Set([...fromTransforms].map((p) => path.resolve(input.cwd, p)));
    for (const file of [...candidates].sort()) {
      this.seen.add(file);
      this.awaited.add(file);
      if (!given.has(file)) this.requests.push(file);
    }
    if (candidates.size === 0) this.advance();
  }

  /** Files to summarise next (each handed out once): answer each with `add`. */
  takeRequests(): string[] {
    const requests = this.requests;
    this.requests = [];
    return requests;
  }

  /**
   * A file's summary: null when it has none (it does not parse or cannot be read), undefined when the index must
   * read it itself (a request this thread answers, or a file the transform pass could not summarise).
   */
  add(file: string, summary: FileSummary | null | undefined): void {
    if (this.settled || !this.awaited.has(file)) return;
    try {
      if (summary === undefined) {
        this.summarizedHere.push(file);
        summary = summarizeFile(file);
      }
      this.awaited.delete(file);
      if (summary) {
        this.summaries.set(file, summary);
        const wanted = this.wanted.get(file);
        const dependencies = wanted ? [...modelImports(summary), ...sourcesOf(summary, [...wanted])] : dependenciesOf(summary);
        for (const [spec, names] of dependencies) this.follow(file, spec, names);
      }
      if (this.awaited.size === 0) this.advance();
    } catch (error) {
      this.settled = true;
      this.settle.reject(error);
    }
  }

  /**
   * Ask for these names of a module a summarised file depends on: its summary, once, then the modules they come from
   * (a module summarised already is followed for the names new to it).
   */
  private follow(from: string, spec: string, names: Wanted): void {
    const module = this.resolver.resolve(from, spec);
    if (!module) return;
    if (!this.seen.has(module)) {
      this.seen.add(module);
      if (!indexable(module) || !this.relevance.matters(module)) return;
      this.request(module);
    }
    const wanted = this.wanted.get(module);
    if (!wanted) return;
    const fresh = [...names].filter((name) => !wanted.has(name));
    for (const name of fresh) wanted.add(name);
    const summary = this.summaries.get(module);
    if (summary && fresh.length > 0) for (const [next, more] of sourcesOf(summary, fresh)) this.follow(module, next, more);
  }

  private request(module: string): void {
    this.awaited.add(module);
    this.requests.push(module);
    this.wanted.set(module, new Set());
  }

  /**
   * Every awaited summary is in: ask for the importers of the modules of interest not asked about yet, or link. An
   * importer may be a barrel (`export * from './openai'`) that makes a module of interest of its own, whose importers
   * are asked for next.
   */
  private advance(): void {
    if (this.discovered) {
      for (const file of this.importers([...this.discovered])) {
        this.seen.add(file);
        this.request(file);
      }
      if (this.awaited.size > 0) return;
    }
    this.settled = true;
    this.settle.resolve(this.link());
  }

  /**
   * The discovered files that import an indexed module of interest: one of the file's specifiers ends in such a
   * module's name (read from the pre-filter's specifiers when it has them), and it resolves to such a module (a name
   * alone also matches unrelated modules of the same name, e.g. every `./index`) or the file quotes a model name (its
   * own constants count too).
   */
  private importers(files: string[]): string[] {
    const linker = new Linker(this.summaries, (from, spec) => this.resolver.resolve(from, spec));
    const aiSdk = new AiSdkLinker(this.summaries, linker);
    const modules = [...this.summaries.keys()].filter((file) => !this.imported.has(file) && exportsOfInterest(file, linker, aiSdk, this.summaries));
    for (const module of modules) this.imported.add(module);
    const pattern = importerPattern(modules);
    if (!pattern) return [];
    const interesting = new Set(modules);
    return files.filter((file) => {
      if (this.seen.has(file) || !indexable(file)) return false;
      const specifiers = this.specifierLinesOf(file);
      if (!pattern.test(specifiers)) return false;
      if (specifiers.split('\n').some((spec) => interesting.has(this.resolver.resolve(file, spec) ?? ''))) return true;
      const text = readText(file);
      return text !== undefined && quotesModelName(text);
    });
  }

  /** A discovered file's specifiers, one per line: the pre-filter's, or read once from the file. */
  private specifierLinesOf(file: string): string {
    let specifiers = this.screened?.get(file) ?? this.specifiersRead.get(file);
    if (specifiers === undefined) this.specifiersRead.set(file, (specifiers = specifierLines(readText(file) ?? '')));
    return specifiers;
  }

  /** Whether a file imports another candidate of the run that it migrated (through a relative path, subpath import or alias). */
  private importsMigrated(file: string): boolean {
    const summary = this.summaries.get(file);
    if (!summary) return false;
    const specs = new Set([...summary.imports.values()].map((b) => b.spec));
    return [...specs].some((spec) => {
      const module = isProjectSpecifier(spec) ? this.resolver.resolve(file, spec) : undefined;
      return module !== undefined && module !== file && this.candidates.has(module) && this.summaries.get(module)?.migrated === true;
    });
  }

  /**
   * Whether a file's agents run on another vendor set up elsewhere (`FileFacts.agentsOnOtherVendor`): it imports the
   * Agents SDK, in a package where a module that others import (a setup module, not a standalone example) points the
   * SDK's default client at another vendor.
   */
  private agentsSetUpElsewhere(): (file: string) => boolean {
    const configuring = new Set([...this.summaries].filter(([, s]) => s.agentsOnOtherVendor).map(([file]) => file));
    if (configuring.size === 0) return () => false;
    const known = new Map<string, string | undefined>();
    const packageOf = (file: string): string => nearestPackageJson(file, [path.parse(file).root], known) ?? '';
    const packages = new Set<string>();
    for (const file of this.summaries.keys()) {
      for (const spec of this.specifierLinesOf(file).split('\n')) {
        const module = isProjectSpecifier(spec) ? this.resolver.resolve(file, spec) : undefined;
        if (module !== undefined && module !== file && configuring.has(module)) packages.add(packageOf(module));
      }
    }
    return (file) => packages.has(packageOf(file)) && importsAgentsSdk(this.summaries.get(file));
  }

  private link(): ProjectIndex {
    // A constant is only rewritten where the pipeline will transform its file: never outside the discovered files.
    const rewritable = (file: string): boolean => this.candidates.has(file) || (this.discovered?.has(file) ?? true);
    // A module of a browser or editor extension's package: its clients and requests are left on OpenAI (raw-http,
    // openai-client), which the transform pass ahead of these facts could not know. Its importers learn so here.
    const extensions = new ExtensionPackages();
    for (const [file, summary] of this.summaries) {
      if (!extensions.sideOf(file)) continue;
      summary.browser = true;
      summary.leavesOpenAI = true;
    }
    const facts = computeFacts(this.summaries, (from, spec) => this.resolver.resolve(from, spec), rewritable);
    const agentsElsewhere = this.agentsSetUpElsewhere();
    for (const file of this.candidates) {
      if (agentsElsewhere(file)) facts[file] = { ...(facts[file] ?? emptyFacts()), agentsOnOtherVendor: true };
      const clientSide = extensions.sideOf(file);
      if (clientSide) facts[file] = { ...(facts[file] ?? emptyFacts()), clientSide };
      if (isTestFile(file) && this.importsMigrated(file)) facts[file] = { ...(facts[file] ?? emptyFacts()), testsMigratedCode: true };
    }
    const extraFiles = Object.keys(facts).filter(
      (file) => !this.candidates.has(file) && needsTransform(facts[file]!, this.summaries.get(file)!),
    );
    return { facts, extraFiles };
  }
}

/** The project index of these files, every summary read and parsed on this thread. */
export async function buildProjectIndex(input: ProjectIndexInput): Promise<ProjectIndex> {
  const indexer = new ProjectIndexer(input);
  for (let files = indexer.takeRequests(); files.length > 0; files = indexer.takeRequests()) {
    for (const file of files) indexer.add(file, undefined);
  }
  return indexer.done;
}

/** Whether a file imports the Agents SDK (see `FileFacts.agentsOnOtherVendor`). */
function importsAgentsSdk(summary: FileSummary | undefined): boolean {
  return summary !== undefined && [...summary.imports.values()].some((b) => AGENTS_PACKAGES.includes(b.spec));
}

/** A file outside the candidates is worth transforming when it declares or uses something the facts act on. */
function needsTransform(facts: FileFacts, summary: FileSummary): boolean {
  if (facts.rewriteConstants.length > 0 || Object.values(facts.modelConstants).includes('mixed') || facts.azureURLs?.length) return true;
  return summary.refs.some((ref) => facts.clientBindings.includes(ref.local) || (facts.aiSdkProviders ?? []).includes(ref.local));
}

function computeFacts(
  summaries: ReadonlyMap<string, FileSummary>,
  resolve: (from: string, spec: string) => string | undefined,
  rewritable: (file: string) => boolean,
): ProjectFacts {
  const linker = new Linker(summaries, resolve);
  const aiSdk = new AiSdkLinker(summaries, linker);
  const files = [...summaries.keys()].sort();
  const isModelConst = (o: Origin | undefined): o is { file: string; local: string } =>
    o !== undefined && 'local' in o && summaries.get(o.file)!.modelConsts.has(o.local);

  /** For each model constant (`file\0name`): whether each of its uses is a deployment position. */
  const uses = new Map<string, boolean[]>();
  const recordUse = (o: { file: string; local: string }, deployment: boolean): void => {
    const key = `${o.file}\0${o.local}`;
    const list = uses.get(key);
    if (list) list.push(deployment);
    else uses.set(key, [deployment]);
  };
  const escaped = new Set<string>();
  /** A module used as a whole (`Object.values(config)`, `import()`): each model constant it exports has a non-model use. */
  const escape = (module: string | undefined): void => {
    if (!module || escaped.has(module)) return;
    escaped.add(module);
    for (const o of linker.exportedOrigins(module)) if (isModelConst(o)) recordUse(o, false);
  };
  /** `model` values that resolve to a model constant, per file: the key as written and the constant. */
  const modelUses = new Map<string, Map<string, string>>();
  const modelValues = new Map<string, Record<string, string>>();

  for (const file of files) {
    const s = summaries.get(file)!;
    for (const spec of s.opaque) escape(resolve(file, spec));
    for (const ref of s.refs) {
      let origin = s.imports.has(ref.local) ? linker.originOf(file, ref.local) : { file, local: ref.local };
      let key = ref.local;
      let direct = ref.member === undefined;
      if (origin && 'namespace' in origin) {
        if (ref.member === undefined) {
          escape(origin.namespace);
          continue;
        }
        origin = linker.resolveExport(origin.namespace, ref.member);
        key = `${ref.local}.${ref.member}`;
        direct = true;
      }
      if (!isModelConst(origin)) continue;
      const onClient =
        direct &&
        ((ref.call !== undefined && linker.isDeploymentCallOnClient(file, ref.call)) ||
          (ref.argOf !== undefined && aiSdk.isModelCall(file, ref.argOf)));
      // The model an imported constant holds, where a wrapper is constructed with it or a client's call sends it (the
      // api-version a reasoning model needs).
      if (direct && (ref.constructed || onClient) && origin.file !== file) recordModelValue(modelValues, file, key, summaries.get(origin.file)!.modelConsts.get(origin.local)!);
      recordUse(origin, onClient);
      if (direct && (onClient || (ref.call && looksLikeDeploymentCall(ref.call)))) {
        if (!modelUses.has(file)) modelUses.set(file, new Map());
        modelUses.get(file)!.set(key, `${origin.file}\0${origin.local}`);
      }
    }
  }

  const urls = urlConstantUses(files, summaries, linker);

  /** Preview calls made through an imported client, by the file constructing it. */
  const previewCalls = new Map<string, Set<string>>();
  for (const file of files) {
    const s = summaries.get(file)!;
    for (const ref of s.refs) {
      if (ref.calls === undefined || !s.imports.has(ref.local) || !needsPreviewApiVersion(ref.calls) || !linker.isClient(file, ref.local)) continue;
      for (const constructing of linker.constructionsOf(file, ref.local)) {
        if (!previewCalls.has(constructing)) previewCalls.set(constructing, new Set());
        previewCalls.get(constructing)!.add(ref.calls);
      }
    }
  }

  const rewritten = new Set(
    [...uses]
      .filter(([key, list]) => list.every(Boolean) && rewritable(key.slice(0, key.indexOf('\0'))))
      .map(([key]) => key),
  );
  const facts: ProjectFacts = {};
  const v3Clients = files.some((file) => [...summaries.get(file)!.imports.values()].some((b) => b.spec === OPENAI_SDK && b.name === OPENAI_V3.client));
  for (const file of files) {
    const s = summaries.get(file)!;
    const clientBindings = new Set<string>();
    for (const [local, binding] of s.imports) {
      if (binding.name !== '*' && linker.isClient(file, local)) clientBindings.add(local);
    }
    // Holders of a client obtained elsewhere (a factory, a typed parameter, a field set from one); a client
    // constructed right here is the transform's own find.
    for (const [key, sources] of s.values) {
      if (BINDING_KEY.test(key) && key !== 'default' && sources.some((src) => src.kind !== 'new') && linker.isClient(file, key)) {
        clientBindings.add(key);
      }
    }
    const rewriteConstants = [...s.modelConsts.keys()].filter((name) => rewritten.has(`${file}\0${name}`)).sort();
    const aiSdkProviders = [...s.imports]
      .filter(([local, binding]) => binding.name !== '*' && aiSdk.isProvider(file, local))
      .map(([local]) => local)
      .sort();
    const modelConstants: FileFacts['modelConstants'] = {};
    for (const [key, constant] of [...(modelUses.get(file) ?? [])].sort(([a], [b]) => (a < b ? -1 : 1))) {
      modelConstants[key] = rewritten.has(constant) ? 'rewritten' : 'mixed';
    }
    if (clientBindings.size > 0 || rewriteConstants.length > 0 || Object.keys(modelConstants).length > 0 || aiSdkProviders.length > 0) {
      facts[file] = { clientBindings: [...clientBindings].sort(), rewriteConstants, modelConstants };
      if (aiSdkProviders.length > 0) facts[file].aiSdkProviders = aiSdkProviders;
    }
    if (modelValues.has(file)) facts[file] = { ...(facts[file] ?? emptyFacts()), modelValues: modelValues.get(file)! };
    if (previewCalls.has(file)) facts[file] = { ...(facts[file] ?? emptyFacts()), previewCalls: [...previewCalls.get(file)!].sort() };
    const browserURLs = urls.browser.get(file);
    if (browserURLs) facts[file] = { ...(facts[file] ?? emptyFacts()), browserURLs: [...browserURLs].sort() };
    const azureURLs = urls.azure.get(file);
    if (azureURLs) facts[file] = { ...(facts[file] ?? emptyFacts()), azureURLs: [...azureURLs].sort() };
    const otherURLs = otherURLsOf(file, s, summaries, linker);
    if (otherURLs) facts[file] = { ...(facts[file] ?? emptyFacts()), otherURLs };
    if (v3Clients && importsV3TypesOnly(s)) facts[file] = { ...(facts[file] ?? emptyFacts()), v3ClientsElsewhere: true };
    const openAIModuleImports = openAIModuleImportsOf(file, s, summaries, linker, resolve);
    if (openAIModuleImports.length > 0) facts[file] = { ...(facts[file] ?? emptyFacts()), openAIModuleImports };
  }
  return facts;
}

/** Whether a file imports v3 types from `openai` (core OPENAI_V3.types, none of today's exports) and not its v3 client. */
function importsV3TypesOnly(s: FileSummary): boolean {
  const names = [...s.imports.values()].filter((b) => b.spec === OPENAI_SDK).map((b) => b.name);
  return !names.includes(OPENAI_V3.client) && names.some(isV3TypeName);
}

/**
 * The names a file hands its OpenAI key to (`FileSummary.keyConsumers`) whose module, or a module that one imports,
 * still sends requests to OpenAI after the transform pass (`leavesOpenAI`).
 */
/** How many imports deep a key handed to another module's code is followed to a request left on OpenAI. */
const KEY_HOPS = 2;

function openAIModuleImportsOf(
  file: string,
  s: FileSummary,
  summaries: ReadonlyMap<string, FileSummary>,
  linker: Linker,
  resolve: (from: string, spec: string) => string | undefined,
): string[] {
  // The consumer's module, or one it imports, KEY_HOPS deep (a test helper → the package's index → its client module).
  const leaves = (module: string | undefined, hops: number, seen: Set<string>): boolean => {
    if (module === undefined || seen.has(module)) return false;
    seen.add(module);
    const summary = summaries.get(module);
    if (summary?.leavesOpenAI) return true;
    return hops > 0 && [...(summary?.imports.values() ?? [])].some((binding) => leaves(resolve(module, binding.spec), hops - 1, seen));
  };
  return s.keyConsumers.filter((local) => {
    const origin = linker.originOf(file, local);
    const module = origin && ('namespace' in origin ? origin.namespace : origin.file);
    if (!module || module === file) return false;
    return leaves(module, KEY_HOPS, new Set([file]));
  });
}

/**
 * OpenAI URL constants other files import (`export const CALLS_URL = 'https://api.openai.com/v1/…'`). One a browser
 * module uses stays OpenAI's where it is declared (`browser`, by declaring file: the Azure URL would read
 * `process.env` there), and so do its other users' requests. Otherwise its declaring file's raw-http points it at
 * Azure, so the requests its importers send it with follow (`azure`, by importing file: the local names).
 */
function urlConstantUses(
  files: readonly string[],
  summaries: ReadonlyMap<string, FileSummary>,
  linker: Linker,
): { browser: Map<string, Set<string>>; azure: Map<string, Set<string>> } {
  const add = (map: Map<string, Set<string>>, file: string, name: string): void => {
    if (!map.has(file)) map.set(file, new Set());
    map.get(file)!.add(name);
  };
  const browser = new Map<string, Set<string>>();
  const used: { file: string; local: string; origin: { file: string; local: string } }[] = [];
  for (const file of files) {
    const s = summaries.get(file)!;
    for (const { local, origin } of importedValues(file, s, linker)) {
      if (!summaries.get(origin.file)!.urlConsts.has(origin.local)) continue;
      if (s.browser) add(browser, origin.file, origin.local);
      else used.push({ file, local, origin });
    }
  }
  const azure = new Map<string, Set<string>>();
  for (const { file, local, origin } of used) {
    if (!summaries.get(origin.file)!.browser && !browser.get(origin.file)?.has(origin.local)) add(azure, file, local);
  }
  return { browser, azure };
}

/** A file's imported constants holding a URL that is not OpenAI's, with their literal text (`FileFacts.otherURLs`). */
function otherURLsOf(file: string, s: FileSummary, summaries: ReadonlyMap<string, FileSummary>, linker: Linker): Record<string, string> | undefined {
  let found: Record<string, string> | undefined;
  for (const { local, origin } of importedValues(file, s, linker)) {
    const text = summaries.get(origin.file)!.constTexts.get(origin.local);
    if (text === undefined || !/^['"`](?:https?|wss?):\/\//.test(text) || isOpenAIBaseURL(text)) continue;
    (found ??= {})[local] = text;
  }
  return found;
}

/** The values a file reads by a name it imports (not a namespace's member) that another module declares, with their origin. */
function* importedValues(file: string, s: FileSummary, linker: Linker): Generator<{ local: string; origin: { file: string; local: string } }> {
  for (const ref of s.refs) {
    if (ref.member !== undefined || !s.imports.has(ref.local)) continue;
    const origin = linker.originOf(file, ref.local);
    if (origin && 'local' in origin && origin.file !== file) yield { local: ref.local, origin };
  }
}

/** A model constant from another module used as a wrapper construction's `model`: its value, for that file's transform. */
function recordModelValue(values: Map<string, Record<string, string>>, file: string, key: string, model: string): void {
  const forFile = values.get(file) ?? {};
  forFile[key] = model;
  values.set(file, forFile);
}
