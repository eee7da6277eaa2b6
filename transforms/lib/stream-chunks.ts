import type { ASTPath } from 'jscodeshift';
import { unwrap } from './clients.js';
import { memberName, propertyName } from './imports.js';
import { propertyPath } from './literals.js';
import { omitsSemicolons } from './semicolons.js';
import { loopStatementsAsWritten } from './snippets.js';
import { destructuringOf } from './file-index.js';
import type { TransformContext } from './types.js';

type Node = any; // Babel AST via recast.

/** The function (or program) a path sits in. */
export function enclosingScope(path: ASTPath<Node>): ASTPath<Node> {
  let current = path;
  while (current.parent && !/Function|Method|Program/.test(current.node.type)) current = current.parent;
  return current;
}

/** Whether a request body (an object literal) says `stream: true`. */
export function asksToStream(body: ASTPath<Node>): boolean {
  const stream = propertyPath(body, 'stream');
  return unwrap((stream?.node as Node)?.value)?.value === true;
}

/** `x.choices[0]` (or `choices[0]`, destructured): the object of the access a guard makes optional. */
function isFirstChoice(node: Node): boolean {
  return node?.type === 'MemberExpression' && node.computed && node.property.type === 'NumericLiteral' && node.property.value === 0 && namesChoices(node.object);
}

/** `x.choices`, or a name `choices` (destructured from a chunk: see `choicesLoop`). */
function namesChoices(node: Node): boolean {
  return memberName(node) === 'choices' || (node?.type === 'Identifier' && node.name === 'choices');
}

/** The loop of a `for await (const id of …)` that declares `id` (each of its values is a stream chunk). */
function chunkLoopOf(ctx: TransformContext, id: Node): Node | undefined {
  if (id?.type !== 'Identifier') return undefined;
  const declared = ctx.index.resolve(id)?.id;
  const declarator = declared && ctx.index.parentOf(declared);
  const declaration = declarator?.type === 'VariableDeclarator' ? ctx.index.parentOf(declarator) : undefined;
  const loop = declaration && ctx.index.parentOf(declaration);
  return loop?.type === 'ForOfStatement' && loop.await === true && loop.left === declaration ? loop : undefined;
}

/**
 * The stream loop whose chunk's choices an expression reads, and how the guard names them: `chunk.choices` of a
 * loop's chunk, or `choices` destructured in the loop's head (`for await (const { choices } of stream)`).
 */
function choicesLoop(ctx: TransformContext, node: Node): { loop: Node; text: string } | undefined {
  const n = unwrap(node);
  if (n?.type === 'MemberExpression' || n?.type === 'OptionalMemberExpression') {
    const chunk = unwrap(n.object);
    const loop = chunkLoopOf(ctx, chunk);
    return loop && { loop, text: `${chunk.name}.choices` };
  }
  if (n?.type !== 'Identifier') return undefined;
  const declared = ctx.index.resolve(n)?.id;
  const from = declared && destructuringOf(ctx.index, declared);
  if (!from || propertyName(from.key) !== 'choices') return undefined;
  const declaration = ctx.index.parentOf(from.declarator);
  const loop = declaration && ctx.index.parentOf(declaration);
  return loop?.type === 'ForOfStatement' && loop.await === true && loop.left === declaration ? { loop, text: n.name } : undefined;
}

/**
 * A loop body that already steps over a chunk without choices (`if (!chunk.choices?.length) continue;`,
 * `if (chunk.choices && chunk.choices.length > 0)`, `choices[0]?.`).
 */
const STEPS_OVER = /\bchoices\s*\??\.\s*length\b|\bchoices\s*\[\s*0\s*\]\s*\?\.|\bchoices\s*\?\./;

/**
 * Azure sends content-filter annotation chunks with `choices: []` (a stream's first chunk carries
 * `prompt_filter_results` only), so a stream reader's `chunk.choices[0].delta` throws on Azure (spec §6.1, rule 26).
 * In the function that streams: a `for await` loop whose block reads its chunk's `choices[0]` first skips such a chunk
 * (`if (chunk.choices.length === 0) continue;`), which also covers a choice or delta held in a variable; any other
 * `x.choices[0].delta` (a chunk's field alone), and a field of a loop chunk's first choice in a loop without a block,
 * becomes `x.choices[0]?.delta`.
 */
export function guardEmptyChoices(ctx: TransformContext, scope: ASTPath<Node>): void {
  const { j } = ctx;
  const within = (node: Node): boolean => ctx.index.isWithin(node, scope.node);
  const firstChoices = ctx.index.nodes('MemberExpression').filter((node: Node) => isFirstChoice(node) && within(node));
  // `const [first] = chunk.choices` (or `= choices`): the first choice taken apart.
  const takenApart = ctx.index.nodes('VariableDeclarator').filter((d: Node) => d.id.type === 'ArrayPattern' && namesChoices(unwrap(d.init)) && within(d));
  /** Loops to skip a chunk without choices in, with how their guard names the choices. */
  const skipping = new Map<Node, string>();
  const skip = (found: { loop: Node; text: string } | undefined): boolean => {
    if (found?.loop.body.type !== 'BlockStatement') return false;
    if (!STEPS_OVER.test(ctx.source.slice(found.loop.body.start, found.loop.body.end)) && !skipping.has(found.loop)) skipping.set(found.loop, found.text);
    return true;
  };
  for (const declarator of takenApart) skip(choicesLoop(ctx, declarator.init));
  const optional: Node[] = [];
  for (const choice of firstChoices) {
    const found = choicesLoop(ctx, choice.object);
    if (skip(found)) continue;
    const loop = found?.loop;
    if (choice.object.type === 'Identifier') continue;
    const access = ctx.index.parentOf(choice);
    if (access?.type === 'MemberExpression' && access.object === choice && !access.computed && (loop || memberName(access) === 'delta')) {
      optional.push(access);
    }
  }
  for (const access of ctx.index.pathsOf(optional)) {
    const node = access.node as Node;
    access.replace(j.optionalMemberExpression(node.object, node.property, false, true));
    ctx.change(node, 'stream');
  }
  for (const [loop, choices] of skipping) {
    // A statement the `if` holds is not restyled as the file's own end: it is written so.
    const end = omitsSemicolons(ctx.source) ? '' : ';';
    const code = `// Azure sends content-filter chunks without choices.\nif (${choices}.length === 0) continue${end}`;
    loop.body.body.unshift(...loopStatementsAsWritten(ctx, code));
    ctx.change(loop, 'stream');
  }
}
