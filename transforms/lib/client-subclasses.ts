import type { ASTPath } from 'jscodeshift';
import { LANGCHAIN_CLASSES, LANGCHAIN_PACKAGE, OPENAI_CLIENT_EXPORTS, OPENAI_SDK, isOpenAIBaseURL, namesOtherVendor, quotesPackage } from '../../src/core/index.js';
import { optionsObject, readsVendorKey, unwrap, unwrapPath } from './clients.js';
import { memberName, moduleBindings, propertyName, resolveBinding, type ModuleBinding } from './imports.js';
import { literalValue } from './literals.js';
import type { TransformContext } from './types.js';

type Node = any; // Babel AST via recast.

/**
 * A client class a local class extends, and what it becomes on Azure. `vendor`: the subclass serves another vendor
 * (`servesOtherVendor`), so it and the settings its constructions are given are that vendor's.
 */
export interface ExtendedClient {
  name: string;
  module: string;
  azure: string;
  vendor?: true;
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
 * as the parent's do, unless it serves another vendor (`vendor`), and the codemod rewrites constructions of the
 * parent only.
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
    if (azure === undefined) return undefined;
    return { name: shown, module, azure, ...(servesOtherVendor(ctx, cls) ? { vendor: true as const } : {}) };
  }
  return undefined;
}

/** The client class the class `id` names extends, when `id` is a class declared in this file. */
export function extendedClientOf(ctx: TransformContext, id: Node): ExtendedClient | undefined {
  const declared = id?.type === 'Identifier' ? ctx.index.resolve(id) : undefined;
  if (declared?.kind !== 'class') return undefined;
  return extendedClient(ctx, ctx.index.pathOf(ctx.index.parentOf(declared.id)));
}

/**
 * Whether a subclass serves another vendor: it is named after one (`class ChatOpenRouter extends ChatOpenAI`, or the
 * `const` an anonymous class initialises), or its constructor points its parent at one (`superPointsElsewhere`).
 */
function servesOtherVendor(ctx: TransformContext, cls: ASTPath<Node>): boolean {
  const name = (cls.node as Node).id?.name ?? classConstName(cls);
  return (name !== undefined && namesOtherVendor(name)) || superPointsElsewhere(ctx, cls);
}

/** The `const` an anonymous class expression initialises (`const ChatGroq = class extends ChatOpenAI {}`). */
function classConstName(cls: ASTPath<Node>): string | undefined {
  const declarator = cls.parent?.node as Node;
  return declarator?.type === 'VariableDeclarator' && declarator.init === cls.node && declarator.id.type === 'Identifier' ? declarator.id.name : undefined;
}

/**
 * Whether the class's constructor hands `super(…)` options that point it at another vendor: a base URL written as a
 * literal that is not OpenAI's (`baseURL: 'https://api.deepseek.com'`, LangChain's `configuration.baseURL`), or a key
 * read from another vendor's variable. Such a subclass is that vendor's client.
 */
function superPointsElsewhere(ctx: TransformContext, cls: ASTPath<Node>): boolean {
  const body = (cls.node as Node).body;
  const constructor = body.body.find((m: Node) => m.type === 'ClassMethod' && m.kind === 'constructor');
  if (!constructor) return false;
  const calls = ctx.index.find('CallExpression', (n) => n.callee?.type === 'Super' && ctx.index.isWithin(n, constructor));
  return calls.some((call) => {
    const options = call.get('arguments', 0).node ? optionsObject(call.get('arguments', 0)) : undefined;
    return !!options && settingElsewhere(ctx, options);
  });
}

function settingElsewhere(ctx: TransformContext, options: ASTPath<Node>, depth = 0): boolean {
  let elsewhere = false;
  options.get('properties').each((prop: ASTPath<Node>) => {
    const node = prop.node as Node;
    if (elsewhere || node.type !== 'ObjectProperty' || node.computed) return;
    const key = propertyName(node.key);
    const value = prop.get('value');
    if (key === 'baseURL') {
      const url = literalValue(unwrap(node.value));
      elsewhere = url !== undefined && /^https?:\/\//.test(url) && !isOpenAIBaseURL(url);
    } else if (key === 'apiKey') elsewhere = readsVendorKey(ctx, value);
    else if (key === 'configuration' && depth === 0) {
      const inner = optionsObject(value);
      elsewhere = !!inner && settingElsewhere(ctx, inner, 1);
    }
  });
  return elsewhere;
}
