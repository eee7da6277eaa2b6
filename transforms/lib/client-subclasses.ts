import type { ASTPath } from 'jscodeshift';
import { LANGCHAIN_CLASSES, LANGCHAIN_PACKAGE, OPENAI_CLIENT_EXPORTS, OPENAI_SDK, quotesPackage } from '../../src/core/index.js';
import { unwrapPath } from './clients.js';
import { memberName, moduleBindings, resolveBinding, type ModuleBinding } from './imports.js';
import type { TransformContext } from './types.js';

type Node = any; // Babel AST via recast.

/** A client class a local class extends, and what it becomes on Azure. */
export interface ExtendedClient {
  name: string;
  module: string;
  azure: string;
}

/** The Azure class for an export of a client package (`default`/`OpenAI` of openai, `ChatOpenAI` of LangChain). */
function azureClassOf(module: string, binding: ModuleBinding, name: string): string | undefined {
  if (module === LANGCHAIN_PACKAGE) return Object.hasOwn(LANGCHAIN_CLASSES, name) ? LANGCHAIN_CLASSES[name]!.azure : undefined;
  const whole = binding.style === 'cjs-whole' || binding.style === 'ts-import-equals';
  return OPENAI_CLIENT_EXPORTS.includes(name) || whole ? 'AzureOpenAI' : undefined;
}

/**
 * The client class a class extends (`class Chat extends ChatOpenAI`, `extends OpenAI`, `extends lc.ChatOpenAI`): the
 * openai SDK's client or a LangChain OpenAI class, through the file's imports of them. Its instances talk to OpenAI
 * as the parent's do, and the codemod rewrites constructions of the parent only.
 */
export function extendedClient(ctx: TransformContext, cls: ASTPath<Node>): ExtendedClient | undefined {
  const parent = unwrapPath(cls.get('superClass'));
  const member = (parent.node as Node)?.type === 'MemberExpression' ? memberName(parent.node) : undefined;
  const id = member === undefined ? parent : unwrapPath(parent.get('object'));
  if ((id.node as Node)?.type !== 'Identifier') return undefined;
  for (const module of [OPENAI_SDK, LANGCHAIN_PACKAGE]) {
    if (!quotesPackage(ctx.source, module)) continue;
    const binding = resolveBinding(id, moduleBindings(ctx.j, ctx.root, module).filter((b) => !b.typeOnly));
    if (!binding) continue;
    const name = member ?? binding.imported;
    const azure = azureClassOf(module, binding, name);
    // Named as the package exports it (`ChatOpenAI`, not an alias), a default import as the file calls it.
    const shown = member ?? (binding.imported === 'default' || binding.imported === '*' ? (id.node as Node).name : binding.imported);
    return azure === undefined ? undefined : { name: shown, module, azure };
  }
  return undefined;
}

/** The client class the class `id` names extends, when `id` is a class declared in this file. */
export function extendedClientOf(ctx: TransformContext, id: Node): ExtendedClient | undefined {
  const declared = id?.type === 'Identifier' ? ctx.index.resolve(id) : undefined;
  if (declared?.kind !== 'class') return undefined;
  return extendedClient(ctx, ctx.index.pathOf(ctx.index.parentOf(declared.id)));
}
