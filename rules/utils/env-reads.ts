/** Environment reads: `process.env.X`, `process.env['X']`, `import.meta.env.X`, `Bun.env.X`, aliases of those objects, and `Deno.env.get('X')`. */
import { ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { CHILD_ENV_OPTION, ENV_GETTER, ENV_OBJECTS, processExport, unmigratedPackage } from '../../src/core/index.js';
import { constantInit, importedBinding, isGlobalName, staticKey, stringValue, unwrap, variableOf } from './scope.js';

type SourceCode = Readonly<TSESLint.SourceCode>;

/** Whether a name is bound to Node's process module (`import process from 'node:process'`): `what` is the process or its env. */
function fromProcessModule(id: TSESTree.Identifier, sourceCode: SourceCode, what: 'process' | 'env'): boolean {
  const binding = importedBinding(id, sourceCode);
  return binding !== undefined && !binding.typeOnly && processExport(binding.spec, binding.name) === what;
}

/**
 * `process.env`, `import.meta.env`, `Bun.env` (core ENV_OBJECTS), the env of Node's process module however it is
 * imported (`import process from 'node:process'`, `import { env } from 'process'`), or a local bound to one (`const
 * env = process.env`, `const { env } = process`).
 */
export function isEnvObject(node: TSESTree.Node, sourceCode: SourceCode, depth = 0): boolean {
  const n = unwrap(node);
  // `Deno.env.toObject()`: every variable, as an object.
  if (n.type === 'CallExpression' && n.arguments.length === 0 && n.callee.type === 'MemberExpression' && ASTUtils.getPropertyName(n.callee) === ENV_GETTER.all) {
    const env = unwrap(n.callee.object);
    return env.type === 'MemberExpression' && ASTUtils.getPropertyName(env) === ENV_GETTER.member && env.object.type === 'Identifier' && env.object.name === ENV_GETTER.object;
  }
  if (n.type === 'MemberExpression' && !n.computed && n.property.type === 'Identifier') {
    const object = unwrap(n.object);
    if (object.type === 'Identifier' && n.property.name === 'env' && fromProcessModule(object, sourceCode, 'process')) return true;
    const owner = object.type === 'MetaProperty' ? `${object.meta.name}.${object.property.name}` : object.type === 'Identifier' ? object.name : undefined;
    const listed = ENV_OBJECTS.some((e) => e.object === owner && e.member === (n.property as TSESTree.Identifier).name);
    // `process`, `Bun`: the global, not a local of that name.
    return listed && (object.type === 'MetaProperty' || isGlobalName(sourceCode, object as TSESTree.Identifier));
  }
  if (n.type !== 'Identifier' || depth > 3) return false;
  if (fromProcessModule(n, sourceCode, 'env')) return true;
  const init = constantInit(sourceCode, n);
  if (init) return isEnvObject(init, sourceCode, depth + 1);
  // const { env } = process
  const def = variableOf(sourceCode, n)?.defs[0];
  if (def?.node.type !== 'VariableDeclarator' || def.node.id.type !== 'ObjectPattern' || !def.node.init) return false;
  const init2 = unwrap(def.node.init);
  const prop = def.node.id.properties.find(
    (p) => p.type === 'Property' && p.value.type === 'Identifier' && p.value.name === n.name,
  ) as TSESTree.Property | undefined;
  return prop !== undefined && staticKey(prop, sourceCode) === 'env' && isProcess(init2, sourceCode);
}

/** `process`: the global, or Node's process module however it is imported. */
function isProcess(node: TSESTree.Node, sourceCode: SourceCode): boolean {
  return node.type === 'Identifier' && ((node.name === 'process' && isGlobalName(sourceCode, node)) || fromProcessModule(node, sourceCode, 'process'));
}

/**
 * The pattern that takes a declarator's value apart as the environment: its own (`const { … } = process.env`), or
 * the one under `env` when it takes the process apart (`const { env: { … } } = process`; the codemod's env-reads).
 */
export function envPattern(declarator: TSESTree.VariableDeclarator, sourceCode: SourceCode): TSESTree.ObjectPattern | undefined {
  if (declarator.id.type !== 'ObjectPattern' || !declarator.init) return undefined;
  if (isEnvObject(declarator.init, sourceCode)) return declarator.id;
  if (!isProcess(unwrap(declarator.init), sourceCode)) return undefined;
  const env = declarator.id.properties.find((p) => p.type === 'Property' && !p.computed && staticKey(p, sourceCode) === 'env') as TSESTree.Property | undefined;
  return env?.value.type === 'ObjectPattern' ? env.value : undefined;
}

/** The variable name `env.X` or `env['X']` reads, when the object is an env object and the key is static. */
export function envMemberName(node: TSESTree.Node, sourceCode: SourceCode): string | undefined {
  const n = unwrap(node);
  if (n.type !== 'MemberExpression' || !isEnvObject(n.object, sourceCode)) return undefined;
  return staticKey(n, sourceCode) ?? undefined;
}

/** The variable `Deno.env.get('X')` (the global `Deno`, core ENV_GETTER) reads, with its name argument. */
export function envGetterRead(node: TSESTree.CallExpression, sourceCode: SourceCode): { name: string; argument: TSESTree.Node } | undefined {
  const callee = unwrap(node.callee);
  if (callee.type !== 'MemberExpression' || callee.computed || callee.property.type !== 'Identifier' || callee.property.name !== ENV_GETTER.method) return undefined;
  const env = unwrap(callee.object);
  if (env.type !== 'MemberExpression' || env.computed || env.property.type !== 'Identifier' || env.property.name !== ENV_GETTER.member) return undefined;
  const owner = unwrap(env.object);
  if (owner.type !== 'Identifier' || owner.name !== ENV_GETTER.object || !isGlobalName(sourceCode, owner)) return undefined;
  const [argument] = node.arguments;
  const name = argument && node.arguments.length === 1 ? stringValue(argument) : undefined;
  return name === undefined ? undefined : { name, argument: argument! };
}

/** The variable any env read at `node` reads: `process.env.X` and its kin, or `Deno.env.get('X')`. */
export function envReadName(node: TSESTree.Node, sourceCode: SourceCode): string | undefined {
  const n = unwrap(node);
  return n.type === 'CallExpression' ? envGetterRead(n, sourceCode)?.name : envMemberName(n, sourceCode);
}

/** Expressions a value passes through unchanged on its way into an argument: options objects, fallbacks, casts. */
const VALUE_CARRIERS = new Set(['Property', 'ObjectExpression', 'ArrayExpression', 'LogicalExpression', 'ConditionalExpression', 'TSAsExpression', 'TSNonNullExpression', 'TSSatisfiesExpression', 'TSTypeAssertion']);

/** The module specifier an identifier is imported or required from (not a type-only import). */
function moduleOf(id: TSESTree.Identifier, sourceCode: SourceCode): string | undefined {
  const binding = importedBinding(id, sourceCode);
  return binding && !binding.typeOnly ? binding.spec : undefined;
}

/**
 * The third-party package, one the codemod does not migrate, that gets the value at `node` as a setting: an argument
 * of `new X(…)`, or a property of an options object given to `x(…)`, X imported from it (the codemod's
 * `unmigratedConsumer`, on ESTree).
 */
function directConsumer(node: TSESTree.Node, sourceCode: SourceCode): string | undefined {
  let n = node;
  let inOptions = false;
  while (n.parent && VALUE_CARRIERS.has(n.parent.type)) {
    if (n.parent.type === 'Property' && n.parent.value !== n) return undefined;
    if (n.parent.type === 'ObjectExpression') {
      // Set in the environment of a process the call starts: that process reads it, not the package.
      if (isEnvironmentMap(n.parent, sourceCode)) return undefined;
      inOptions = true;
    }
    n = n.parent;
  }
  const call = n.parent;
  if (call?.type !== 'NewExpression' && call?.type !== 'CallExpression') return undefined;
  if ((call.type === 'CallExpression' && !inOptions) || !call.arguments.includes(n as TSESTree.CallExpressionArgument)) return undefined;
  let callee = unwrap(call.callee);
  while (callee.type === 'MemberExpression' && !callee.computed) callee = unwrap(callee.object);
  const source = callee.type === 'Identifier' ? moduleOf(callee, sourceCode) : undefined;
  return source === undefined ? undefined : unmigratedPackage(source);
}

/**
 * An object literal that is a process's environment: the `env` of the options that start one (`spawn(cmd, args, {
 * env })`, Playwright's `webServer.env`), or one spreading the current environment in (the codemod's env-reads).
 */
function isEnvironmentMap(object: TSESTree.ObjectExpression, sourceCode: SourceCode): boolean {
  const holder = object.parent;
  if (holder?.type === 'Property' && holder.value === object && staticKey(holder, sourceCode) === CHILD_ENV_OPTION) return true;
  return object.properties.some((p) => p.type === 'SpreadElement' && isEnvObject(p.argument, sourceCode));
}

/** Expressions a read passes through on its way into the `const` holding it. */
const HOLDING = new Set(['LogicalExpression', 'ConditionalExpression', 'TSAsExpression', 'TSNonNullExpression']);

/**
 * The library the codemod does not migrate that an env read (`node`) is handed to, directly or through the `const`
 * holding it; `local` is the name a destructuring binds it to. Renamed, the Azure key would go where that library
 * sends it.
 */
export function unmigratedConsumer(node: TSESTree.Node, sourceCode: SourceCode, local?: TSESTree.Identifier): string | undefined {
  let held = local;
  if (!held) {
    let n = node;
    while (n.parent && HOLDING.has(n.parent.type)) n = n.parent;
    const declarator = n.parent;
    const isConst = declarator?.type === 'VariableDeclarator' && declarator.init === n && declarator.parent.kind === 'const';
    if (isConst && declarator.id.type === 'Identifier') held = declarator.id;
  }
  if (!held) return directConsumer(node, sourceCode);
  const refs = variableOf(sourceCode, held)?.references ?? [];
  return refs.filter((r) => r.isRead()).map((r) => directConsumer(r.identifier, sourceCode)).find((c) => c !== undefined);
}
