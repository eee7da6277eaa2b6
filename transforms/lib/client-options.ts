import type { ASTPath } from 'jscodeshift';
import {
  AZURE_ENV,
  OPENAI_ONLY_HEADERS,
  endpointOverrideMessage,
  envReadMessage,
  findSecret,
  isPlaceholderKey,
  isOpenAIBaseURL,
  maskSecret,
  mayHoldSecret,
  optionRule,
} from '../../src/core/index.js';
import { azureEndpointRead, baseURLOverrides, noteBaseURLEnvReads } from './azure-url.js';
import { envCode } from './deployment-ref.js';
import { declaratorOf, envReadAt, keyOriginMessage, optionsObject, ownedOptionsLiteral, unwrap, unwrapPath, valueText } from './clients.js';
import { propertyName } from './imports.js';
import { laterWrites } from './later-writes.js';
import { conditionalObjectsWhere, literalText, literalValue } from './literals.js';
import { findEach } from './quiet-find.js';
import { replaceSecretConstant } from './secret-constants.js';
import { expression, str } from './snippets.js';
import { tokenProviderOption } from './token-provider.js';
import { needsRelease, noteOnce, readsApiVersion, type TransformContext } from './types.js';

type Node = any; // Babel AST via recast.

/** Options the migrated client sets itself: an original value for them is replaced, never kept. */
const EMITTED = new Set(['apiKey', 'baseURL', 'endpoint', 'apiVersion', 'azureADTokenProvider']);

/** Literal types a secret may sit in. */
const LITERALS = ['StringLiteral', 'TemplateLiteral'];


/** Options spread in from elsewhere: on the classic target a `baseURL` among them makes AzureOpenAI throw (it takes `endpoint`). */
function spreadReview(ctx: TransformContext): string {
  const baseURL = ctx.options.target === 'classic' ? 'baseURL (AzureOpenAI throws when given both baseURL and endpoint)' : 'baseURL';
  return `client options come from elsewhere: check they set no ${baseURL}, organization, project or OpenAI apiKey (the Azure settings here come last and win)`;
}

/** What `new X(options)` gets on Azure: the Azure connection options, then the kept ones. */
export interface MigratedOptions {
  object: Node;
  todos: string[];
}

/**
 * The connection options the target needs, as object properties. `placeholder`: a literal key the client had that
 * holds no secret (isPlaceholderKey), kept as the Azure key.
 */
function azureProperties(ctx: TransformContext, apiVersion: string, placeholder?: string): Node[] {
  const entra = ctx.options.auth === 'entra-id';
  const key = placeholder !== undefined ? str(ctx, placeholder) : envCode(ctx, AZURE_ENV.apiKey);
  const lines =
    ctx.options.target === 'v1'
      ? [
          `baseURL: \`\${${azureEndpointRead(ctx)}.replace(/\\/+$/, ${str(ctx, '')})}/openai/v1/\``,
          entra ? tokenProviderOption(ctx, 'apiKey') : `apiKey: ${key}`,
        ]
      : [
          `endpoint: ${envCode(ctx, AZURE_ENV.endpoint)}`,
          entra ? tokenProviderOption(ctx, 'azureADTokenProvider') : `apiKey: ${key}`,
          `apiVersion: ${envCode(ctx, AZURE_ENV.apiVersion)} ?? ${str(ctx, apiVersion)}`,
        ];
  ctx.readsEnv(AZURE_ENV.endpoint);
  if (!entra && placeholder === undefined) ctx.readsEnv(AZURE_ENV.apiKey);
  if (ctx.options.target === 'classic') readsApiVersion(ctx, AZURE_ENV.apiVersion, apiVersion);
  // The v1 target hands the token provider to today's `OpenAI` as its apiKey.
  else if (entra) needsRelease(ctx.outcome, 'keyProvider');
  return expression(ctx, `{ ${lines.join(', ')} }`).properties;
}

/** The literal `apiKey` of an options object literal, when it holds no secret (isPlaceholderKey). */
export function placeholderKey(options: Node, keys: readonly string[] = ['apiKey']): string | undefined {
  if (options?.type !== 'ObjectExpression') return undefined;
  const prop = (options.properties as Node[]).find((p) => p.type === 'ObjectProperty' && !p.computed && keys.includes(propertyName(p.key) ?? ''));
  const value = prop && literalValue(unwrap(prop.value));
  return value !== undefined && isPlaceholderKey(value) ? value : undefined;
}

/** Report a secret found at `node`, masked; the caller makes sure the literal does not survive. */
function reportSecret(ctx: TransformContext, node: Node, secret: string): void {
  ctx.secret(node, maskSecret(secret));
  ctx.change(node, 'secret');
}

const MAY_HOLD_SECRET = 'openai-to-azure:may-hold-secret';

/**
 * Whether any literal of the file can hold a secret (asked once per file): when none can, a name's declarator need not
 * be looked up (after a change, that lookup rebuilds the file index: over a third of the rebuilt nodes on openai-node,
 * for options like `fetch: mockFetch`).
 */
function fileMayHoldSecret(ctx: TransformContext): boolean {
  let answer = ctx.shared.get(MAY_HOLD_SECRET) as boolean | undefined;
  if (answer === undefined) ctx.shared.set(MAY_HOLD_SECRET, (answer = mayHoldSecret(ctx.source)));
  return answer;
}

/**
 * Find secrets under `path`: in literals there, and in same-file constants the value names (`apiKey: KEY`).
 * `replace` swaps each secret literal for the Azure key env reference (for values that stay in the output).
 */
function scrubSecrets(ctx: TransformContext, path: ASTPath<Node>, replace: boolean): void {
  const { j } = ctx;
  const secretOf = (node: Node): string | undefined => {
    const text = literalText(node);
    return text === undefined ? undefined : findSecret(text);
  };
  const visit = (p: ASTPath<Node>): void => {
    const node = p.node as Node;
    const secret = secretOf(node);
    if (secret) {
      reportSecret(ctx, node, secret);
      if (replace) p.replace(expression(ctx, envCode(ctx, AZURE_ENV.apiKey)));
    }
  };
  visit(path);
  findEach(j, path, LITERALS, (node) => secretOf(node) !== undefined, visit);
  if (unwrap(path.node as Node)?.type === 'Identifier' && fileMayHoldSecret(ctx)) replaceSecretConstant(ctx, path, AZURE_ENV.apiKey);
}

/** `defaultHeaders` minus OpenAI account headers; undefined when nothing is left. */
function cleanHeaders(ctx: TransformContext, prop: ASTPath<Node>): boolean {
  const value = unwrap((prop.node as Node).value);
  if (value?.type !== 'ObjectExpression') return true;
  const kept = value.properties.filter((h: Node) => {
    const name = propertyName(h.key)?.toLowerCase();
    return !(name && OPENAI_ONLY_HEADERS.includes(name));
  });
  if (kept.length !== value.properties.length) {
    ctx.j(prop).find(ctx.j.StringLiteral).forEach((p) => {
      const secret = findSecret((p.node as Node).value);
      if (secret) reportSecret(ctx, p.node, secret);
    });
    ctx.change(prop.node, 'option');
    value.properties = kept;
  }
  scrubSecrets(ctx, prop.get('value'), true);
  return kept.length > 0;
}

/** A replaced option's own comments stay with its replacement (the user wrote them about that setting). */
function keepComments(from: Node, to: Node | undefined): void {
  if (!to || !from.comments?.length) return;
  to.comments = [...(to.comments ?? []), ...from.comments];
}

/**
 * The objects of a conditional spread that only sets options the migration replaces or removes, a base URL only to
 * OpenAI's (another vendor's stays, and the spread with it: the client goes one way or the other at run time).
 */
function replacedSpread(ctx: TransformContext, prop: ASTPath<Node>): ASTPath<Node>[] | undefined {
  return conditionalObjectsWhere(prop.get('argument'), (inner) => {
    const node = inner.node as Node;
    const key = node.type === 'SpreadElement' || node.computed ? undefined : propertyName(node.key);
    if (key === undefined || !(EMITTED.has(key) || optionRule(key).action === 'remove')) return false;
    return key !== 'baseURL' || isOpenAIBaseURL(valueText(ctx, inner.get('value')));
  });
}

/**
 * The properties of a migrated options object: each kept or not as `keeps` says (noting its markers), a conditional
 * spread `replaced` finds only replaced options in settled that way and dropped, other spreads kept; the Azure
 * properties go right after the last kept spread (so they win), else first. `spread`: whether a spread was kept.
 */
export function settleOptions(
  ctx: TransformContext,
  objectPath: ASTPath<Node>,
  azure: readonly Node[],
  keeps: (prop: ASTPath<Node>) => boolean,
  replaced: (spread: ASTPath<Node>) => ASTPath<Node>[] | undefined,
): { properties: Node[]; spread: boolean } {
  const kept: Node[] = [];
  let lastSpread = -1;
  objectPath.get('properties').each((prop: ASTPath<Node>) => {
    const node = prop.node as Node;
    if (node.type !== 'SpreadElement') {
      if (keeps(prop)) kept.push(node);
      return;
    }
    const objects = replaced(prop);
    if (objects) {
      for (const object of objects) object.get('properties').each((inner: ASTPath<Node>) => void keeps(inner));
      ctx.change(node, 'option');
      return;
    }
    lastSpread = kept.length;
    kept.push(node);
  });
  const spread = lastSpread >= 0;
  return { properties: spread ? [...kept.slice(0, lastSpread + 1), ...azure, ...kept.slice(lastSpread + 1)] : [...azure, ...kept], spread };
}

/**
 * Options spread into the migrated client from a same-file variable that only this client reads (the file writes
 * into it and hands it over, nothing else): a `baseURL` of OpenAI's own, in its literal or written later
 * (`options.baseURL = 'https://api.openai.com/v1'`), goes, as it would from an inline literal: it is OpenAI's default,
 * and AzureOpenAI throws when given both baseURL and endpoint.
 */
function dropDefaultBaseURLs(ctx: TransformContext, argPath: ASTPath<Node>): void {
  const object = optionsObject(argPath);
  const declarator = object?.parent?.node as Node;
  if (!object || declarator?.type !== 'VariableDeclarator' || declarator.id.type !== 'Identifier') return;
  const declared = ctx.index.declarationOf(declarator.id);
  const argument = unwrap(argPath.node as Node);
  // Every other use must be a write into it (`options.x = …`): a read could want the URL.
  const onlyWrittenAndHanded = (declared ? ctx.index.usesOf(declared) : []).every((use) => {
    if (use === argument) return true;
    const member = ctx.index.parentOf(use);
    const assignment = member && ctx.index.parentOf(member);
    return member?.type === 'MemberExpression' && member.object === use && assignment?.type === 'AssignmentExpression' && assignment.left === member;
  });
  if (!declared || !onlyWrittenAndHanded) return;
  // Read before the first change: after it, the file index would be built again.
  const writes = laterWrites(ctx, object);
  const isDefault = (value: ASTPath<Node>): boolean => isOpenAIBaseURL(valueText(ctx, value));
  object.get('properties').filter((prop: ASTPath<Node>) => {
    const node = prop.node as Node;
    return node.type === 'ObjectProperty' && !node.computed && propertyName(node.key) === 'baseURL' && isDefault(prop.get('value'));
  }).forEach((prop: ASTPath<Node>) => {
    ctx.change(prop.node as Node, 'option');
    prop.prune();
  });
  for (const write of writes) {
    const statement = write.value.parent?.parent;
    if (write.key !== 'baseURL' || write.sub !== undefined || (statement?.node as Node)?.type !== 'ExpressionStatement' || !isDefault(write.value)) continue;
    ctx.change(statement.node as Node, 'option');
    statement.prune();
  }
}

/** Options for the migrated constructor, from the original argument (absent, an object literal, or anything else). */
export function migrateOptions(ctx: TransformContext, argPath: ASTPath<Node> | undefined, apiVersion: string): MigratedOptions {
  const { j } = ctx;
  const arg = argPath && unwrap(argPath.node as Node);
  const azure = azureProperties(ctx, apiVersion, placeholderKey(arg));
  const todos: string[] = [];
  if (!argPath || !arg) return { object: j.objectExpression(azure), todos };
  // `const options = {…}; new OpenAI(options)`, its only use: migrated in its literal, the argument kept.
  const owned = arg.type === 'Identifier' ? ownedOptionsLiteral(ctx, argPath) : undefined;
  if (arg.type !== 'ObjectExpression' && !owned) {
    dropDefaultBaseURLs(ctx, argPath);
    todos.push(spreadReview(ctx));
    return { object: j.objectExpression([j.spreadElement(argPath.node as never), ...azure]), todos };
  }
  const objectPath = owned ?? (argPath.node === arg ? argPath : j(argPath).find(j.ObjectExpression).paths()[0]!);
  /** One option: replaced by the Azure ones or removed (its markers noted), or kept (true). */
  const keeps = (prop: ASTPath<Node>): boolean => {
    const node = prop.node as Node;
    const key = node.computed ? undefined : propertyName(node.key);
    if (key === undefined) return true;
    const rule = optionRule(key);
    if (EMITTED.has(key)) {
      const origin = key === 'apiKey' ? keyOriginMessage(prop.get('value'), AZURE_ENV.apiKey) : undefined;
      if (origin) todos.push(origin);
      const overrides = key === 'baseURL' ? baseURLOverrides(ctx, node.value) : [];
      if (overrides.length > 0) todos.push(endpointOverrideMessage(overrides));
      if (key === 'baseURL') noteBaseURLEnvReads(ctx, node.value);
      scrubSecrets(ctx, prop.get('value'), false);
      keepComments(node, azure.find((p) => !p.computed && propertyName(p.key) === key));
      return false;
    }
    const literalFalse = unwrap(node.value)?.type === 'BooleanLiteral' && unwrap(node.value).value === false;
    if (rule.why && rule.action !== 'keep' && !(rule.unlessFalse && literalFalse) && !markedEnvRead(prop.get('value'))) todos.push(rule.why);
    if (rule.action === 'remove') {
      if (rule.note) noteOnce(ctx, rule.note);
      scrubSecrets(ctx, prop.get('value'), false);
      ctx.change(node, 'option');
      return false;
    }
    if (rule.action === 'clean' && !cleanHeaders(ctx, prop)) return false;
    if (rule.action !== 'clean') scrubSecrets(ctx, prop.get('value'), true);
    return true;
  };
  // `...(url && { baseURL: url })`: a spread that only sets what the Azure options replace goes with it (AzureOpenAI
  // throws when given both baseURL and endpoint).
  const { properties, spread } = settleOptions(ctx, objectPath, azure, keeps, (prop) => replacedSpread(ctx, prop));
  if (spread) todos.push(spreadReview(ctx));
  (objectPath.node as Node).properties = properties;
  return { object: argPath.node, todos };
}

/**
 * An option's value that a same-file constant reads from an OpenAI variable whose read gets its own marker there
 * (`const webhookSecret = process.env.OPENAI_WEBHOOK_SECRET`, by env-reads): the option needs no second one. A read
 * written in the options is left to this marker.
 */
function markedEnvRead(value: ASTPath<Node>): boolean {
  const inner = unwrapPath(value);
  const declarator = (inner.node as Node)?.type === 'Identifier' ? declaratorOf(inner) : undefined;
  const name = declarator && envReadAt(declarator.get('init'));
  return name !== undefined && envReadMessage(name) !== undefined;
}
