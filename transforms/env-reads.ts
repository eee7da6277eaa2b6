import type { ASTPath } from 'jscodeshift';
import { AZURE_ENV, azureReplacementFor, envReadMessage, isOpenAIEnvName } from '../src/core/index.js';
import { insideClientArguments } from './lib/client-arguments.js';
import { declaratorOf, unwrap } from './lib/clients.js';
import { indexFor } from './lib/file-index.js';
import { propertyName } from './lib/imports.js';
import { literalValue } from './lib/literals.js';
import { asJscodeshift } from './lib/run.js';
import type { Transform, TransformContext } from './lib/types.js';

type Node = any; // Babel AST via recast.

const ENTRA_KEY_READ =
  'with Entra ID auth there is no API key: AZURE_OPENAI_API_KEY is normally unset, so code relying on this value needs another check';

/** `process.env`, `import.meta.env`, or a same-file `const` holding one (`const env = process.env`). */
function isEnvObject(path: ASTPath<Node>, depth = 0): boolean {
  const node = unwrap(path.node as Node);
  if (node?.type === 'MemberExpression' && !node.computed && node.property.name === 'env') {
    const object = unwrap(node.object);
    if (object.type === 'MetaProperty') return object.meta.name === 'import' && object.property.name === 'meta';
    return object.type === 'Identifier' && object.name === 'process' && !indexFor(path).resolve(object, path);
  }
  if (node?.type !== 'Identifier' || depth > 2 || node !== path.node) return false;
  const declarator = declaratorOf(path);
  const isConst = declarator && (declarator.parent.node as Node).kind === 'const' && (declarator.node as Node).init;
  return !!isConst && isEnvObject(declarator.get('init'), depth + 1);
}

/** Whether a member expression is written to (`process.env.X = …`, `delete process.env.X`): setup code, not a read. */
function isWrite(path: ASTPath<Node>): boolean {
  const parent = path.parent?.node as Node;
  if (parent?.type === 'AssignmentExpression' && parent.left === path.node) return true;
  if (parent?.type === 'UpdateExpression') return true;
  return parent?.type === 'UnaryExpression' && parent.operator === 'delete';
}

/** The OpenAI variable a read names, when it is ours to handle. */
function openAIName(name: string | undefined): name is string {
  return name !== undefined && isOpenAIEnvName(name);
}

/** Rename, or leave with a marker, one read of `name` at `path`; `rename` swaps the key in the source. True when renamed. */
function handle(ctx: TransformContext, path: ASTPath<Node>, name: string, rename: (azure: string) => void): boolean {
  const message = envReadMessage(name);
  if (message !== undefined) {
    ctx.todo(path, message);
    return false;
  }
  const azure = azureReplacementFor(name)!;
  rename(azure);
  ctx.readsEnv(azure);
  ctx.change(path.node, 'rename');
  if (azure === AZURE_ENV.apiKey && ctx.options.auth === 'entra-id' && !inAuthorizationHeader(path)) ctx.todo(path, ENTRA_KEY_READ);
  return true;
}

/** Inside an `Authorization` header value: under Entra ID the raw-HTTP transform swaps that header for a token. */
function inAuthorizationHeader(path: ASTPath<Node>): boolean {
  for (let p: ASTPath<Node> | null = path.parent; p; p = p.parent) {
    const node = p.node as Node;
    if ((node.type === 'ObjectProperty' || node.type === 'Property') && propertyName(node.key)?.toLowerCase() === 'authorization') return true;
  }
  return false;
}

type ReadVisitor = (path: ASTPath<Node>, name: string, rename: (azure: string) => void) => void;

/** `process.env.X`, `process.env["X"]`, `import.meta.env.X` (and through an alias of the env object). */
function memberReads(ctx: TransformContext, visit: ReadVisitor): void {
  const { j } = ctx;
  const nameOf = (node: Node): string | undefined => (node.computed ? literalValue(node.property) : propertyName(node.property));
  ctx.index.find('MemberExpression', (n) => openAIName(nameOf(n))).forEach((path) => {
    const node = path.node as Node;
    const name = nameOf(node);
    if (!openAIName(name) || !isEnvObject(path.get('object')) || isWrite(path)) return;
    visit(path, name, (azure) => {
      node.property = node.computed ? j.stringLiteral(azure) : j.identifier(azure);
    });
  });
}

/** `const { OPENAI_API_KEY } = process.env` → `const { AZURE_OPENAI_API_KEY: OPENAI_API_KEY } = process.env`. */
function destructuredReads(ctx: TransformContext, visit: ReadVisitor): void {
  const { j } = ctx;
  ctx.index.find('VariableDeclarator', (n) => n.id.type === 'ObjectPattern').forEach((declarator) => {
    if (!(declarator.node as Node).init || !isEnvObject(declarator.get('init'))) return;
    declarator.get('id', 'properties').each((prop: ASTPath<Node>) => {
      const node = prop.node as Node;
      if (node.type !== 'ObjectProperty' && node.type !== 'Property') return;
      const name = node.computed ? literalValue(node.key) : propertyName(node.key);
      if (!openAIName(name)) return;
      visit(prop, name, (azure) => {
        node.key = j.identifier(azure);
        node.shorthand = false;
        if (node.extra) node.extra.shorthand = false;
        node.computed = false;
      });
    });
  });
}

/** Every read of an OpenAI variable in the file (member and destructured), with how to rename it. */
function eachRead(ctx: TransformContext, visit: ReadVisitor): void {
  // Every name read here starts with OPENAI_: a file without that text reads none.
  if (!ctx.source.includes('OPENAI_')) return;
  memberReads(ctx, visit);
  destructuredReads(ctx, visit);
}

/**
 * Reads of `OPENAI_*` environment variables in code (migration spec §8, rules 32–33). A variable with an Azure
 * counterpart (`OPENAI_API_KEY` → `AZURE_OPENAI_API_KEY`, `OPENAI_MODEL` → `AZURE_OPENAI_DEPLOYMENT`) is renamed
 * where it is read, destructured names keeping their local binding; base URLs, variables with no Azure meaning and
 * unknown `OPENAI_*` names get a marker. `OPENAI_API_VERSION` is Azure's own and never touched; writes and `delete`
 * are setup code, not reads. Reads inside an OpenAI client's (or wrapper's) arguments belong to that client's
 * transform (the pipeline's openai-client replaces `apiKey`/`baseURL` there), so they are left to it.
 */
export const envReads: Transform = {
  name: 'env-reads',
  apply(ctx) {
    let left = false;
    eachRead(ctx, (path, name, rename) => {
      if (insideClientArguments(ctx, path) || !handle(ctx, path, name, rename)) left = true;
    });
    if (left) ctx.shared.set(READS_LEFT, true);
  },
};

/** Set when env-reads left a read as it was (beside a marker, in a client's arguments): only then can one remain. */
const READS_LEFT = 'openai-to-azure:env-reads-left';

/**
 * The OpenAI variables the file still reads once every other transform ran: reads left beside a marker
 * (`OPENAI_ORG_ID`), in the options of a client no transform rewrote. Config files keep them: the code needs them.
 */
export const staleEnvReads: Transform = {
  name: 'stale-env-reads',
  apply(ctx) {
    // No transform writes an OpenAI variable's name: a read env-reads renamed is gone, so without one it left, the
    // file reads none, and the tree (changed since) is not walked again to find so.
    if (ctx.shared.get(READS_LEFT) !== true) return;
    eachRead(ctx, (_, name) => {
      const stale = (ctx.outcome.staleEnv ??= []);
      if (!stale.includes(name)) stale.push(name);
    });
  },
};

export default asJscodeshift(envReads);
