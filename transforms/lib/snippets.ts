import { plainParserFor } from './parser.js';
import { newToTheFile } from './reprint-style.js';
import type { TransformContext } from './types.js';

type Node = any; // Babel AST via recast.

/** Whether the file is TypeScript (so `!` and type syntax may be emitted). */
export function isTypeScript(ctx: TransformContext): boolean {
  return /\.[cm]?tsx?$/i.test(ctx.path);
}

/** A string literal's source in the file's quote style. */
export function str(ctx: TransformContext, value: string): string {
  const q = ctx.quote === 'double' ? '"' : "'";
  return q + value.replace(/\\/g, '\\\\').replaceAll(q, `\\${q}`) + q;
}

function stripLocations(node: Node): Node {
  if (Array.isArray(node)) return node.map(stripLocations);
  if (!node || typeof node !== 'object') return node;
  for (const key of ['loc', 'start', 'end', 'range', 'tokens', 'comments']) delete node[key];
  if (node.extra) delete node.extra.parenthesized;
  for (const value of Object.values(node)) if (value && typeof value === 'object') stripLocations(value);
  return node;
}

/** A deep copy of parsed nodes: same classes, same keys in the same order. */
function copy(value: Node): Node {
  if (Array.isArray(value)) return value.map(copy);
  if (!value || typeof value !== 'object') return value;
  const out = Object.create(Object.getPrototypeOf(value));
  for (const key of Object.keys(value)) out[key] = copy(value[key]);
  return out;
}

/** Snippets parsed so far, by parser and code: the same few recur in every file (`process.env.AZURE_OPENAI_API_KEY`). */
const PARSED = new Map<string, Node[]>();
const PARSED_LIMIT = 1000;

/**
 * Parse code (written in the file's quote style) into fresh nodes that recast prints with the file's options. Babel's
 * plain tree serves: without locations the nodes print the same, and recast's tokens and tree copy are not needed.
 * Each call gets its own copy of a snippet parsed once.
 */
export function statements(ctx: TransformContext, code: string): Node[] {
  const key = `${ctx.parser}\0${code}`;
  let body = PARSED.get(key);
  if (!body) {
    const file = plainParserFor(ctx.parser).parse(code) as Node;
    body = stripLocations(file.program.body) as Node[];
    if (PARSED.size >= PARSED_LIMIT) PARSED.clear();
    PARSED.set(key, body);
  }
  return copy(body);
}

export function expression(ctx: TransformContext, code: string): Node {
  return statements(ctx, `(${code});`)[0].expression;
}

/**
 * Parse code into nodes that keep the snippet's own layout when printed (e.g. a one-line destructuring require).
 * The snippet gets a line break on each side: recast spaces a statement that has a location by the gaps around it
 * in its own text, so without them it would glue the statement to its neighbours (`…);const {…}`). Written with
 * `;`, they end as the file does (reprint-style.ts).
 */
export function statementsAsWritten(ctx: TransformContext, code: string): Node[] {
  return newToTheFile((ctx.j(`\n${code}\n`).find(ctx.j.Program).paths()[0]!.node as Node).body);
}

/** `statementsAsWritten` for statements only a loop's body can hold (`continue`, `break`). */
export function loopStatementsAsWritten(ctx: TransformContext, code: string): Node[] {
  const loop = (ctx.j(`\nfor (;;) {\n${code}\n}\n`).find(ctx.j.Program).paths()[0]!.node as Node).body[0];
  return newToTheFile(loop.body.body);
}
