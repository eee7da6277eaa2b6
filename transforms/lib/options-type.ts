import type { ASTPath } from 'jscodeshift';
import { AZURE_CLIENT_EXPORTS, OPENAI_SDK } from '../../src/core/index.js';
import { fileClients, unwrapPath, type Construction } from './clients.js';
import { declarationAt } from './file-index.js';
import { lastImportIndex, moduleBindings, programBody, referencesTo, removeBinding, specifierOf, type ModuleBinding } from './imports.js';
import { isTypeScript, statements, str } from './snippets.js';
import { insertTopLevel } from './top-level.js';
import type { TransformContext } from './types.js';

type Node = any; // Babel AST via recast.

const SOURCE_TYPE = 'ClientOptions';
const AZURE_TYPE = 'AzureClientOptions';

/**
 * Options typed with the SDK's `ClientOptions` no longer fit `new AzureOpenAI(…)`: openai's `AzureClientOptions`
 * omits `provider`, `dataResidency`, `credential`, … So the declarations that feed a migrated construction (the
 * whole argument, or a spread in it) are retyped to `AzureClientOptions`, which keeps every setting Azure has and
 * lets the compiler flag the ones it has not. Call before the options are rewritten (it reads the original argument).
 */
export function retypeClientOptions(ctx: TransformContext, construction: Construction): void {
  if (!isTypeScript(ctx) || (construction.path.node as Node).arguments.length === 0) return;
  const sdk = fileClients(ctx).sdk;
  if (!sdk.some((b) => b.imported === SOURCE_TYPE || b.imported === '*' || b.imported === 'default' || b.imported === 'OpenAI')) return;
  const touched = new Set<ModuleBinding>();
  const aliases = new Set<Node>();
  const azureType = (): Node => ctx.j.identifier(ensureAzureType(ctx, sdk));
  /** Retype what a type node names: `ClientOptions` itself, `ConstructorParameters<typeof OpenAI>[0]`, a same-file alias of either. */
  const visit = (node: Node, parent: Node, key: string | number): void => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      node.forEach((n, i) => visit(n, node, i));
      return;
    }
    if (node.type === 'TSIndexedAccessType' && isClientConstructorParameter(ctx, sdk, node)) {
      parent[key] = ctx.j.tsTypeReference(azureType());
      ctx.change(parent[key], 'option');
      return;
    }
    if (node.type === 'TSTypeReference') {
      const binding = clientOptionsBinding(ctx, sdk, node.typeName);
      if (binding) {
        node.typeName = azureType();
        ctx.change(node, 'option');
        if (binding.imported === SOURCE_TYPE) touched.add(binding);
      }
      const alias = node.typeName.type === 'Identifier' ? typeAlias(ctx, node.typeName.name) : undefined;
      if (alias && !aliases.has(alias)) {
        aliases.add(alias);
        visit(alias.typeAnnotation, alias, 'typeAnnotation');
      }
    }
    for (const k of TYPE_KEYS) visit(node[k], node, k);
  };
  for (const source of optionSources(construction.path.get('arguments', 0))) {
    const holder = declarationAt(source)?.id.typeAnnotation;
    if (holder) visit(holder.typeAnnotation, holder, 'typeAnnotation');
  }
  for (const binding of touched) if (referencesTo(ctx.j, ctx.root, binding).length === 0) removeBinding(binding);
}

/** Keys of a type node that hold the types it is made of. */
const TYPE_KEYS = ['typeAnnotation', 'types', 'typeParameters', 'params', 'elementType', 'elementTypes', 'objectType'];

/** A type alias of this file by name (`type Opts = …`). */
function typeAlias(ctx: TransformContext, name: string): Node | undefined {
  return ctx.index.nodes('TSTypeAliasDeclaration').find((d: Node) => d.id?.name === name);
}

/** `ConstructorParameters<typeof OpenAI>[0]`: the options of the SDK's client class, by another name. */
function isClientConstructorParameter(ctx: TransformContext, sdk: readonly ModuleBinding[], node: Node): boolean {
  const object = node.objectType;
  const index = node.indexType?.type === 'TSLiteralType' ? node.indexType.literal : undefined;
  if (object?.type !== 'TSTypeReference' || object.typeName?.name !== 'ConstructorParameters' || index?.value !== 0) return false;
  const query = object.typeParameters?.params?.[0];
  if (query?.type !== 'TSTypeQuery') return false;
  const name = query.exprName;
  const bound = (id: Node, imported: readonly string[]): boolean => {
    const declared = ctx.index.resolve(id);
    return !!declared && sdk.some((b) => b.id === declared.id && imported.includes(b.imported));
  };
  if (name?.type === 'Identifier') return bound(name, ['default', 'OpenAI']);
  return name?.type === 'TSQualifiedName' && name.left.type === 'Identifier' && name.right.name === 'OpenAI' && bound(name.left, ['*', 'default']);
}

/** Identifier paths whose values become the options: the whole argument, or the spreads of an object literal. */
function optionSources(argument: ASTPath<Node>): ASTPath<Node>[] {
  const path = unwrapPath(argument);
  const node = path.node as Node;
  if (node.type === 'Identifier') return [path];
  if (node.type !== 'ObjectExpression') return [];
  return (node.properties as Node[]).flatMap((p, i) => {
    if (p.type !== 'SpreadElement') return [];
    const spread = unwrapPath(path.get('properties', i, 'argument'));
    return (spread.node as Node).type === 'Identifier' ? [spread] : [];
  });
}

/** The SDK binding a type name reaches `ClientOptions` through (`ClientOptions`, `OpenAI.ClientOptions`). */
function clientOptionsBinding(ctx: TransformContext, sdk: readonly ModuleBinding[], name: Node): ModuleBinding | undefined {
  const bindingOf = (id: Node): ModuleBinding | undefined => {
    const declared = ctx.index.resolve(id);
    return declared && sdk.find((b) => b.id === declared.id && !(b.typeOnly && b.imported !== SOURCE_TYPE && b.imported !== '*'));
  };
  if (name.type === 'Identifier') {
    const binding = bindingOf(name);
    return binding?.imported === SOURCE_TYPE ? binding : undefined;
  }
  if (name.type === 'TSQualifiedName' && name.left.type === 'Identifier' && name.right.name === SOURCE_TYPE) {
    const binding = bindingOf(name.left);
    return binding && ['*', 'default', 'OpenAI'].includes(binding.imported) ? binding : undefined;
  }
  return undefined;
}

/**
 * The local name of openai's `AzureClientOptions` type: the file's own import of it, else a type alias this file
 * declares after its imports, taken from the class (`NonNullable<ConstructorParameters<typeof import('openai')
 * .AzureOpenAI>[0]>`). openai 4 and 7 export the type from the package root, 5 and 6 only from `openai/azure`, which 4
 * lacks; every release since 4.41 (DEPENDENCY_OLDEST_MAJORS) exports the class from the root.
 */
function ensureAzureType(ctx: TransformContext, sdk: readonly ModuleBinding[]): string {
  const existing = moduleBindings(ctx.j, ctx.root, OPENAI_SDK).find((b) => b.imported === AZURE_TYPE);
  if (existing) return existing.local;
  const body = programBody(ctx);
  if (body.some((st) => st.type === 'TSTypeAliasDeclaration' && st.id.name === AZURE_TYPE)) return AZURE_TYPE;
  const specifier = str(ctx, specifierOf(sdk[0]!.statement.node) ?? OPENAI_SDK);
  const alias = statements(ctx, `type ${AZURE_TYPE} = NonNullable<ConstructorParameters<typeof import(${specifier}).${AZURE_CLIENT_EXPORTS[0]}>[0]>;`);
  insertTopLevel(body, lastImportIndex(body) + 1, alias);
  return AZURE_TYPE;
}
