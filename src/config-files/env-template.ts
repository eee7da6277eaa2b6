import { isOpenAIEnvName } from '../core/env.js';
import { maskSecret } from '../core/secrets.js';
import {
  canonicalOrder,
  deploymentComment,
  fateOf,
  isDeploymentVariable,
  modelFor,
  placeholderFor,
  raisedApiVersion,
  secretIn,
  type ConfigContext,
} from './env-plan.js';
import { emptyEdit, type ConfigEdit } from './types.js';

/** `NAME=value`, optionally `export`ed (dotenv syntax). */
const ASSIGNMENT = /^(\s*)(export\s+)?([A-Za-z_][A-Za-z0-9_]*)(\s*=\s*)(.*)$/;
/**
 * `# NAME=value`: a variable the template documents commented out (an optional feature's setting), in the groups of
 * ASSIGNMENT, its first group holding the `#`. Edited as one, and what it becomes stays commented out.
 */
const COMMENTED_ASSIGNMENT = /^(\s*#\s*)(export\s+)?([A-Z][A-Z0-9_]*)(\s*=\s*)(.*)$/;
const COMMENT = /^\s*#/;
const BLANK = /^\s*$/;

function parseValue(raw: string): string {
  const unquoted = /^(["'])(.*)\1\s*(?:#.*)?$/.exec(raw);
  return unquoted ? unquoted[2]! : raw.replace(/\s+#.*$/, '').trim();
}

function related(name: string, ctx: ConfigContext): boolean {
  return name.startsWith('OPENAI_') || name.startsWith('AZURE_OPENAI_') || ctx.env.includes(name);
}

/** `NAME=placeholder` lines (with the deployment comment where one is due), indented and exported like `like`. */
function assignment(name: string, ctx: ConfigContext, oldValue: string, prefix: string): string[] {
  const value = placeholderFor(name, ctx, oldValue);
  const indent = /^\s*/.exec(prefix)?.[0] ?? '';
  const lines = isDeploymentVariable(name, ctx) ? [`${indent}# ${deploymentComment(modelFor(name, ctx, oldValue))}`] : [];
  return [...lines, `${prefix}${name}=${value}`];
}

/** What becomes of one input line: its replacement lines (none when removed), and the name a rename gave it. */
interface Rewrite {
  lines: string[];
  renamed?: { from: string; to: string };
}

/** Comment text about OpenAI itself (its site, its account), beyond a variable's name: wrong once on Azure. */
function aboutOpenAI(comment: string): boolean {
  const prose = comment.replace(/\b[A-Z0-9_]*OPENAI[A-Z0-9_]*\b/g, '');
  return /openai/i.test(prose) && !/azure/i.test(prose);
}

/**
 * OpenAI's key named in prose (`# Do not share your OpenAI API key`, `# Your API Key for OpenAI`): said of the
 * renamed key, it is Azure OpenAI's. Each pattern's first group is the text kept before "Azure OpenAI", its second
 * the text kept after.
 */
const OPENAI_KEY_PROSE: readonly RegExp[] = [/\b()OpenAI((?: API)? key)\b/gi, /\b((?:API )?key (?:for|from|of) )OpenAI()\b/gi];

/** A section heading naming OpenAI (`# OpenAI Configuration`, `## OpenAI API settings`). */
const OPENAI_HEADING = /^(\s*#[\s#=*-]*)(OpenAI(?: API)?(?: (?:configuration|config|settings|setup|credentials|keys?|variables))?[\s#=*-]*)$/i;
/** A ruler line (`# ====`, `# ----`) that frames a section heading. */
const RULER = /^\s*#\s*[=*#-]{3,}\s*$/;

/**
 * A comment line about OpenAI beside renamed variables: kept when naming Azure OpenAI's key is all it takes, or when
 * it is a heading between rulers (`ruled`): its section is now Azure OpenAI's, and without it the rulers would stand
 * together.
 */
function onAzure(comment: string, ruled: boolean): string | undefined {
  if (ruled && OPENAI_HEADING.test(comment)) return comment.replace(OPENAI_HEADING, '$1Azure $2');
  if (aboutOpenAI(OPENAI_KEY_PROSE.reduce((text, prose) => text.replace(prose, ''), comment))) return undefined;
  return OPENAI_KEY_PROSE.reduce((text, prose) => text.replace(prose, '$1Azure OpenAI$2'), comment);
}

/**
 * The comments that belong to the variables below them: a `#` block directly above a run of lines (no blank line
 * between). When none of those lines stays as it was, the block goes with them if they all go, and otherwise
 * loses its lines about OpenAI (one about OpenAI's key now names Azure OpenAI's); renamed variables are named by
 * their new names. Returns the blocks that belong to rewritten lines only, which move with them.
 */
function followVariables(input: readonly string[], rewrites: Map<number, Rewrite>, commented: ReadonlySet<number>): Set<number> {
  const moving = new Set<number>();
  // A commented-out variable is a variable here: the comments above it are its own.
  const isComment = (i: number): boolean => COMMENT.test(input[i]!) && !commented.has(i);
  for (let start = 0; start < input.length; ) {
    let end = start;
    while (end < input.length && isComment(end)) end++;
    let stop = end;
    while (stop < input.length && !isComment(stop) && !BLANK.test(input[stop]!)) stop++;
    const below = Array.from({ length: stop - end }, (_, i) => rewrites.get(end + i));
    const rewritten = below.length > 0 && below.every((r) => r && (r.lines.length === 0 || r.renamed));
    const removed = rewritten && below.every((r) => r!.lines.length === 0);
    const renames = below.flatMap((r) => (r?.renamed ? [r.renamed] : []));
    const dropped = new Set<number>();
    for (let i = start; i < end && below.length > 0; i++) {
      if (rewritten) moving.add(i);
      const renamed = renames.reduce((t, { from, to }) => t.replace(new RegExp(`\\b${from}\\b`, 'g'), to), input[i]!);
      const ruled = RULER.test(input[i - 1] ?? '') || RULER.test(input[i + 1] ?? '');
      const text = rewritten && aboutOpenAI(renamed) ? onAzure(renamed, ruled) : renamed;
      if (removed || text === undefined) dropped.add(i);
      else if (text !== input[i]) rewrites.set(i, { lines: [text] });
    }
    // A sentence that runs over several comment lines goes whole: its other lines would be left saying half of it.
    for (const [from, to] of sentences(input, start, end)) {
      if (![...dropped].some((i) => from <= i && i < to)) continue;
      for (let i = from; i < to; i++) rewrites.set(i, { lines: [] });
    }
    start = Math.max(stop, start + 1);
  }
  return moving;
}

/**
 * `[from, to)` line ranges of the comment lines `[start, end)`, each a sentence: a line runs on into the next when it
 * ends mid-sentence (no `.!?:`, no URL or path last) and the next starts in lower case (`# … to get a canned` / `# demo
 * reply, so you can try the UI offline.`).
 */
function sentences(input: readonly string[], start: number, end: number): [number, number][] {
  const ranges: [number, number][] = [];
  for (let from = start, i = start; i < end; i++) {
    const runsOn = i + 1 < end && !/(?:[.!?:]|\S*\/\S*)\s*$/.test(input[i]!) && /^\s*#+\s*[a-z]/.test(input[i + 1]!);
    if (!runsOn) {
      ranges.push([from, i + 1]);
      from = i + 1;
    }
  }
  return ranges;
}

/**
 * Whether a variable the code reads and a template lacks is added to it: an Azure one the migration brought, not an
 * OpenAI one the code read before (a base URL or model override left out, or commented out, on purpose: set empty,
 * `OPENAI_BASE_URL=` would send clients to an empty base URL).
 */
const addable = (name: string): boolean => !isOpenAIEnvName(name);

/**
 * Rewrite an env template (`.env.example` and kin) to the variables the migrated code reads: OpenAI variables are
 * renamed in place (value replaced by a placeholder) or removed, their comments following them, an api-version
 * gets the version the code needs, missing variables are added where the first OpenAI variable was, every other
 * line stays. A template with no OpenAI or Azure OpenAI variable is left alone.
 */
export function editEnvTemplate(body: string, ctx: ConfigContext): ConfigEdit {
  const edit = emptyEdit(body);
  if (ctx.env.length === 0) return edit;
  const input = body.split('\n');
  /** The template's variables the code reads: set, and (`documented`) commented out. */
  const present = new Set<string>();
  const documented = new Set<string>();
  const commented = new Set<number>();
  input.forEach((text, i) => {
    const m = ASSIGNMENT.exec(text);
    if (m && ctx.env.includes(m[3]!)) present.add(m[3]!);
    const c = COMMENTED_ASSIGNMENT.exec(text);
    if (c && related(c[3]!, ctx)) commented.add(i);
    if (c && ctx.env.includes(c[3]!)) documented.add(c[3]!);
  });
  const rewrites = new Map<number, Rewrite>();
  let lastRelated = -1;
  /** Where variables the file lacks go: where its first OpenAI variable was, set or (`anchorPrefix`) commented out. */
  let anchor = -1;
  let anchorPrefix = '';
  let prefix = '';
  /**
   * One variable line. Set ones go first: where they are renamed or removed, the Azure variables are set, and a
   * commented-out OpenAI variable names one of them (every rename's target is read by the code), so it goes; where
   * none is, commented-out ones are renamed in place, commented out, and so are the variables added beside them. A
   * commented-out variable the code reads is left as it is (its api-version too: nothing reads it until it is set).
   */
  const visit = (i: number, m: RegExpExecArray, names: Set<string>): void => {
    const [, indent, exported = '', name, , raw] = m as unknown as string[];
    const value = parseValue(raw!);
    const fate = fateOf(name!, value, ctx);
    const own = `${indent}${exported}`;
    if (fate.kind === 'keep') {
      const apiVersion = commented.has(i) ? undefined : raisedApiVersion(name!, value, ctx);
      if (apiVersion === undefined) return;
      rewrites.set(i, { lines: [`${own}${name}=${apiVersion}`] });
      edit.changes.push({ line: i + 1, kind: 'env' });
      return;
    }
    const secret = secretIn(raw!);
    if (secret) edit.secrets.push({ line: i + 1, masked: maskSecret(secret) });
    if (anchor < 0) [anchor, anchorPrefix] = [i, own];
    if (fate.kind === 'rename' && !names.has(fate.to)) {
      names.add(fate.to);
      rewrites.set(i, { lines: assignment(fate.to, ctx, value, own), renamed: { from: name!, to: fate.to } });
      edit.changes.push({ line: i + 1, kind: 'rename' });
    } else {
      rewrites.set(i, { lines: [] });
      edit.changes.push({ line: i + 1, kind: 'env' });
    }
  };
  input.forEach((text, i) => {
    const m = ASSIGNMENT.exec(text);
    if (!m || !related(m[3]!, ctx)) return;
    prefix = `${m[1]}${m[2] ?? ''}`;
    lastRelated = i;
    visit(i, m, present);
  });
  const live = anchor >= 0;
  for (const i of commented) visit(i, COMMENTED_ASSIGNMENT.exec(input[i]!)!, live ? new Set(ctx.env) : documented);
  if (lastRelated < 0 && anchor < 0) return edit;
  const moving = followVariables(input, rewrites, commented);
  const missing = canonicalOrder(ctx.env.filter((name) => !present.has(name) && (live || !documented.has(name)) && addable(name)));
  const added = missing.flatMap((name) => assignment(name, ctx, '', live || anchor < 0 ? prefix : anchorPrefix));
  // Added where the first OpenAI variable was, above the comments that are its own.
  let at = anchor >= 0 ? anchor : lastRelated + 1;
  while (at > 0 && moving.has(at - 1)) at--;
  if (added.length > 0) edit.changes.push({ line: Math.min(at, input.length - 1) + 1, kind: 'env' });
  const output = input.flatMap((text, i) => [...(i === at ? added : []), ...(rewrites.get(i)?.lines ?? [text])]);
  if (at >= input.length) output.push(...added);
  edit.output = output.join('\n');
  edit.changes.sort((a, b) => a.line - b.line);
  return edit;
}

/** A real `.env` is never rewritten: what to set there instead, as notes for the summary. */
export function envFileNotes(body: string, ctx: ConfigContext): string[] {
  if (ctx.env.length === 0) return [];
  const set = new Set<string>();
  const stale: string[] = [];
  for (const text of body.split('\n')) {
    const m = ASSIGNMENT.exec(text);
    if (!m) continue;
    set.add(m[3]!);
    if (fateOf(m[3]!, parseValue(m[5]!), ctx).kind !== 'keep') stale.push(m[3]!);
  }
  const missing = canonicalOrder(ctx.env.filter((name) => !set.has(name) && addable(name)));
  const notes: string[] = [];
  if (missing.length > 0) notes.push(`not rewritten (a real env file): set ${missing.join(', ')}`);
  if (stale.length > 0) notes.push(`not rewritten (a real env file): the migrated code no longer reads ${stale.join(', ')}`);
  return notes;
}
