import { maskSecret } from '../core/secrets.js';
import {
  canonicalOrder,
  deploymentComment,
  fateOf,
  isDeploymentVariable,
  modelFor,
  placeholderFor,
  secretIn,
  type ConfigContext,
} from './env-plan.js';
import { emptyEdit, type ConfigEdit } from './types.js';

/** `NAME=value`, optionally `export`ed (dotenv syntax). */
const ASSIGNMENT = /^(\s*)(export\s+)?([A-Za-z_][A-Za-z0-9_]*)(\s*=\s*)(.*)$/;

interface Line {
  text: string;
  /** The original line number (1-based) of the line it came from. */
  origin: number;
}

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

/**
 * Rewrite an env template (`.env.example` and kin) to the variables the migrated code reads: OpenAI variables are
 * renamed in place (value replaced by a placeholder) or removed, missing ones are added after the last OpenAI line,
 * every other line (comments included) stays. A template with no OpenAI or Azure OpenAI variable is left alone.
 */
export function editEnvTemplate(body: string, ctx: ConfigContext): ConfigEdit {
  const edit = emptyEdit(body);
  if (ctx.env.length === 0) return edit;
  const input = body.split('\n');
  const present = new Set<string>();
  for (const text of input) {
    const m = ASSIGNMENT.exec(text);
    if (m && ctx.env.includes(m[3]!)) present.add(m[3]!);
  }
  const out: Line[] = [];
  let lastRelated = -1;
  /** Where variables the file lacks go: where its first OpenAI variable was. */
  let anchor = -1;
  let prefix = '';
  input.forEach((text, i) => {
    const origin = i + 1;
    const m = ASSIGNMENT.exec(text);
    if (!m || !related(m[3]!, ctx)) {
      out.push({ text, origin });
      return;
    }
    const [, indent, exported = '', name, , raw] = m as unknown as string[];
    const value = parseValue(raw!);
    const fate = fateOf(name!, value, ctx);
    prefix = `${indent}${exported}`;
    if (fate.kind !== 'keep') {
      const secret = secretIn(raw!);
      if (secret) edit.secrets.push({ line: origin, masked: maskSecret(secret) });
    }
    if (fate.kind !== 'keep' && anchor < 0) anchor = out.length;
    if (fate.kind === 'rename' && !present.has(fate.to)) {
      present.add(fate.to);
      for (const line of assignment(fate.to, ctx, value, prefix)) out.push({ text: line, origin });
      edit.changes.push({ line: origin, kind: 'rename' });
    } else if (fate.kind !== 'keep') {
      edit.changes.push({ line: origin, kind: 'env' });
    } else {
      out.push({ text, origin });
    }
    lastRelated = out.length - 1;
  });
  if (lastRelated < 0) return edit;
  const missing = canonicalOrder(ctx.env.filter((name) => !present.has(name)));
  const added = missing.flatMap((name) => assignment(name, ctx, '', prefix));
  if (added.length > 0) {
    const index = anchor >= 0 ? anchor : lastRelated + 1;
    const at = out[Math.min(index, out.length - 1)]!.origin;
    out.splice(index, 0, ...added.map((text) => ({ text, origin: at })));
    edit.changes.push({ line: at, kind: 'env' });
  }
  edit.output = out.map((l) => l.text).join('\n');
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
  const missing = canonicalOrder(ctx.env.filter((name) => !set.has(name)));
  const notes: string[] = [];
  if (missing.length > 0) notes.push(`not rewritten (a real env file): set ${missing.join(', ')}`);
  if (stale.length > 0) notes.push(`not rewritten (a real env file): the migrated code no longer reads ${stale.join(', ')}`);
  return notes;
}
