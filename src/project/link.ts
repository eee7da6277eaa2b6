import { AI_SDK, isAiSdkModelMethod } from '../core/families/ai-sdk.js';
import { isOpenAIBaseURL } from '../core/hosts.js';
import { LEGACY_CLIENTS, OPENAI_CLIENT_EXPORTS, OPENAI_SDK, clientWrapper } from '../core/packages.js';
import { DEPLOYMENT_CALLS } from '../core/surfaces.js';
import type { CallSite, FileSummary, ImportBinding, Source } from './summarize.js';

/** Where a name comes from: a binding declared in a file, or a whole module (namespace). */
export type Origin = { file: string; local: string } | { namespace: string };

/** What a key holds: a direct-OpenAI client, a resource handed out from one (`client.chat`), or neither. */
type Value = { kind: 'client' } | { kind: 'resource'; prefix: string } | null;

const CLIENT: Value = { kind: 'client' };

/** Import bindings of `openai` that are the client class: `OpenAI`, the default export, or the CJS module itself. */
const CLASS_IMPORTS = new Set([...OPENAI_CLIENT_EXPORTS, '=']);
/** Import bindings of `openai` through which the class is a member (`ns.OpenAI`). */
const NAMESPACE_IMPORTS = new Set(['*', '=']);

/**
 * openai v3 / openai-edge `OpenAIApi`: the legacy transforms make it an `OpenAI` client, so its holders are clients
 * for the files that import them (their v3 calls are mapped there).
 */
function isLegacyClass(spec: string, name: string): boolean {
  const legacy = LEGACY_CLIENTS[spec];
  return !!legacy && !legacy.directWith && legacy.exports.includes(name);
}

/** `chat`, `chat.completions`: a resource a deployment call hangs off, so a variable can hold it. */
function isResourcePath(prefix: string): boolean {
  return DEPLOYMENT_CALLS.some((call) => call.startsWith(`${prefix}.`));
}

function splitKey(key: string): { atom: string; rest: string[] } {
  const segs = key.split('.');
  const take = segs[0] === 'this' && segs.length > 1 ? 2 : 1;
  return { atom: segs.slice(0, take).join('.'), rest: segs.slice(take) };
}

/**
 * Answers project-wide questions over file summaries: which export a binding ends at (through re-exports, index
 * files, aliases), and whether a key holds a direct-OpenAI client. Memoised; cycles answer "no".
 */
export class Linker {
  private readonly values = new Map<string, Value>();
  private readonly functionValues = new Map<string, Value>();

  constructor(
    private readonly files: ReadonlyMap<string, FileSummary>,
    private readonly resolve: (from: string, spec: string) => string | undefined,
  ) {}

  /** The binding an export name of `file` ends at, or undefined when it leaves the indexed files. */
  resolveExport(file: string, name: string, seen = new Set<string>()): Origin | undefined {
    const visitKey = `${file}\0${name}`;
    const summary = this.files.get(file);
    if (!summary || seen.has(visitKey)) return undefined;
    seen.add(visitKey);
    const target = summary.exports.get(name);
    if (target && 'local' in target) {
      const binding = summary.imports.get(target.local);
      return binding ? this.resolveBinding(file, binding, seen) : { file, local: target.local };
    }
    if (target) return this.resolveBinding(file, target, seen);
    if (name === 'default') return undefined;
    for (const spec of summary.starExports) {
      const module = this.resolve(file, spec);
      const origin = module && this.resolveExport(module, name, seen);
      if (origin) return origin;
    }
    return undefined;
  }

  resolveBinding(file: string, binding: ImportBinding, seen = new Set<string>()): Origin | undefined {
    const module = this.resolve(file, binding.spec);
    if (!module || !this.files.has(module)) return undefined;
    if (binding.name === '*') return { namespace: module };
    if (binding.name === '=') {
      return this.files.get(module)!.cjsDefault ? this.resolveExport(module, 'default', seen) : { namespace: module };
    }
    return this.resolveExport(module, binding.name, seen);
  }

  /** The origin of a local name of `file`: its import, or the file's own binding. */
  originOf(file: string, local: string): Origin | undefined {
    const binding = this.files.get(file)?.imports.get(local);
    return binding ? this.resolveBinding(file, binding) : { file, local };
  }

  /** Every binding `module` exports, by any name (for a namespace that escapes). */
  exportedOrigins(module: string, seen = new Set<string>()): Origin[] {
    const summary = this.files.get(module);
    if (!summary || seen.has(module)) return [];
    seen.add(module);
    const origins = [...summary.exports.keys()].flatMap((name) => this.resolveExport(module, name) ?? []);
    for (const spec of summary.starExports) {
      const target = this.resolve(module, spec);
      if (target) origins.push(...this.exportedOrigins(target, seen));
    }
    return origins;
  }

  isClient(file: string, key: string): boolean {
    return this.valueOf(file, key)?.kind === 'client';
  }

  /** Whether the key is an import of the `openai` client class (`OpenAI`, or `ns.OpenAI` on a namespace import). */
  private isOpenAIClass(file: string, key: string): boolean {
    const imports = this.files.get(file)!.imports;
    const [head, member, ...more] = key.split('.');
    const binding = imports.get(head!);
    if (binding && more.length === 0 && isLegacyClass(binding.spec, member ?? binding.name)) return true;
    if (!binding || binding.spec !== OPENAI_SDK || more.length > 0) return false;
    return member === undefined
      ? CLASS_IMPORTS.has(binding.name)
      : NAMESPACE_IMPORTS.has(binding.name) && OPENAI_CLIENT_EXPORTS.includes(member);
  }

  private sourceValue(file: string, source: Source): Value {
    switch (source.kind) {
      case 'new': {
        if (!this.isOpenAIClass(file, source.ctor) || this.files.get(file)!.browser || source.vendorKey) return null;
        if (!source.baseURL) return CLIENT;
        const text =
          'text' in source.baseURL ? source.baseURL.text : this.files.get(file)!.constTexts.get(source.baseURL.constant);
        // Another vendor's host, an Azure URL or an expression we cannot read: not a client that talks to OpenAI.
        return text !== undefined && isOpenAIBaseURL(text) ? CLIENT : null;
      }
      case 'typed':
        return this.isOpenAIClass(file, source.type) ? CLIENT : null;
      case 'ref':
        return this.valueOf(file, source.key);
      case 'call': {
        const wrapped = this.wrapped(file, source);
        return wrapped ? this.sourceValue(file, wrapped) : this.returnValue(file, source.fn);
      }
      case 'other':
        return null;
    }
  }

  /** The source of the client a call hands a client wrapper it imports (`wrapOpenAI(client)`): what the call returns. */
  private wrapped(file: string, call: Extract<Source, { kind: 'call' }>): Source | undefined {
    if (!call.client) return undefined;
    const binding = this.files.get(file)!.imports.get(call.fn);
    const wrapper = binding && clientWrapper(binding.spec, binding.name);
    return wrapper && wrapper.property === call.client.property ? call.client.source : undefined;
  }

  /** All sources must agree: one non-client assignment makes the name ambiguous, and ambiguous is "no". */
  private agree(file: string, sources: readonly Source[] | undefined): Value {
    if (!sources || sources.length === 0) return null;
    let result: Value = null;
    for (const source of sources) {
      const value = this.sourceValue(file, source);
      if (!value || (result && JSON.stringify(result) !== JSON.stringify(value))) return null;
      result = value;
    }
    return result;
  }

  valueOf(file: string, key: string): Value {
    const memo = `${file}\0${key}`;
    if (this.values.has(memo)) return this.values.get(memo)!;
    this.values.set(memo, null);
    const value = this.computeValue(file, key);
    this.values.set(memo, value);
    return value;
  }

  private computeValue(file: string, key: string): Value {
    const summary = this.files.get(file);
    if (!summary) return null;
    if (summary.values.has(key)) return this.agree(file, summary.values.get(key));
    const { atom, rest } = splitKey(key);
    if (rest.length === 0) {
      if (atom.endsWith('()')) return this.returnValue(file, atom.slice(0, -2));
      const origin = summary.imports.has(atom) ? this.originOf(file, atom) : undefined;
      return origin && 'local' in origin ? this.valueOf(origin.file, origin.local) : null;
    }
    const origin = summary.imports.has(atom) ? this.originOf(file, atom) : undefined;
    if (origin && 'namespace' in origin) {
      const member = this.resolveExport(origin.namespace, rest[0]!);
      return member && 'local' in member ? this.valueOf(member.file, [member.local, ...rest.slice(1)].join('.')) : null;
    }
    const parent = this.valueOf(file, key.slice(0, key.lastIndexOf('.')));
    const last = key.slice(key.lastIndexOf('.') + 1);
    const prefix = parent?.kind === 'client' ? last : parent?.kind === 'resource' ? `${parent.prefix}.${last}` : undefined;
    return prefix !== undefined && isResourcePath(prefix) ? { kind: 'resource', prefix } : null;
  }

  /** Whether calling the function `fn` (local or imported) returns a client or a resource of one. */
  returnsClient(file: string, fn: string): boolean {
    return this.returnValue(file, fn) !== null;
  }

  /** What calling the function `fn` (local or imported) returns. */
  private returnValue(file: string, fn: string): Value {
    const memo = `${file}\0${fn}`;
    if (this.functionValues.has(memo)) return this.functionValues.get(memo)!;
    this.functionValues.set(memo, null);
    const summary = this.files.get(file);
    let value: Value = null;
    if (summary?.functions.has(fn)) value = this.agree(file, summary.functions.get(fn));
    else if (summary?.imports.has(fn)) {
      const origin = this.originOf(file, fn);
      if (origin && 'local' in origin) value = this.returnValue(origin.file, origin.local);
    }
    this.functionValues.set(memo, value);
    return value;
  }

  /** The files whose `new` makes what a key of `file` holds (through aliases in the file and imports). */
  constructionsOf(file: string, key: string, seen = new Set<string>()): string[] {
    const visit = `${file}\0${key}`;
    const summary = this.files.get(file);
    if (!summary || seen.has(visit)) return [];
    seen.add(visit);
    const sources = summary.values.get(key);
    if (!sources) {
      const origin = summary.imports.has(key) ? this.originOf(file, key) : undefined;
      return origin && 'local' in origin ? this.constructionsOf(origin.file, origin.local, seen) : [];
    }
    const from = (src: Source): string[] => {
      if (src.kind === 'new') return [file];
      if (src.kind === 'ref') return this.constructionsOf(file, src.key, seen);
      const wrapped = src.kind === 'call' ? this.wrapped(file, src) : undefined;
      return wrapped ? from(wrapped) : [];
    };
    return sources.flatMap(from);
  }

  /** Whether a call is a deployment call made on a direct-OpenAI client (or a resource handed out from one). */
  isDeploymentCallOnClient(file: string, call: CallSite): boolean {
    for (let i = call.segs.length - 1; i >= 0; i--) {
      const receiver = [call.root, ...call.segs.slice(0, i)].join('.');
      if (receiver === 'this') continue;
      const value = this.valueOf(file, receiver);
      const path = call.segs.slice(i).join('.');
      if (value?.kind === 'client' && DEPLOYMENT_CALLS.includes(path)) return true;
      if (value?.kind === 'resource' && DEPLOYMENT_CALLS.includes(`${value.prefix}.${path}`)) return true;
    }
    return false;
  }
}

/**
 * The Vercel AI SDK family across files: which keys hold an `@ai-sdk/openai` provider bound to OpenAI (the default
 * `openai` instance, or a `createOpenAI(...)` whose baseURL is OpenAI's), so model ids given to it elsewhere are
 * deployment positions.
 */
export class AiSdkLinker {
  private readonly memo = new Map<string, boolean>();

  constructor(
    private readonly files: ReadonlyMap<string, FileSummary>,
    private readonly linker: Linker,
  ) {}

  /** Whether `key` (`openai`, `ns.openai`, `createOpenAI`) is an import of `@ai-sdk/openai` export among `names`. */
  private isImportOf(file: string, key: string, names: Readonly<Record<string, string>>): boolean {
    const [head, member, ...more] = key.split('.');
    const binding = this.files.get(file)?.imports.get(head!);
    if (!binding || binding.spec !== AI_SDK.package || more.length > 0) return false;
    const name = member === undefined ? binding.name : binding.name === '*' || binding.name === '=' ? member : undefined;
    return name !== undefined && Object.hasOwn(names, name);
  }

  private sourceIsProvider(file: string, source: Source): boolean {
    if (source.kind === 'ref') return this.isImportOf(file, source.key, AI_SDK.instance) || this.isProvider(file, source.key);
    if (source.kind !== 'call' || !this.isImportOf(file, source.fn, AI_SDK.factories) || source.vendorKey) return false;
    if (!source.baseURL) return true;
    const text = 'text' in source.baseURL ? source.baseURL.text : this.files.get(file)!.constTexts.get(source.baseURL.constant);
    return text !== undefined && isOpenAIBaseURL(text);
  }

  /** Whether a key of `file` holds an OpenAI provider made in the project (not a direct `@ai-sdk/openai` import). */
  isProvider(file: string, key: string): boolean {
    const memo = `${file}\0${key}`;
    if (this.memo.has(memo)) return this.memo.get(memo)!;
    this.memo.set(memo, false);
    const summary = this.files.get(file);
    let result = false;
    const sources = summary?.values.get(key);
    if (sources && sources.length > 0) result = sources.every((src) => this.sourceIsProvider(file, src));
    else if (summary?.imports.has(key) && summary.imports.get(key)!.spec !== AI_SDK.package) {
      const origin = this.linker.originOf(file, key);
      result = !!origin && 'local' in origin && this.isProvider(origin.file, origin.local);
    }
    this.memo.set(memo, result);
    return result;
  }

  /** Whether a call taking a model id first is a model call on an OpenAI provider (`openai(id)`, `p.chat(id)`). */
  isModelCall(file: string, call: CallSite): boolean {
    const key = [call.root, ...call.segs].join('.');
    const provider = (k: string) => this.isImportOf(file, k, AI_SDK.instance) || this.isProvider(file, k);
    if (provider(key)) return true;
    const last = call.segs.at(-1);
    return last !== undefined && isAiSdkModelMethod(last) && provider(key.slice(0, -(last.length + 1)));
  }
}

/** Whether a call's member path ends like a deployment call, whatever its receiver turns out to be. */
export function looksLikeDeploymentCall(call: CallSite): boolean {
  return call.segs.some((_, i) => DEPLOYMENT_CALLS.includes(call.segs.slice(i).join('.')));
}
