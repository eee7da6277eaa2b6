import type { ASTPath } from 'jscodeshift';
import {
  ACCOUNT_NOTE,
  ACCOUNT_OPTIONS,
  AI_SDK,
  AI_SDK_MESSAGES,
  AZURE_ENV,
  OPENAI_ONLY_HEADERS,
  endpointOverrideMessage,
  findSecret,
  isOpenAIBaseURL,
  maskSecret,
  type AiSdkSettingAction,
} from '../../src/core/index.js';
import { azureEndpointRead, baseURLOverrides, noteBaseURLEnvReads } from './azure-url.js';
import { settleOptions } from './client-options.js';
import { constInit, keyOriginMessage, optionsBaseURLFromCode, readsVendorKey, unwrap } from './clients.js';
import { propertyName } from './imports.js';
import { conditionalObjects, conditionalObjectsWhere, literalValue, objectLiteral } from './literals.js';
import { findEach } from './quiet-find.js';
import { replaceSecretConstant } from './secret-constants.js';
import { expression, str } from './snippets.js';
import { tokenProviderOption } from './token-provider.js';
import { noteOnce, type TransformContext } from './types.js';
import { envCode } from './deployment-ref.js';

type Node = any; // Babel AST via recast.

/** The env variable holding the key `createAzure` gets: the provider's own on classic, the shared one on v1. */
export function aiSdkKeyEnv(ctx: TransformContext): string {
  return ctx.options.target === 'v1' ? AZURE_ENV.apiKey : AI_SDK.env.apiKey;
}

/** Whether the default `azure` instance (env-configured) serves this run, or a configured `createAzure` is needed. */
export function defaultInstanceServes(ctx: TransformContext): boolean {
  return ctx.options.target === 'classic' && ctx.options.auth === 'api-key';
}

/** The default `azure` instance reads its resource and key from the environment itself. */
export function defaultInstanceEnv(ctx: TransformContext): void {
  ctx.readsEnv(AI_SDK.env.resourceName);
  ctx.readsEnv(AI_SDK.env.apiKey);
}

/**
 * The `createAzure` settings of the run, as property source: the endpoint (classic: the provider's `resourceName`;
 * v1: `baseURL` on `<AZURE_OPENAI_ENDPOINT>/openai/v1`, as the `openai` SDK migration reads it) and the auth
 * (`apiKey` from env, or the file's Entra ID `tokenProvider`).
 */
export function azureSettings(ctx: TransformContext): string[] {
  const props: string[] = [];
  if (ctx.options.target === 'v1') {
    // Read without `!`: a provider is made as its module loads (`createOpenAI` throws nothing there, and code that
    // never calls it, another provider's users, must still load when AZURE_OPENAI_ENDPOINT is unset).
    props.push(`baseURL: \`\${${azureEndpointRead(ctx, true)}.replace(/\\/+$/, ${str(ctx, '')})}/openai/v1\``);
  } else {
    props.push(`resourceName: ${envCode(ctx, AI_SDK.env.resourceName)}`);
    ctx.readsEnv(AI_SDK.env.resourceName);
  }
  if (ctx.options.auth === 'entra-id') props.push(tokenProviderOption(ctx, 'tokenProvider'));
  else {
    props.push(`apiKey: ${envCode(ctx, aiSdkKeyEnv(ctx))}`);
    ctx.readsEnv(aiSdkKeyEnv(ctx));
  }
  return props;
}

/**
 * Where a `createOpenAI(settings)` sends its models: OpenAI (ours), or elsewhere / unknown (left alone); for a
 * provider left alone whose base URL the code hands it at run time, that value (`baseURLFromCode`: it gets a marker).
 */
export function settingsTarget(ctx: TransformContext, call: ASTPath<Node>): { target: 'openai' | 'other'; baseURLFromCode?: string } {
  const args = (call.node as Node).arguments as Node[];
  if (args.length === 0) return { target: 'openai' };
  const target = objectTarget(ctx, call.get('arguments', 0), 0) ?? 'openai';
  if (target === 'openai') return { target };
  const object = objectLiteral(call.get('arguments', 0));
  return { target, baseURLFromCode: object && (optionsBaseURLFromCode(ctx, object) ?? unreadSpread(ctx, object)) };
}

/**
 * The text of a spread in settings that sets no base URL of its own, when it cannot be read (`{ apiKey, ...extra }`):
 * the provider then talks to OpenAI unless the spread sets one, so it gets the marker of a base URL from the code.
 */
function unreadSpread(ctx: TransformContext, object: ASTPath<Node>): string | undefined {
  const props = (object.node as Node).properties as Node[];
  if (props.some((p) => p.type !== 'SpreadElement' && !p.computed && propertyName(p.key) === 'baseURL')) return undefined;
  const spread = props.find((p, i) => p.type === 'SpreadElement' && objectTarget(ctx, object.get('properties', i, 'argument'), 1) === 'other' && !objectLiteral(object.get('properties', i, 'argument')) && !conditionalObjects(object.get('properties', i, 'argument')));
  return spread && ctx.source.slice(spread.start, spread.end);
}

/**
 * The baseURL verdict of an options object (a literal or a same-file constant, spreads of those followed): later
 * entries win, as at runtime; undefined when it sets no baseURL. What cannot be read counts as elsewhere.
 */
function objectTarget(ctx: TransformContext, valuePath: ASTPath<Node>, depth: number): 'openai' | 'other' | undefined {
  const object = depth < 4 ? objectLiteral(valuePath) : undefined;
  if (!object) return 'other';
  let target: 'openai' | 'other' | undefined;
  let vendor = false;
  object.get('properties').each((prop: ASTPath<Node>) => {
    const node = prop.node as Node;
    if (node.type === 'SpreadElement') {
      // A conditional spread (`...(cond && { baseURL })`) may set what its objects set; elsewhere wins.
      const objects = conditionalObjects(prop.get('argument'));
      const verdicts = objects ? objects.map((o) => objectTarget(ctx, o, depth + 1)) : [objectTarget(ctx, prop.get('argument'), depth + 1)];
      target = verdicts.includes('other') ? 'other' : (verdicts.find((v) => v !== undefined) ?? target);
    }
    else if (node.computed) target = 'other';
    else if (propertyName(node.key) === 'baseURL') target = baseURLIsOpenAI(ctx, prop.get('value')) ? 'openai' : 'other';
    // Another vendor's key: its provider, whatever sets the base URL.
    else if (propertyName(node.key) === 'apiKey' && readsVendorKey(ctx, prop.get('value'))) vendor = true;
  });
  return vendor ? 'other' : target;
}

function baseURLIsOpenAI(ctx: TransformContext, valuePath: ASTPath<Node>): boolean {
  const value = unwrap(valuePath.node as Node);
  if (value?.type === 'Identifier') {
    if (value.name === 'undefined') return true;
    const init = constInit(valuePath);
    return !!init && isOpenAIBaseURL(ctx.source.slice(init.start, init.end));
  }
  return isOpenAIBaseURL(ctx.source.slice(value.start, value.end));
}

/** Report the secret a dropped or replaced setting holds (masked); a same-file constant holding it gets the env read. */
function scrubSecret(ctx: TransformContext, valuePath: ASTPath<Node>): void {
  const { j } = ctx;
  const report = (node: Node, secret: string) => {
    ctx.secret(node, maskSecret(secret));
    ctx.change(node, 'secret');
  };
  const literal = literalValue(unwrap(valuePath.node as Node));
  const direct = literal === undefined ? undefined : findSecret(literal);
  if (direct) report(valuePath.node, direct);
  else {
    const secretOf = (node: Node): string | undefined => findSecret(node.value);
    findEach(j, valuePath, ['StringLiteral'], (node) => secretOf(node) !== undefined, (p) => {
      const secret = secretOf(p.node);
      if (secret) report(p.node, secret);
    });
  }
  replaceSecretConstant(ctx, valuePath, aiSdkKeyEnv(ctx));
}

/** `headers` minus OpenAI account headers (`OpenAI-Organization`, `OpenAI-Project`, `Authorization`). */
function cleanHeaders(ctx: TransformContext, prop: ASTPath<Node>): void {
  const value = unwrap((prop.node as Node).value);
  if (value?.type !== 'ObjectExpression') return;
  const kept = value.properties.filter((h: Node) => !OPENAI_ONLY_HEADERS.includes(propertyName(h.key)?.toLowerCase() ?? ''));
  if (kept.length === value.properties.length) return;
  scrubSecret(ctx, prop.get('value'));
  value.properties = kept;
  ctx.change(prop.node, 'option');
}

/**
 * `createOpenAI(settings)` → `createAzure` settings: the run's endpoint and auth first (after the last spread), then
 * the kept settings (`headers`, `fetch`); `organization`, `project`, `name` dropped. Returns the markers to leave.
 */
export function migrateSettings(ctx: TransformContext, call: ASTPath<Node>): string[] {
  const { j } = ctx;
  const args = (call.node as Node).arguments as Node[];
  const azure = expression(ctx, `{ ${azureSettings(ctx).join(', ')} }`).properties as Node[];
  const todos: string[] = [];
  if (args.length === 0) {
    args.push(j.objectExpression(azure));
    return todos;
  }
  const arg = unwrap(args[0]);
  if (arg.type !== 'ObjectExpression') {
    args[0] = j.objectExpression([j.spreadElement(args[0]), ...azure]);
    return [AI_SDK_MESSAGES.spreadSettings];
  }
  const objectPath = args[0] === arg ? call.get('arguments', 0) : j(call.get('arguments', 0)).find(j.ObjectExpression).paths()[0]!;
  const actionOf = (node: Node): AiSdkSettingAction | undefined => {
    const key = node.type === 'SpreadElement' || node.computed ? undefined : propertyName(node.key);
    return key !== undefined && Object.hasOwn(AI_SDK.settings, key) ? AI_SDK.settings[key as keyof typeof AI_SDK.settings] : undefined;
  };
  /** One setting: dropped or replaced by the Azure ones (its markers noted), or kept (true). */
  const keeps = (prop: ASTPath<Node>): boolean => {
    const node = prop.node as Node;
    const key = node.computed ? undefined : propertyName(node.key);
    const action = actionOf(node);
    if (action === 'auth' || action === 'endpoint' || action === 'drop') {
      if (ACCOUNT_OPTIONS.includes(key!)) noteOnce(ctx, ACCOUNT_NOTE);
      const overrides = action === 'endpoint' ? baseURLOverrides(ctx, node.value) : [];
      if (overrides.length > 0) todos.push(endpointOverrideMessage(overrides));
      if (action === 'endpoint') noteBaseURLEnvReads(ctx, node.value, ctx.options.target === 'v1' ? undefined : AI_SDK.env.resourceName);
      const origin = action === 'auth' ? keyOriginMessage(prop.get('value'), aiSdkKeyEnv(ctx)) : undefined;
      if (origin) todos.push(origin);
      scrubSecret(ctx, prop.get('value'));
      ctx.change(node, 'option');
      return false;
    }
    if (action === 'headers') cleanHeaders(ctx, prop);
    if (action === undefined && key !== undefined) todos.push(AI_SDK_MESSAGES.unknownSetting(key));
    return true;
  };
  /** The objects of a conditional spread that only sets what the Azure settings replace (`...(url && { baseURL: url })`). */
  const replacedSpread = (prop: ASTPath<Node>): ASTPath<Node>[] | undefined =>
    conditionalObjectsWhere(prop.get('argument'), (inner) => ['auth', 'endpoint', 'drop'].includes(actionOf(inner.node) ?? ''));
  const { properties, spread } = settleOptions(ctx, objectPath, azure, keeps, replacedSpread);
  if (spread) todos.push(AI_SDK_MESSAGES.spreadSettings);
  arg.properties = properties;
  return todos;
}
