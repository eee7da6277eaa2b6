import type { API, ASTPath, Collection, FileInfo, JSCodeshift, Options } from 'jscodeshift';
import { jscodeshift, lines, loadDiff, printer as recastPrinter } from './cjs-deps.cjs';
import {
  DEFAULT_OPTIONS,
  emptyFacts,
  MARKER_LINE,
  todoText,
  type FileFacts,
  type MigrationOptions,
} from '../../src/core/index.js';
import { indexOfRoot, invalidateIndex, type FileIndex } from './file-index.js';
import { likelyChanges } from './likely-change.js';
import { insertMarkerOnce } from './markers.js';
import { blanked, untouchedInsides } from './check-text.js';
import { checkParserFor, fragmentParserFor, parserFor, parserNameFor, plainParserFor, type ParserName } from './parser.js';
import { detectQuote } from './quotes.js';
import { printOptions, retab } from './print-options.js';
import { parseRegion, printRegion, transplant, type Twin } from './region-print.js';
import { printingAs } from './reprint-style.js';
import { settleEnds } from './semicolons.js';
import { changedRegions, hasDecorators, holdsOriginals, lineIndents, lineLayout, originalAt, proseOf, proseOfTokens, recastLocations, snapshot, type TopLevel } from './regions.js';
import type { Change, FileOutcome, JscodeshiftTransform, Transform, TransformContext } from './types.js';

type Node = any; // Babel AST via recast.

export interface RunInput {
  source: string;
  path: string;
  options?: MigrationOptions;
  facts?: FileFacts;
  /** Defaults to the parser the file's extension calls for. */
  parser?: ParserName;
  /** Run the plain-tree first pass even on a file `likelyChanges` picks (tests compare the two ways). */
  firstPass?: boolean;
  /** Parse and print the whole file through recast, not only its changed regions (tests compare the two ways). */
  wholeFile?: boolean;
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
  /** How a changed file was printed: only its changed regions, or the whole file through recast. */
  printed?: 'regions' | 'whole file';
  /** What the safety net parses instead of the output, when cheaper and as telling (check-text.ts). */
  check?: string;
}

/**
 * Line (1-based) of each marker's construct in the printed output, in order of insertion: the first line below the
 * marker that is not a marker itself (markers on one construct stack above it).
 */
function markerLines(output: string, messages: string[]): number[] {
  if (messages.length === 0) return [];
  const lines = output.split('\n');
  const seen = new Map<string, number>();
  return messages.map((message) => {
    const needle = todoText(message);
    let from = seen.get(message) ?? 0;
    while (from < lines.length && !lines[from]!.includes(needle)) from++;
    seen.set(message, from + 1);
    let below = from + 1;
    while (below < lines.length && MARKER_LINE.test(lines[below]!.replace(/\r$/, ''))) below++;
    return below + 1;
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
 * Parse once, apply every transform in order on the same tree, print once. Throws on parse errors, the output's too.
 *
 * Most files that reach the transforms end up unchanged. So the transforms first run on Babel's plain tree (no
 * tokens, no recast copy): a file where none of them changes anything is done. Only a file that changes is parsed
 * again through recast, which keeps its formatting when printed, and transformed from scratch on that tree.
 *
 * A file that will nearly surely change (`likelyChanges`) goes to recast at once. Without a change there, it is done
 * as the first pass would have left it.
 */
export function runTransforms(transforms: readonly Transform[], input: RunInput): RunResult {
  const { check, ...result } = runKeepingHashbang(transforms, input);
  if (result.changed) parsesAgain(check ?? result.output, parserNameOf(input));
  return result;
}

/**
 * A safety net under every transform: an output that no longer parses (a name added beside the file's own of the same
 * name, a statement printed glued to another) throws, so the file fails and is left as it was instead of written.
 */
function parsesAgain(output: string, parserName: ParserName): void {
  try {
    checkParserFor(parserName).parse(output);
  } catch (error) {
    throw new Error(`the migrated code would not parse (${error instanceof Error ? error.message : String(error)}): the file is left as it was`);
  }
}

const parserNameOf = (input: RunInput): ParserName => input.parser ?? parserNameFor(input.path, input.source) ?? 'ts';

function runKeepingHashbang(transforms: readonly Transform[], input: RunInput): RunResult {
  const hashbang = HASHBANG.exec(input.source)?.[0];
  if (hashbang === undefined) return runParsed(transforms, input);
  // Blanked to the same length, so every offset and line stays where it was (the summary reads the file's own text).
  const blank = ' '.repeat(hashbang.length);
  const result = runParsed(transforms, { ...input, source: blank + input.source.slice(hashbang.length) });
  if (!result.changed) return { ...result, output: input.source };
  // The check keeps the blanks in the hashbang's place: the line itself always parses there.
  if (result.output.startsWith(blank)) return { ...result, output: hashbang + result.output.slice(blank.length) };
  // Printed anew from the first statement: the line goes back above it, and the report's lines move down one.
  const outcome = result.outcome;
  outcome.changes = outcome.changes.map((c) => ({ ...c, line: c.line + 1 }));
  outcome.todos = outcome.todos.map((t) => ({ ...t, line: t.line + 1 }));
  outcome.secrets = outcome.secrets.map((s) => ({ ...s, line: s.line + 1 }));
  return { ...result, output: `${hashbang}\n${result.output}`, outcome, check: undefined };
}

/**
 * A `#!` line (Babel's `interpreter`): recast prints it without its line break when it prints the top level anew,
 * which glued the first statement to it; the transforms see it blanked (see `runTransforms`).
 */
const HASHBANG = /^#![^\r\n]*/;

function runParsed(transforms: readonly Transform[], input: RunInput): RunResult {
  const parserName = parserNameOf(input);
  const j = withParser(parserName);
  const byRegions = input.wholeFile !== true && !/[\t\r\u2028\u2029]/.test(input.source);
  // The regions' own first pass reads the plain tree, so a file that will go there gets no probe for the hook alone.
  const probed = input.firstPass === true || !likelyChanges(input.source) || (!byRegions && input.onPlainTree !== undefined);
  if (probed) {
    const ast = plainParserFor(parserName).parse(input.source);
    input.onPlainTree?.(ast);
    const plain = j(ast as never);
    try {
      const probe = applyTransforms(transforms, input, j, parserName, plain, 'probe');
      return { output: input.source, changed: false, outcome: probe.ctx.outcome };
    } catch (error) {
      if (error !== CHANGES) throw error;
    }
  }
  if (byRegions) {
    const regional = runOnRegions(transforms, input, j, parserName, probed ? undefined : input.onPlainTree);
    if (regional) return regional;
  }
  return runOnWholeFile(transforms, input, j, parserName, probed);
}

/**
 * The whole file parsed and printed through recast. Markers on statements of the file that start their line are
 * written into the text above them and the file is transformed again, as a re-run would (the markers are there, none
 * is added): recast reprints a statement whose comments changed (`if (a) b;` on two lines), and the regions way
 * inserts such markers as text. The first run's outcome is the file's.
 */
function runOnWholeFile(transforms: readonly Transform[], input: RunInput, j: JSCodeshift, parserName: ParserName, probed: boolean): RunResult {
  const { root, tabWidth } = recastTree(j, input.source);
  const applied = applyTransforms(transforms, input, j, parserName, root, 'recast', tabWidth);
  const { ctx, dirty, todoMessages } = applied;
  if (!probed && !dirty) return { output: input.source, changed: false, outcome: ctx.outcome };
  const marked = markersInText(applied, input.source);
  const final =
    marked === undefined ? applied : applyTransforms(transforms, { ...input, source: marked }, j, parserName, parseWhole(j, marked, tabWidth), 'recast', tabWidth);
  const text = marked ?? input.source;
  const output = retab(printWhole(final.root, text, final.ctx.source, tabWidth), text);
  return { ...finish(output, input.source, ctx, todoMessages), printed: 'whole file' };
}

/** The file's text with the markers of `applied` written above their statements (see `runOnWholeFile`), if any can be. */
function markersInText({ hosts, ctx, normalized }: Applied, source: string): string | undefined {
  if (normalized) return undefined;
  const lines = source.split('\n');
  const above = new Map<number, string[]>();
  for (const host of hosts as Set<Node>) {
    // The markers come after the comments the statement had (insertMarkerOnce appends them).
    const comments: Node[] = (host.comments ?? []).filter((c: Node) => !c.loc);
    const line = host.loc?.start.line as number | undefined;
    if (line === undefined || comments.length === 0 || !comments.every((c) => c.leading && c.type === 'CommentLine')) continue;
    if (host.comments.indexOf(comments[0]) !== host.comments.length - comments.length) continue;
    if (!/^\s*$/.test(ctx.source.slice(ctx.source.lastIndexOf('\n', host.start - 1) + 1, host.start))) continue;
    const indent = /^[ \t]*/.exec(lines[line - 1]!)![0];
    above.set(line, comments.map((c) => `${indent}//${c.value}${lines[line - 1]!.endsWith('\r') ? '\r' : ''}`));
  }
  if (above.size === 0) return undefined;
  return lines.flatMap((text, i) => [...(above.get(i + 1) ?? []), text]).join('\n');
}

/** The tab width a whole tree is printed with: that of its code (lineLayout), as the regions way indents. */
function printTabWidth(root: Collection, text: string): number {
  return lineLayout(text, proseOfTokens((root.paths()[0]!.node as { tokens?: unknown[] }).tokens ?? [])).tabWidth;
}

/**
 * A whole-file recast tree of `source`, parsed with the tab width it is printed with: recast keeps a line's leading
 * whitespace only where its tabs count as many columns at both, so a tab in a template literal's line (text, not
 * indentation) would come out as spaces.
 */
function recastTree(j: JSCodeshift, source: string): { root: Collection; tabWidth: number } {
  const root = parseWhole(j, source);
  const tabWidth = printTabWidth(root, recastText(source));
  if (tabWidth === RECAST_TAB_WIDTH || !source.includes('\t')) return { root, tabWidth };
  return { root: parseWhole(j, source, tabWidth), tabWidth };
}

/** A whole-file recast tree of `source`, indented as the regions way prints (`lineIndents`). */
function parseWhole(j: JSCodeshift, source: string, tabWidth?: number): Collection {
  const root = tabWidth === undefined ? j(source) : j(source, { tabWidth });
  lineIndents(root.paths()[0]!.node);
  return root;
}

/**
 * A whole tree printed through recast in the file's style (quotes, commas, tabs, semicolons), indenting by the tab
 * width of its code (lineLayout), as the regions way does. `text`: the text the tree was parsed from, as recast
 * parsed it (its tokens' offsets point into it).
 */
function printWhole(root: Collection, source: string, text: string, tabWidth = printTabWidth(root, text)): string {
  // The restyles read the file's text at the tree's offsets: those of the text recast parsed (tabs expanded).
  return settleEnds(printingAs(text)(() => root.toSource({ ...printOptions(source), tabWidth })));
}

function finish(output: string, source: string, ctx: TransformContext, todoMessages: string[]): RunResult {
  const lines = markerLines(output, todoMessages);
  ctx.outcome.todos = todoMessages.map((message, i) => ({ line: lines[i]!, message }));
  // Changes and secrets are recorded where the file had them; the report gives them, as its markers, in the migrated file.
  const toOutput = outputLines(source, output);
  ctx.outcome.changes = uniqueChanges(ctx.outcome.changes.map((change) => ({ ...change, line: toOutput(change.line) })));
  ctx.outcome.secrets = ctx.outcome.secrets.map((secret) => ({ ...secret, line: toOutput(secret.line) }));
  return { output, changed: output !== source, outcome: ctx.outcome };
}

/** What this file uses of the `diff` package, loaded on the first changed file (a run with none never loads it). */
interface LineDiff {
  diffArrays(a: string[], b: string[]): { added?: boolean; removed?: boolean; count?: number; value: string[] }[];
}
let lineDiff: LineDiff | undefined;
const diff = (): LineDiff => (lineDiff ??= loadDiff() as LineDiff);

/**
 * Where each line of `source` (1-based) is in `output`: a line kept is where it went; a line changed or removed is
 * where what replaced it starts (the line after the text before it, when nothing did).
 */
function outputLines(source: string, output: string): (line: number) => number {
  if (output === source) return (line) => line;
  const map: number[] = [0];
  let at = 1;
  const before = source.split('\n');
  const after = output.split('\n');
  // The added text right beside a removed part (a replacement, whichever order the diff gives it in): each removed
  // line maps, in order, to the added line that starts most like it (`new OpenAI();` to `new AzureOpenAI({`, past
  // the marker lines above it), else to the added line at its place, the last of them to the last.
  let added: { start: number; count: number } | undefined;
  let removed: number[] = [];
  const settle = (): void => {
    let from = 0;
    removed.forEach((slot, i) => {
      if (!added) {
        map[slot] = at;
        return;
      }
      const text = before[slot - 1]!.trim();
      let best = -1;
      let bestLength = 0;
      for (let k = from; k < added.count; k++) {
        const line = after[added.start - 1 + k]!.trim();
        const length = MARKER_LINE.test(line) ? 0 : commonPrefix(text, line);
        if (length > bestLength) [best, bestLength] = [k, length];
      }
      const k = best !== -1 ? best : Math.max(from, Math.min(i, added.count - 1));
      from = k;
      map[slot] = added.start + k;
    });
    removed = [];
    added = undefined;
  };
  // The lines both texts start and end with are kept as they are: only those between are diffed.
  let head = 0;
  while (head < before.length && head < after.length && before[head] === after[head]) head++;
  for (; at <= head; at++) map.push(at);
  let tail = 0;
  while (tail < before.length - head && tail < after.length - head && before[before.length - 1 - tail] === after[after.length - 1 - tail]) tail++;
  const parts = diff().diffArrays(before.slice(head, before.length - tail), after.slice(head, after.length - tail));
  parts.push({ value: before.slice(before.length - tail), count: tail });
  for (const part of parts) {
    const count = part.count ?? part.value.length;
    if (part.added) {
      added = { start: at, count };
      at += count;
      if (removed.length > 0) settle();
    } else if (part.removed) {
      for (let i = 0; i < count; i++) removed.push(map.push(0) - 1);
      if (added) settle();
    } else {
      settle();
      for (let i = 0; i < count; i++) map.push(at++);
    }
  }
  settle();
  return (line) => map[line] || line;
}

function commonPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

/** Thrown by the plain-tree pass when only a whole-file print can do (a normalizing transform changed the file). */
const WHOLE_FILE = Symbol('whole file');

/**
 * Only the changed parts through recast. The transforms run on Babel's plain tree; the outermost nodes that differ
 * from a snapshot taken before are the regions. A region made only of new nodes is printed as it is. A region that
 * holds nodes the file had (whose text must be kept) is parsed again on its own through recast (the rest of the
 * file blanked, so offsets and lines are the file's), put in a fresh plain tree, and the transforms run once more:
 * recast then reprints it as a whole-file print would. Everything else keeps its bytes. Undefined when the file
 * needs the whole-file way (the top level changed, a region does not parse alone, the two passes disagree).
 */
function runOnRegions(
  transforms: readonly Transform[],
  input: RunInput,
  j: JSCodeshift,
  parserName: ParserName,
  onPlainTree: RunInput['onPlainTree'],
): RunResult | undefined {
  const { source } = input;
  const plainParser = plainParserFor(parserName);
  const ast = plainParser.parse(source) as any;
  onPlainTree?.(ast);
  recastLocations(ast);
  const snaps = snapshot(ast);
  let first: Applied;
  try {
    first = applyTransforms(transforms, input, j, parserName, j(ast as never), 'plain');
  } catch (error) {
    if (error === WHOLE_FILE) return undefined;
    throw error;
  }
  if (!first.dirty) return { output: source, changed: false, outcome: first.ctx.outcome };
  const { firstColumns, tabWidth } = lineLayout(source, proseOf(ast, snaps.keys()));
  const changes = changedRegions(ast, snaps, firstColumns);
  if (!changes) return undefined;
  const { regions, topLevel } = changes;
  const options = { ...printOptions(source), tabWidth };
  const printer = new recastPrinter.Printer(options);
  const asFile = printingAs(source);
  const firstRoot = first.root.paths()[0]!;
  const printed: { start: number; end: number; text: string }[] = [];
  const topIndex = topLevel && new Map(topLevel.items.flatMap((item) => (item.old === undefined ? [] : [[item.index, item.old] as const])));
  const slotAt = (path: readonly (string | number)[]) => originalAt(ast, snaps, path, topIndex && ((index) => topIndex.get(index)));
  const reparsed = regions.filter((region) => holdsOriginals(region.node, snaps));
  const twins: { start: number; end: number; twin: Twin }[] = [];
  for (const region of reparsed) {
    // An original node is parsed itself; a node a transform built, through the node that holds it.
    // Parsed through the node that holds the slot, which recast then patches; a top-level statement itself.
    const itself = region.path.length <= 3;
    const from = itself ? region.path : region.path.slice(0, -1);
    const twin = parseRegion(source, ast, snaps, from, (base) => fragmentParserFor(parserName, base), firstColumns, itself, slotAt);
    if (!twin) return undefined;
    twins.push({ start: twin.slot.start, end: twin.slot.end, twin });
  }
  // A marker on a statement inside a region parsed again would come back through recast, which reprints the
  // statement (`if (a) b;` on two lines): the markers are written into the text and the file transformed again.
  if (changes.markers.some(({ at }) => twins.some((t) => t.start < at && at < t.end))) {
    const insertions = changes.markers.map(({ at, text }) => ({ start: at, end: at, text })).sort((a, b) => a.start - b.start);
    const marked = splice(source, insertions, 0, source.length);
    const again = marked === undefined ? undefined : runOnRegions(transforms, { ...input, source: marked }, j, parserName, undefined);
    return again && { ...finish(again.output, source, first.ctx, first.todoMessages), printed: 'regions', check: again.check };
  }
  for (const { start, end, twin } of outermost(twins)) {
    if (!transplant(twin, snaps)) return undefined;
    printed.push({ start, end, text: asFile(() => printRegion(firstRoot, twin.path, twin.indent, printer, options)) });
  }
  for (const region of regions) {
    if (reparsed.includes(region)) continue;
    const start = region.old.start as number;
    const end = region.old.end as number;
    if (printed.some((p) => p.start <= start && end <= p.end)) continue;
    if (hasDecorators(region.old)) return undefined;
    const bare = region.node.type === region.old.type && region.old.extra?.parenthesized === true;
    printed.push({ start, end, text: asFile(() => printRegion(firstRoot, region.path, region.indent, printer, options, bare)) });
  }
  for (const { at, text } of changes.markers) {
    // A marker inside a region printed again is printed with it.
    if (!printed.some((p) => p.start < at && at < p.end)) printed.push({ start: at, end: at, text });
  }
  // An insertion goes before a region that starts where it does.
  printed.sort((a, b) => a.start - b.start || a.end - b.end);
  let put: (text: string) => string | undefined;
  if (topLevel) {
    const added = new Map<number, string>();
    for (const item of topLevel.items) {
      if (item.old !== undefined) continue;
      if (holdsOriginals(item.node, snaps)) return undefined;
      added.set(item.index, asFile(() => printRegion(firstRoot, ['program', 'body', item.index], 0, printer, options)));
    }
    put = (text) => topLevelText(text, topLevel, added, printed);
  } else put = (text) => splice(text, printed, 0, text.length);
  const output = put(source);
  if (output === undefined) return undefined;
  const kept = untouchedInsides(snaps, printed);
  const check = kept.length === 0 ? undefined : put(blanked(source, kept));
  return { ...finish(settleEnds(output), source, first.ctx, first.todoMessages), printed: 'regions', check: check && settleEnds(check) };
}

/** `source[from, to)` with the printed regions in it put in place. Undefined when two overlap. */
function splice(source: string, printed: readonly { start: number; end: number; text: string }[], from: number, to: number): string | undefined {
  let output = '';
  let at = from;
  for (const p of printed) {
    // An insertion (empty range) at `from` is this part's.
    if (p.start >= to || p.end < from || (p.end === from && p.start < from)) continue;
    if (p.start < at || p.end > to) return undefined;
    output += source.slice(at, p.start) + p.text;
    at = p.end;
  }
  return output + source.slice(at, to);
}

const newlines = (text: string): number => text.split('\n').length - 1;

/**
 * The file when statements were added at its top level or removed there, as recast's statement-sequence printer
 * lays them out (printer.js `printStatementSequence`): statements the file had keep their text (with their printed
 * regions) and the text between two that stay neighbours; a statement added is printed anew; around an added or a
 * removed statement the blank lines are the larger of what each side asks (a statement the file had: the newlines
 * it had on that side; an added one: one line, two when it spans several). Undefined (whole-file way) when the
 * text at such a seam holds anything but line breaks (comments there belong to a neighbour as recast attaches
 * them), when the file's first or last statement is not kept as it was, or a seam has blanks recast would drop.
 */
function topLevelText(
  source: string,
  topLevel: TopLevel,
  added: ReadonlyMap<number, string>,
  printed: readonly { start: number; end: number; text: string }[],
): string | undefined {
  const old = topLevel.old;
  const gap = (k: number): string => source.slice(k === 0 ? 0 : old[k - 1].end, k === old.length ? source.length : old[k].start);
  const items = topLevel.items;
  if (items[items.length - 1]?.old !== old.length - 1) return undefined;
  // Statements added before the first keep nothing of the text before it but its line breaks.
  if (items[0]?.old !== 0 && !/^\n*$/.test(gap(0))) return undefined;
  let output = items[0]?.old === 0 ? gap(0) : '';
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    if (i > 0) {
      const before = items[i - 1]!;
      if (before.old !== undefined && item.old === before.old + 1) {
        const between = gap(item.old);
        if (/[ \t]\n|\n[ \t]+\n/.test(between)) return undefined;
        output += between;
      } else {
        const after = before.old !== undefined ? gap(before.old + 1) : undefined;
        const ahead = item.old !== undefined ? gap(item.old) : undefined;
        if ((after !== undefined && !/^\n*$/.test(after)) || (ahead !== undefined && !/^\n*$/.test(ahead))) return undefined;
        const span = (text: string | undefined): number => (text === undefined ? 0 : text.includes('\n') ? 2 : 1);
        const trailing = after !== undefined ? newlines(after) : span(added.get(before.index));
        const leading = ahead !== undefined ? newlines(ahead) : span(added.get(item.index));
        output += '\n'.repeat(Math.max(trailing, leading));
      }
    }
    if (item.old === undefined) output += added.get(item.index)!;
    else {
      const text = splice(source, printed, old[item.old].start, old[item.old].end);
      if (text === undefined) return undefined;
      output += text;
    }
  }
  return output + gap(old.length);
}

/** The ranges not inside another one. */
function outermost<T extends { start: number; end: number }>(ranges: T[]): T[] {
  return ranges.filter((r) => !ranges.some((o) => o !== r && o.start <= r.start && r.end <= o.end && (o.start !== r.start || o.end !== r.end || ranges.indexOf(o) < ranges.indexOf(r))));
}

interface Applied {
  ctx: TransformContext;
  root: Collection;
  dirty: boolean;
  todoMessages: string[];
  /** The nodes markers were put on. */
  hosts: ReadonlySet<object>;
  /** Whether a normalizing transform re-parsed the file: the tree is of the text it printed, not the input's. */
  normalized: boolean;
}

/**
 * The text recast hands its parser: each line's indentation with tabs expanded (recast's tab width 4, or the one the
 * whole-file way parsed with, see `recastTree`) and line terminators
 * made the platform's. Node offsets of a recast tree point into this text, so `ctx.source.slice(node.start, node.end)`
 * must read it, not the file's text.
 */
export function recastText(source: string, tabWidth = RECAST_TAB_WIDTH): string {
  if (!/[\t\r\u2028\u2029]/.test(source)) return source;
  return lines.fromString(source, { tabWidth }).toString({ tabWidth, reuseWhitespace: false, useTabs: false });
}

/** recast's default `tabWidth`, which jscodeshift's parse uses. */
const RECAST_TAB_WIDTH = 4;

let lastSource: { text: string; starts: number[] } | undefined;

/** The 1-based line of an offset in `text`. */
function lineOf(text: string, offset: number): number {
  if (lastSource?.text !== text) {
    const starts = [0];
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    lastSource = { text, starts };
  }
  const { starts } = lastSource;
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

/** Thrown by the probe at its first change: the file changes, so the probe has nothing more to tell. */
const CHANGES = Symbol('changes');

/**
 * The context's getters, on a prototype every file's context shares. Written in the context's object literal, they
 * gave each context a hidden class of its own, which V8's young-generation GC treats as a root, and their closures
 * held the context and its tree: every file's tree outlived the file and was copied into the old generation
 * (vercel/ai: about 100 MB, a third of a second of scavenges).
 */
class ContextBase {
  declare root: Collection;
  readonly #input: string;

  constructor(input: string) {
    this.#input = input;
  }

  get index(): FileIndex {
    return indexOfRoot(this.root);
  }

  /** Read only by a transform that writes a new string: most files never need it. */
  get quote(): 'single' | 'double' {
    return detectQuote(this.#input);
  }
}

function applyTransforms(
  transforms: readonly Transform[],
  input: RunInput,
  j: JSCodeshift,
  parser: ParserName,
  root: Collection,
  mode: 'probe' | 'plain' | 'recast',
  tabWidth = RECAST_TAB_WIDTH,
): Applied {
  const probe = mode === 'probe';
  const outcome: FileOutcome = { changes: [], todos: [], secrets: [], env: [], notes: [] };
  let dirty = false;
  const todoMessages: string[] = [];
  const hosts = new Set<object>();
  let normalized = false;
  const ctx: TransformContext = Object.assign(new ContextBase(input.source), {
    j,
    parser,
    root,
    path: input.path,
    // Node offsets point into the text the tree was parsed from: recast's, for a recast tree.
    source: mode === 'recast' ? recastText(input.source, tabWidth) : input.source,
    options: input.options ?? DEFAULT_OPTIONS,
    facts: input.facts ?? emptyFacts(),
    shared: new Map<string, unknown>(),
    outcome,
    change(node, kind) {
      if (probe) throw CHANGES;
      dirty = true;
      invalidateIndex(ctx.root);
      outcome.changes.push({ line: lineAt(node), kind });
    },
    secret(node, masked, kept) {
      outcome.secrets.push({ line: lineAt(node), masked, ...(kept && { kept }) });
    },
    todo(path: ASTPath, message: string) {
      const host = insertMarkerOnce(j, path, message);
      if (host) {
        if (probe) throw CHANGES;
        dirty = true;
        todoMessages.push(message);
        hosts.add(host);
      }
    },
    readsEnv(name) {
      if (!outcome.env.includes(name)) outcome.env.push(name);
    },
  } satisfies Omit<TransformContext, 'index' | 'quote'>);
  // From the offset: a node parsed in a region alone has the region's own line numbers (region-print.ts), and an
  // export's declaration has none (recastLocations).
  const lineAt = (node: { loc?: { start: { line: number } } | null }): number => {
    const start = (node as { start?: unknown }).start;
    return typeof start === 'number' ? lineOf(ctx.source, start) : (node.loc?.start.line ?? 0);
  };
  for (const transform of transforms) {
    const before = outcome.changes.length + todoMessages.length;
    transform.apply(ctx);
    // A normalizing transform (legacy SDKs → today's `openai` form) is printed and re-parsed, so the transforms after
    // it see ordinary code.
    if (transform.normalizes && outcome.changes.length + todoMessages.length > before) {
      if (mode === 'plain') throw WHOLE_FILE;
      const printed = printWhole(ctx.root, input.source, ctx.source);
      ctx.root = parseWhole(j, printed);
      ctx.source = recastText(printed);
      ctx.shared.clear();
      // Its markers are text of the file now, which is no longer the input's (markersInText writes none).
      normalized = true;
    }
  }
  return { ctx, root: ctx.root, dirty, todoMessages, hosts, normalized };
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
