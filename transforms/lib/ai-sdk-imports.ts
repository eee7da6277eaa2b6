import type { ASTPath } from 'jscodeshift';
import { AI_SDK, isSpecifierOf, respecify } from '../../src/core/index.js';
import { moduleBindings, programBody, removeBinding, specifierOf, type ModuleBinding } from './imports.js';
import { statements, str } from './snippets.js';
import { insertTopLevel } from './top-level.js';
import type { TransformContext } from './types.js';

type Node = any; // Babel AST via recast.

/** An `@ai-sdk/openai` binding going to `@ai-sdk/azure`: `whole` when none of its uses stays. */
export interface Move {
  binding: ModuleBinding;
  whole: boolean;
  /** The `@ai-sdk/azure` export it binds (`*` for the module object). */
  exportName: string;
  local: string;
  /** A type (`OpenAIProvider`): bound with `type` where the statement is not a type import already. */
  type?: boolean;
}

/**
 * The `@ai-sdk/azure` exports the file's top level already binds as values (`import { createAzure } from
 * '@ai-sdk/azure'` beside the OpenAI provider), by export name: a move to one of them reuses its local name, and
 * adds no second import of it.
 */
export function azureLocals(ctx: TransformContext): Map<string, string> {
  const present = new Map<string, string>();
  for (const b of moduleBindings(ctx.j, ctx.root, AI_SDK.azurePackage)) {
    if (!b.typeOnly && b.imported !== '*' && b.statement.parent?.node.type === 'Program' && !present.has(b.imported)) present.set(b.imported, b.local);
  }
  return present;
}

/**
 * Point the module string of an import / require / `import()` statement at `@ai-sdk/azure`, in the file's quotes.
 * A new literal in the old one's slot, found by a plain walk: mutating it, or walking with ast-types (which gives
 * every node it passes its missing fields), would make the printer reprint the whole statement instead.
 */
function swapSource(ctx: TransformContext, statement: ASTPath<Node>): void {
  const visit = (holder: Node, key: string | number): void => {
    const value = holder[key];
    if (!value || typeof value !== 'object' || key === 'loc' || key === 'extra') return;
    if (value.type === 'StringLiteral' && isSpecifierOf(value.value, AI_SDK.package)) {
      const azure = respecify(value.value, AI_SDK.azurePackage);
      holder[key] = { type: 'StringLiteral', value: azure, extra: { raw: str(ctx, azure), rawValue: azure } };
      return;
    }
    for (const k of Array.isArray(value) ? value.keys() : Object.keys(value)) visit(value, k);
  };
  visit(statement, 'node');
}

function unique(moves: readonly Move[]): Move[] {
  const seen = new Set<string>();
  return moves.filter((m) => {
    const key = `${m.exportName}\0${m.local}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Rewrite a statement every binding of which moves: same statement, same style, new module and names. `bound`: moves
 * whose Azure name another statement already binds (two imports of one name would not compile) are dropped.
 */
function rewriteInPlace(ctx: TransformContext, statement: ASTPath<Node>, moves: readonly Move[], bound: ReadonlySet<Move>): void {
  const { j } = ctx;
  const node = statement.node as Node;
  if (moves.every((m) => bound.has(m))) {
    statement.prune();
    return;
  }
  if (node.type === 'ImportDeclaration') {
    node.specifiers = unique(moves.filter((m) => !bound.has(m))).map((m) => {
      if (m.exportName === '*') return j.importNamespaceSpecifier(j.identifier(m.local));
      const specifier = j.importSpecifier(j.identifier(m.exportName), j.identifier(m.local)) as Node;
      if (m.type && node.importKind !== 'type') specifier.importKind = 'type';
      return specifier;
    });
  } else if (node.type === 'VariableDeclaration') {
    for (const m of moves) {
      const { binding } = m;
      if (binding.style.endsWith('-destructured')) {
        const pattern = node.declarations.find((d: Node) => d.id.type === 'ObjectPattern' && d.id.properties.some((p: Node) => p.value === binding.id))?.id;
        const property = pattern?.properties.find((p: Node) => p.value === binding.id);
        if (!property) continue;
        if (bound.has(m)) {
          pattern.properties = pattern.properties.filter((p: Node) => p !== property);
          continue;
        }
        property.key = j.identifier(m.exportName);
        property.value = j.identifier(m.local);
        property.shorthand = m.exportName === m.local;
        binding.id = property.value;
      } else if (binding.style.endsWith('-member')) {
        const declarator = node.declarations.find((d: Node) => d.id === binding.id);
        let value = declarator?.init;
        while (value && value.type !== 'MemberExpression') value = value.expression;
        if (value) {
          value.property = j.identifier(m.exportName);
          value.computed = false;
        }
        if (declarator && m.local !== binding.local) declarator.id = j.identifier(m.local);
      }
    }
  }
  swapSource(ctx, statement);
}

/** A new statement binding the moves' Azure exports, in the style (and module string scheme) of `like`'s statement. */
function newStatement(ctx: TransformContext, like: ModuleBinding, moves: readonly Move[]): Node {
  const source = str(ctx, respecify(specifierOf(like.statement.node as Node) ?? '', AI_SDK.azurePackage));
  const named = unique(moves).map((m) => {
    const name = m.exportName === m.local ? m.exportName : `${m.exportName}${like.style.startsWith('esm') ? ' as ' : ': '}${m.local}`;
    return m.type ? `type ${name}` : name;
  });
  if (like.style.startsWith('esm')) return statements(ctx, `import { ${named.join(', ')} } from ${source};`)[0];
  const load = like.style.startsWith('dynamic') ? `await import(${source})` : `require(${source})`;
  return statements(ctx, `const { ${named.join(', ')} } = ${load};`)[0];
}

/**
 * Move bindings to `@ai-sdk/azure`: a statement whose bindings all move is rewritten in place; otherwise the moving
 * ones leave it (when none of their uses stays) and a sibling statement binds the Azure exports. `all`: the file's
 * bindings of the AI SDK package, found before the uses changed (asking again would rebuild the file index);
 * `present`: what the file already binds from `@ai-sdk/azure` (`azureLocals`), which no statement binds again.
 */
export function moveImports(ctx: TransformContext, moves: readonly Move[], all: readonly ModuleBinding[], present: ReadonlyMap<string, string>): void {
  if (moves.length === 0) return;
  const statements = [...new Set(moves.map((m) => m.binding.statement))];
  const emitted = new Set([...present].map(([exportName, local]) => `${exportName}\0${local}`));
  for (const statement of statements) {
    const here = moves.filter((m) => m.binding.statement === statement);
    const others = all.filter((b) => b.statement.node === statement.node && !here.some((m) => m.binding.id === b.id));
    const bound = new Set(here.filter((m) => m.exportName !== '*' && emitted.has(`${m.exportName}\0${m.local}`)));
    for (const m of here) emitted.add(`${m.exportName}\0${m.local}`);
    ctx.change(statement.node, 'import');
    if (others.length === 0 && here.every((m) => m.whole)) {
      rewriteInPlace(ctx, statement, here, bound);
      continue;
    }
    const named = here.filter((m) => m.exportName !== '*');
    const fresh = named.filter((m) => !bound.has(m));
    if (fresh.length > 0) {
      const added = newStatement(ctx, fresh[0]!.binding, fresh);
      const body = programBody(ctx);
      const at = body.indexOf(statement.node);
      if (at >= 0) insertTopLevel(body, at, [added]);
      else statement.insertBefore(added);
    }
    for (const m of named) if (m.whole) removeBinding(m.binding);
  }
}
