import type { ASTPath } from 'jscodeshift';
import { OPENAI_SDK } from '../../src/core/index.js';
import { fileClients, unwrapPath, type Construction } from './clients.js';
import { declarationAt } from './file-index.js';
import { lastImportIndex, moduleBindings, programBody, referencesTo, removeBinding, type ModuleBinding } from './imports.js';
import { isTypeScript } from './snippets.js';
import { importSlot, insertTopLevel } from './top-level.js';
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
  for (const source of optionSources(construction.path.get('arguments', 0))) {
    const declared = declarationAt(source);
    const annotation = declared?.id.typeAnnotation?.typeAnnotation;
    if (!annotation) continue;
    for (const reference of typeReferences(annotation)) {
      const binding = clientOptionsBinding(ctx, sdk, reference.typeName);
      if (!binding) continue;
      reference.typeName = ctx.j.identifier(ensureAzureType(ctx, sdk));
      ctx.change(reference, 'option');
      if (binding.imported === SOURCE_TYPE) touched.add(binding);
    }
  }
  for (const binding of touched) if (referencesTo(ctx.j, ctx.root, binding).length === 0) removeBinding(binding);
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

/** Type references anywhere in an annotation (`ClientOptions`, `Partial<ClientOptions>`, `ClientOptions | undefined`). */
function typeReferences(node: Node, out: Node[] = []): Node[] {
  if (!node || typeof node !== 'object') return out;
  if (Array.isArray(node)) {
    for (const n of node) typeReferences(n, out);
    return out;
  }
  if (node.type === 'TSTypeReference') out.push(node);
  for (const key of ['typeAnnotation', 'types', 'typeParameters', 'params', 'elementType', 'elementTypes']) typeReferences(node[key], out);
  return out;
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

/** The local name of openai's `AzureClientOptions` type, imported as a type when the file has none. */
function ensureAzureType(ctx: TransformContext, sdk: readonly ModuleBinding[]): string {
  const { j } = ctx;
  const existing = moduleBindings(j, ctx.root, OPENAI_SDK).find((b) => b.imported === AZURE_TYPE);
  if (existing) return existing.local;
  const esm = sdk.find((b) => b.style === 'esm-named' || b.style === 'esm-default');
  if (esm) {
    const statement = esm.statement.node as Node;
    const specifier = j.importSpecifier(j.identifier(AZURE_TYPE), j.identifier(AZURE_TYPE)) as Node;
    if (statement.importKind !== 'type') specifier.importKind = 'type';
    statement.specifiers.push(specifier);
  } else {
    const body = programBody(ctx);
    const declaration = j.importDeclaration([j.importSpecifier(j.identifier(AZURE_TYPE), j.identifier(AZURE_TYPE))], j.stringLiteral(OPENAI_SDK)) as Node;
    declaration.importKind = 'type';
    insertTopLevel(body, importSlot(body, body.indexOf(sdk[0]?.statement.node), lastImportIndex(body) + 1), [declaration]);
  }
  return AZURE_TYPE;
}
