import { DIRECT_OPENAI_WRAPPERS, LANGCHAIN_CLASSES, OPENAI_CLIENT_EXPORTS, OPENAI_SDK } from '../../src/core/index.js';
import { moduleOf } from './client-arguments.js';
import { unwrap } from './clients.js';
import { memberName } from './imports.js';
import type { TransformContext } from './types.js';

type Node = any; // Babel AST via recast.

/** A client class a local class extends, and what it becomes on Azure. */
export interface ExtendedClient {
  name: string;
  module: string;
  azure: string;
}

/** The export an imported identifier names (`default` for a default import); undefined for any other binding. */
function importedName(ctx: TransformContext, id: Node): string | undefined {
  const declared = ctx.index.resolve(id);
  const specifier = declared && ctx.index.parentOf(declared.id);
  if (specifier?.type === 'ImportDefaultSpecifier') return 'default';
  if (specifier?.type === 'ImportSpecifier') return specifier.imported.name ?? specifier.imported.value;
  return undefined;
}

/**
 * The client class a class extends (`class Chat extends ChatOpenAI`, `extends OpenAI`, `extends lc.ChatOpenAI`): the
 * openai SDK's client or a LangChain OpenAI class. Its instances talk to OpenAI as the parent's do, and the codemod
 * rewrites constructions of the parent only.
 */
export function extendedClient(ctx: TransformContext, cls: Node): ExtendedClient | undefined {
  const parent = unwrap(cls?.superClass);
  const member = parent?.type === 'MemberExpression' ? memberName(parent) : undefined;
  const id = parent?.type === 'MemberExpression' ? unwrap(parent.object) : parent;
  if (id?.type !== 'Identifier') return undefined;
  const module = moduleOf(ctx, id);
  if (module === undefined) return undefined;
  const name = member ?? importedName(ctx, id) ?? (module === OPENAI_SDK ? 'default' : undefined);
  if (name === undefined) return undefined;
  if (module === OPENAI_SDK && OPENAI_CLIENT_EXPORTS.includes(name)) return { name: member ?? id.name, module, azure: 'AzureOpenAI' };
  const azure = Object.hasOwn(LANGCHAIN_CLASSES, name) ? DIRECT_OPENAI_WRAPPERS[module]?.[name] : undefined;
  return azure === undefined ? undefined : { name, module, azure };
}

/** The client class the class `id` names extends, when `id` is a class declared in this file. */
export function extendedClientOf(ctx: TransformContext, id: Node): ExtendedClient | undefined {
  const declared = id?.type === 'Identifier' ? ctx.index.resolve(id) : undefined;
  if (declared?.kind !== 'class') return undefined;
  return extendedClient(ctx, ctx.index.parentOf(declared.id));
}
