import type { API, ASTPath, Collection, FileInfo, JSCodeshift, Options } from 'jscodeshift';
import { isLaterApiVersion, type FileFacts, type MigrationOptions, type MinimumNeed } from '../../src/core/index.js';
import type { FileIndex } from './file-index.js';
import type { ParserName } from './parser.js';

/** What a change was, for the report (`changes[].kind`). */
export type ChangeKind =
  | 'client'
  | 'import'
  | 'auth'
  | 'option'
  | 'secret'
  | 'deployment'
  | 'constant'
  | 'api-version'
  | 'rename'
  | 'endpoint'
  | 'header'
  // A stream reader's `choices[0]` access made optional (Azure's filter chunks have none).
  | 'stream'
  // Config files (env templates, YAML, package.json): a variable added or removed, a dependency edited.
  | 'env'
  | 'dependency';

export interface Change {
  line: number;
  kind: ChangeKind;
}

export interface Todo {
  line: number;
  message: string;
}

/** A secret found and replaced: only the masked form ever leaves the transform. */
export interface SecretFinding {
  line: number;
  masked: string;
  /** Left in the source with a marker (left-secrets.ts): nothing reads it as a client's key. */
  kept?: true;
}

/** Everything one file's transforms produced besides the text. */
export interface FileOutcome {
  changes: Change[];
  todos: Todo[];
  secrets: SecretFinding[];
  /** Env variables the migrated code now reads. */
  env: string[];
  /** Human notes for the report, e.g. "uses preview api-version 2025-04-01-preview for responses". */
  notes: string[];
  /** Model literals sent as deployments: which model reads which env variable or names which deployment. */
  deployments?: DeploymentUse[];
  /** Dependencies the migrated file now needs, and those it stopped importing (for the package.json job). */
  packages?: PackageNeeds;
  /** Each api-version variable the migrated code reads, with the version it falls back to (env templates write it). */
  apiVersions?: Record<string, string>;
  /** OpenAI variables the code still reads after the run (beside a marker, in an unmigrated client's options). */
  staleEnv?: string[];
  /**
   * The migrated file still sends requests to OpenAI, with a marker: raw-http left an OpenAI URL there, or a client
   * (one built from settings the code hands it, a subclass, a framework's OpenAI class, browser code) stays as it was.
   */
  leavesOpenAI?: true;
  /** The file points the Agents SDK's default client at another vendor (left as it is): the project's agents run there. */
  agentsOnOtherVendor?: true;
}

export interface DeploymentUse {
  model: string;
  env?: string;
  deployment?: string;
}

export interface PackageNeeds {
  add: string[];
  remove: string[];
  /** What the migrated code uses that older releases of a package depended on lack (core MINIMUM_RELEASES). */
  atLeast?: MinimumNeed[];
}

/** A line in the report about the file, once however many places lead to it. */
export function noteOnce(ctx: TransformContext, note: string): void {
  if (!ctx.outcome.notes.includes(note)) ctx.outcome.notes.push(note);
}

/** Record a package the migrated file needs (`add`) or no longer imports (`remove`), once each. */
export function needsPackage(outcome: FileOutcome, kind: 'add' | 'remove', name: string): void {
  const needs = (outcome.packages ??= { add: [], remove: [] });
  if (!needs[kind].includes(name)) needs[kind].push(name);
}

/** Record an OpenAI variable the migrated code (or a library it hands work to) still reads, once: config files keep it. */
export function stillReads(outcome: FileOutcome, name: string): void {
  const stale = (outcome.staleEnv ??= []);
  if (!stale.includes(name)) stale.push(name);
}

/** Record that the migrated file uses what only newer releases of its package have (core MINIMUM_RELEASES), once. */
export function needsRelease(outcome: FileOutcome, need: MinimumNeed): void {
  const needs = (outcome.packages ??= { add: [], remove: [] });
  const atLeast = (needs.atLeast ??= []);
  if (!atLeast.includes(need)) atLeast.push(need);
}

/**
 * Note that the migrated code reads api-version variable `name` and falls back to `version` when it is unset; the
 * latest version any read falls back to is the one an env template must give.
 */
export function readsApiVersion(ctx: TransformContext, name: string, version: string): void {
  ctx.readsEnv(name);
  const versions = (ctx.outcome.apiVersions ??= {});
  const known = versions[name];
  if (known === undefined || isLaterApiVersion(version, known)) versions[name] = version;
}

/** One parse of one file, shared by every transform in the pipeline. */
export interface TransformContext {
  j: JSCodeshift;
  /** The parser `j` was made with (snippets are parsed with its plain variant). */
  parser: ParserName;
  root: Collection;
  /** One walk of the tree: nodes by type and name, parents, bindings. Rebuilt after a change (`change`). */
  readonly index: FileIndex;
  path: string;
  source: string;
  options: MigrationOptions;
  facts: FileFacts;
  /** Quote style of the file, for inserted string literals. */
  quote: 'single' | 'double';
  /** State transforms hand to later transforms of the same file (e.g. which names are clients). */
  shared: Map<string, unknown>;
  outcome: FileOutcome;
  /** Record a change at a node (its original line). */
  change(node: { loc?: { start: { line: number } } | null }, kind: ChangeKind): void;
  /** Report an OpenAI secret found at a node, masked (its original line); `kept`: left in the source with a marker. */
  secret(node: { loc?: { start: { line: number } } | null }, masked: string, kept?: true): void;
  /** Leave `// TODO(openai-to-azure): message` above the statement containing `path`, once, and report it. */
  todo(path: ASTPath, message: string): void;
  /** Note an env variable the migrated code reads. */
  readsEnv(name: string): void;
}

/** A transform: one concern, composed by the pipeline on one parse, also runnable alone under jscodeshift. */
export interface Transform {
  name: string;
  apply(ctx: TransformContext): void;
  /**
   * Rewrites legacy code into a form later transforms read afresh (openai v3 → `new OpenAI`): when it changed the
   * file, the runner prints and re-parses it before the next transform, so their client and call sets see the result.
   */
  normalizes?: boolean;
}

export type JscodeshiftTransform = (file: FileInfo, api: API, options: Options) => string | null | undefined;
