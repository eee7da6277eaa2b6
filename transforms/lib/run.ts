import jscodeshift, { type API, type ASTPath, type Collection, type FileInfo, type JSCodeshift, type Options } from 'jscodeshift';
import { fromString } from 'recast/lib/lines.js';
import {
  DEFAULT_OPTIONS,
  emptyFacts,
  todoText,
  type FileFacts,
  type MigrationOptions,
} from '../../src/core/index.js';
import { indexOfRoot, invalidateIndex } from './file-index.js';
import { likelyChanges } from './likely-change.js';
import { insertMarkerOnce } from './markers.js';
import { parserFor, parserNameFor, plainParserFor, type ParserName } from './parser.js';
import { detectQuote } from './quotes.js';
import { printOptions, retab } from './print-options.js';
import type { Change, FileOutcome, JscodeshiftTransform, Transform, TransformContext } from './types.js';

export interface RunInput {
  source: string;
  path: string;
  options?: MigrationOptions;
  facts?: FileFacts;
  /** Defaults to the parser the file's extension calls for. */
  parser?: ParserName;
  /** Run the plain-tree first pass even on a file `likelyChanges` picks (tests compare the two ways). */
  firstPass?: boolean;
  /**
   * Called with Babel's plain tree of the file (its `File` node) before any transform touches it, so the caller can
   * read more from the same parse (the project index summarises candidates this way). Not called when the file
   * does not parse.
   */
  onPlainTree?(file: unknown): void;
}

export interface RunResult {
  /** The new text; identical to the input (same string) when nothing changed. */
  output: string;
  changed: boolean;
  outcome: FileOutcome;
}

/** Line (1-based) of each marker in the printed output, in order of insertion, pointing at the construct below. */
function markerLines(output: string, messages: string[]): number[] {
  const lines = output.split('\n');
  const seen = new Map<string, number>();
  return messages.map((message) => {
    const needle = todoText(message);
    let from = seen.get(message) ?? 0;
    while (from < lines.length && !lines[from]!.includes(needle)) from++;
    seen.set(message, from + 1);
    return from + 2;
  });
}

/** Changes in line order, each (line, kind) once: several transforms may touch the same construct. */
function uniqueChanges(changes: readonly Change[]): Change[] {
  const seen = new Set<string>();
  return [...changes]
    .sort((a, b) => a.line - b.line)
    .filter((c) => {
      const key = `${c.line}:${c.kind}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}

const CORES = new Map<ParserName, JSCodeshift>();

/** jscodeshift bound to a parser, made once per parser: each `withParser` copies every ast-types builder onto a new function. */
function withParser(name: ParserName): JSCodeshift {
  let j = CORES.get(name);
  if (!j) CORES.set(name, (j = jscodeshift.withParser(parserFor(name))));
  return j;
}

/**
 * Parse once, apply every transform in order on the same tree, print once. Throws on parse errors.
 *
 * Most files that reach the transforms end up unchanged. So the transforms first run on Babel's plain tree (no
 * tokens, no recast copy): a file where none of them changes anything is done. Only a file that changes is parsed
 * again through recast, which keeps its formatting when printed, and transformed from scratch on that tree.
 *
 * A file that will nearly surely change (`likelyChanges`) goes to recast at once. Without a change there, it is done
 * as the first pass would have left it.
 */
export function runTransforms(transforms: readonly Transform[], input: RunInput): RunResult {
  const parserName = input.parser ?? parserNameFor(input.path, input.source) ?? 'ts';
  const j = withParser(parserName);
  const probed = input.firstPass === true || input.onPlainTree !== undefined || !likelyChanges(input.source);
  if (probed) {
    const ast = plainParserFor(parserName).parse(input.source);
    input.onPlainTree?.(ast);
    const plain = j(ast as never);
    try {
      const probe = applyTransforms(transforms, input, j, parserName, plain, true);
      return { output: input.source, changed: false, outcome: probe.ctx.outcome };
    } catch (error) {
      if (error !== CHANGES) throw error;
    }
  }
  const { ctx, root, dirty, todoMessages } = applyTransforms(transforms, input, j, parserName, j(input.source));
  if (!probed && !dirty) return { output: input.source, changed: false, outcome: ctx.outcome };
  const output = retab(root.toSource(printOptions(input.source)), input.source);
  const lines = markerLines(output, todoMessages);
  ctx.outcome.todos = todoMessages.map((message, i) => ({ line: lines[i]!, message }));
  ctx.outcome.changes = uniqueChanges(ctx.outcome.changes);
  return { output, changed: output !== input.source, outcome: ctx.outcome };
}

interface Applied {
  ctx: TransformContext;
  root: Collection;
  dirty: boolean;
  todoMessages: string[];
}

/**
 * The text recast hands its parser: each line's indentation with tabs expanded (tab width 4) and line terminators
 * made the platform's. Node offsets of a recast tree point into this text, so `ctx.source.slice(node.start, node.end)`
 * must read it, not the file's text.
 */
export function recastText(source: string): string {
  if (!/[\t\r\u2028\u2029]/.test(source)) return source;
  return fromString(source, { tabWidth: RECAST_TAB_WIDTH }).toString({ tabWidth: RECAST_TAB_WIDTH, reuseWhitespace: false, useTabs: false });
}

/** recast's default `tabWidth`, which jscodeshift's parse uses. */
const RECAST_TAB_WIDTH = 4;

/** Thrown by the probe at its first change: the file changes, so the probe has nothing more to tell. */
const CHANGES = Symbol('changes');

function applyTransforms(
  transforms: readonly Transform[],
  input: RunInput,
  j: JSCodeshift,
  parser: ParserName,
  root: Collection,
  probe = false,
): Applied {
  const outcome: FileOutcome = { changes: [], todos: [], secrets: [], env: [], notes: [] };
  let dirty = false;
  const todoMessages: string[] = [];
  const ctx: TransformContext = {
    j,
    parser,
    root,
    get index() {
      return indexOfRoot(ctx.root);
    },
    path: input.path,
    // Node offsets point into the text the tree was parsed from: recast's, for a recast tree.
    source: probe ? input.source : recastText(input.source),
    options: input.options ?? DEFAULT_OPTIONS,
    facts: input.facts ?? emptyFacts(),
    quote: detectQuote(input.source),
    shared: new Map(),
    outcome,
    change(node, kind) {
      if (probe) throw CHANGES;
      dirty = true;
      invalidateIndex(ctx.root);
      outcome.changes.push({ line: node.loc?.start.line ?? 0, kind });
    },
    todo(path: ASTPath, message: string) {
      if (insertMarkerOnce(j, path, message)) {
        if (probe) throw CHANGES;
        dirty = true;
        todoMessages.push(message);
      }
    },
    readsEnv(name) {
      if (!outcome.env.includes(name)) outcome.env.push(name);
    },
  };
  for (const transform of transforms) {
    const before = outcome.changes.length + todoMessages.length;
    transform.apply(ctx);
    // A normalizing transform (legacy SDKs → today's `openai` form) is printed and re-parsed, so the transforms after
    // it see ordinary code.
    if (transform.normalizes && outcome.changes.length + todoMessages.length > before) {
      const printed = ctx.root.toSource(printOptions(input.source));
      ctx.root = j(printed);
      ctx.source = recastText(printed);
      ctx.shared.clear();
    }
  }
  return { ctx, root: ctx.root, dirty, todoMessages };
}

const ENUMS: Readonly<Record<string, readonly string[]>> = { target: ['classic', 'v1'], auth: ['api-key', 'entra-id'] };

/** Options as jscodeshift's CLI passes them (`--target=v1 --auth=entra-id --apiVersion=… --deployment=gpt-4o=chat`). */
export function optionsFromCli(raw: Options): MigrationOptions {
  const pick = (key: string): string | undefined => {
    const value = raw[key];
    if (value === undefined) return undefined;
    if (ENUMS[key] && !ENUMS[key].includes(String(value))) throw new Error(`--${key} must be one of ${ENUMS[key].join(', ')}`);
    return String(value);
  };
  const deployments: Record<string, string> = {};
  for (const pair of [raw.deployment ?? []].flat() as string[]) {
    const eq = pair.indexOf('=');
    if (eq > 0) deployments[pair.slice(0, eq)] = pair.slice(eq + 1);
  }
  const apiVersion = pick('apiVersion') ?? pick('api-version');
  return {
    target: (pick('target') as MigrationOptions['target']) ?? DEFAULT_OPTIONS.target,
    auth: (pick('auth') as MigrationOptions['auth']) ?? DEFAULT_OPTIONS.auth,
    apiVersion: apiVersion ?? DEFAULT_OPTIONS.apiVersion,
    apiVersionExplicit: apiVersion !== undefined,
    deployments,
  };
}

/**
 * Wrap transforms as a plain jscodeshift module: jscodeshift parses with its `--parser` (we re-parse with the
 * parser the extension calls for when jscodeshift's choice cannot read the file), and we return null when unchanged.
 */
export function asJscodeshift(...transforms: Transform[]): JscodeshiftTransform {
  return (file: FileInfo, _api: API, options: Options) => {
    const result = runTransforms(transforms, { source: file.source, path: file.path, options: optionsFromCli(options) });
    return result.changed ? result.output : null;
  };
}
