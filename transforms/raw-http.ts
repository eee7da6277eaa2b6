import type { ASTPath } from 'jscodeshift';
import {
  AZURE_ENV,
  FALLBACK_EXPRESSIONS,
  OPENAI_MTLS_HOST,
  OPENAI_ONLY_HEADERS,
  OWN_REQUEST_KEY_MESSAGE,
  REALTIME_PROTOCOL_MESSAGE,
  OWN_AZURE_PATH_MESSAGE,
  SCHEMA_DEFAULT_METHODS,
  TEST_DATA_URL_MESSAGE,
  findSecret,
  DISPLAY_VALUE_CARRIERS,
  isDisplayAttribute,
  isModelName,
  isOpenAIAPIHostName,
  isKeyOptionName,
  isOpenAIClaimName,
  isRealtimeOpenAISign,
  holdsSampleData,
  isTestFile,
  maskSecret,
  mentionsOpenAIHost,
  mentionsRealtimeOpenAISign,
  namesProperty,
  otherVendorVariable,
  parseOpenAIURL,
  restSurfaceGap,
  unversionedSurfaceGap,
  WEBRTC_OFFER,
  type SurfaceGap,
} from '../src/core/index.js';
import { DEPLOYMENT_PLACEHOLDER, azureEndpointRead, azureV1URLCode, runsOnLoad, templateText } from './lib/azure-url.js';
import { handedToClient, heldUnread, markAzureRequest, markHelperURL, markOpenAIRequest, sendsRequest } from './lib/client-arguments.js';
import { constInitOf, declaratorOf, envReadAt, handedEnvKey, isOwnKey, unwrap, unwrapPath } from './lib/clients.js';
import { deploymentExpression, envCode, envRead, isDeploymentReference } from './lib/deployment-ref.js';
import { clientSideMessage } from './lib/client-side.js';
import { localFunction } from './lib/local-functions.js';
import { memberName, propertyName, referencesOf } from './lib/imports.js';
import { literalValue, objectLiteral, propertyPath } from './lib/literals.js';
import { asJscodeshift } from './lib/run.js';
import { expression, isTypeScript, str } from './lib/snippets.js';
import { asksToStream, enclosingScope, guardEmptyChoices } from './lib/stream-chunks.js';
import { ensureTokenProvider, TOKEN_PROVIDER, tokenProvider } from './lib/token-provider.js';
import type { Transform, TransformContext } from './lib/types.js';
import { NOT_A_DEPLOYMENT } from './model-deployments.js';

type Node = any; // Babel AST via recast.

const UNCLEAR_URL =
  "this names OpenAI's API host but is not a whole /v1 URL this tool can rewrite: point it at your Azure OpenAI resource (`${AZURE_OPENAI_ENDPOINT}/openai/v1/…`)";
const PROSE_URL =
  "this text names OpenAI's API among other words (a command, an example, a message), not a URL the code requests, so it is left as it is: if people run or read it, show your Azure OpenAI endpoint (`${AZURE_OPENAI_ENDPOINT}/openai/v1/…`, an `api-key` header) instead";
const COMPARED_URL =
  "this checks a value against OpenAI's URL: once that value points at Azure OpenAI the check no longer matches; check against your Azure endpoint (AZURE_OPENAI_ENDPOINT) where it should";
const MTLS =
  'mtls.api.openai.com is OpenAI X.509 workload identity: on Azure authenticate with an API key or Entra ID at `${AZURE_OPENAI_ENDPOINT}/openai/v1/…`';
const REALTIME_MODEL = 'the realtime `model` query must name an Azure deployment';
const UNREAD_HEADERS =
  "check these request headers: Azure takes the key as `api-key` (not OpenAI's `Authorization: Bearer` key) and has no OpenAI-Organization / OpenAI-Project";
const CLASSIC_NOTE =
  'raw HTTP calls use the Azure v1 REST surface (`/openai/v1/…`, GA, no api-version) on the classic target too: its URLs need no deployment in the path';

const PROVIDER_SETTINGS =
  "this is a provider's base URL among settings whose headers send a key the caller hands in (a gateway or proxy), so it is left pointed at OpenAI: your Azure resource would get your callers' OpenAI keys; to serve this provider from Azure OpenAI, reconfigure it there (your endpoint's `/openai/v1`, an `api-key` header with an Azure key, deployments as models)";

const FORWARDED_AUTH =
  "this request hands on its caller's own Authorization header (a pass-through proxy), so it is left pointed at OpenAI: on Azure OpenAI the caller's OpenAI key would be refused and its model names are not deployments; to serve it from Azure, send your Azure key as an `api-key` header instead and map the body's `model` to a deployment";
const UNREAD_KEY =
  "this Authorization value is not a `Bearer <key>` this tool can read: Azure takes the key as an `api-key` header (Authorization: Bearer only with an Entra ID token)";

const KEPT_WITH_REQUEST =
  "this request is left pointed at OpenAI, since another URL it sends is one Azure OpenAI lacks (see that marker): this URL stays with it, and so do its key and headers";
const SENT_BY_HELPER =
  "this URL is sent by a request of this file through a function it is handed to, which this tool does not follow (other URLs reach it too, or its key and headers come from elsewhere), so it stays on OpenAI with that request's key, headers and model: to move it, point that request at your Azure resource as a whole (`${AZURE_OPENAI_ENDPOINT}/openai/v1/…`, your Azure key as an `api-key` header, a deployment name as `model`)";
const SENDER_UNSEEN =
  "this URL now points at Azure OpenAI, but no request here sends it: wherever it is sent, send your Azure key (an `api-key` header) and a deployment name as `model`, not OpenAI's";
const SHARED_REQUEST =
  "this URL now points at Azure OpenAI, but the request that sends it serves other URLs too (its variable holds them in other cases), so its key and model were left as they are: for this case send your Azure key (an `api-key` header) and a deployment name as `model`";

const ENTRA_AUTH = `with Entra ID send \`Authorization: Bearer \${await ${TOKEN_PROVIDER}()}\` (a getBearerTokenProvider from @azure/identity) from an async function`;

/** Nodes an expression passes through on its way from a URL piece to the call that uses it. */
const URL_CARRIERS = new Set(['TemplateLiteral', 'BinaryExpression', 'AwaitExpression', ...FALLBACK_EXPRESSIONS]);

/** A value a JSX attribute shows to a person (`placeholder="…"`, `placeholder={local ? a : b}`): text, not a call. */
function isDisplayText(start: ASTPath<Node>): boolean {
  let path = start;
  const test = (node: Node, child: Node): boolean => node.type !== 'ConditionalExpression' || node.test !== child;
  while (path.parent && DISPLAY_VALUE_CARRIERS.has((path.parent.node as Node).type) && test(path.parent.node as Node, path.node)) path = path.parent;
  const parent = path.parent?.node as Node;
  const attribute = parent?.type === 'JSXExpressionContainer' ? (path.parent.parent?.node as Node) : parent;
  return attribute?.type === 'JSXAttribute' && attribute.name.type === 'JSXIdentifier' && isDisplayAttribute(attribute.name.name);
}

/**
 * Where a URL string sits: not a module specifier, a literal type, an object key, or text a JSX attribute shows; and
 * not a sign-in token's claim name, wherever it is written.
 */
function isValuePosition(path: ASTPath<Node>): boolean {
  const parent = path.parent?.node as Node;
  if (!parent || parent.source === path.node || parent.type === 'TSLiteralType' || parent.type === 'TSExternalModuleReference') return false;
  if (isDisplayText(path) || ((path.node as Node).type === 'StringLiteral' && isOpenAIClaimName((path.node as Node).value))) return false;
  return !namesProperty(parent, path.node);
}

/** The source of a string or template literal as template-literal text, when it came from the file. */
function templateSource(ctx: TransformContext, node: Node): string | undefined {
  if (node.type === 'StringLiteral') return templateText(node.value);
  return typeof node.start === 'number' ? ctx.source.slice(node.start + 1, node.end - 1) : undefined;
}

/** Replace a URL node by new code, wrapping it for JSX attributes; the new node's path. */
function replaceURL(ctx: TransformContext, path: ASTPath<Node>, code: string): ASTPath<Node> {
  const node = expression(ctx, code);
  if ((path.parent?.node as Node)?.type === 'JSXAttribute') {
    path.replace(ctx.j.jsxExpressionContainer(node));
    return path.get('expression');
  }
  path.replace(node);
  return path;
}

const COMPARISONS = new Set(['===', '!==', '==', '!=']);
const TEXT_TESTS = new Set(['includes', 'startsWith', 'endsWith', 'indexOf']);

/** An operand of an equality check, or the argument of a text test (`url.startsWith('https://api.openai.com')`). */
function isComparedWith(path: ASTPath<Node>): boolean {
  const parent = path.parent?.node as Node;
  if (parent?.type === 'BinaryExpression' && COMPARISONS.has(parent.operator)) return true;
  const call = parent?.type === 'CallExpression' || parent?.type === 'OptionalCallExpression';
  return call && parent.arguments[0] === path.node && TEXT_TESTS.has(memberName(parent.callee) ?? '');
}

/** What a host string passes through on its way into a URL: a fallback (`process.env.BASE ?? 'https://api.openai.com'`). */
const HOST_HOLDERS = new Set(['LogicalExpression', 'ParenthesizedExpression', 'TSAsExpression', 'TSNonNullExpression']);

/** A join of a bare host string with a path: the URL expression, and the text right after the host. */
interface HostJoin {
  url: ASTPath<Node>;
  after: string;
}

/**
 * The joins of a bare host string with paths (`${BASE}/v1/chatkit/sessions`, `BASE + '/v1/files'`), directly or
 * through the `const` holding it (and a `const` holding that).
 */
function hostJoins(ctx: TransformContext, host: ASTPath<Node>, depth = 0): HostJoin[] {
  let p = host;
  while (p.parent && HOST_HOLDERS.has((p.parent.node as Node).type)) p = p.parent;
  const parent = p.parent?.node as Node;
  if (parent?.type === 'TemplateLiteral') {
    const at = (parent.expressions as Node[]).indexOf(p.node);
    return at === -1 ? [] : [{ url: p.parent, after: parent.quasis[at + 1]?.value.cooked ?? '' }];
  }
  if (parent?.type === 'BinaryExpression' && parent.operator === '+' && parent.left === p.node) {
    return [{ url: p.parent, after: literalValue(parent.right) ?? '' }];
  }
  if (depth > 1 || parent?.type !== 'VariableDeclarator' || parent.init !== p.node || parent.id.type !== 'Identifier') return [];
  return referencesOf(ctx.j, ctx.root, parent.id).flatMap((ref) => hostJoins(ctx, ref, depth + 1));
}

/** A string's text, or a template's text parts joined (its expressions left out). */
/** A URL literal's text: a string's value, a template literal's first quasi. */
function urlText(node: Node): string {
  return literalValue(node) ?? node.quasis?.[0]?.value.cooked ?? '';
}

function wholeText(node: Node): string {
  return node.type === 'StringLiteral' ? node.value : node.quasis.map((q: Node) => q.value.cooked ?? '').join('');
}

/** Whether a string names OpenAI's host after a blank (`curl https://api.openai.com/…`, `see api.openai.com`): no URL holds one. */
function inProse(node: Node): boolean {
  const text = wholeText(node);
  const at = text.search(/api\.openai\.com/i);
  return at > 0 && /\s/.test(text.slice(0, at));
}

/**
 * A string naming OpenAI's host this tool cannot rewrite: when the file joins it to a surface Azure does not offer,
 * its requests are left pointed at OpenAI and the marker says why; otherwise the general advice.
 */
function unclearURLMessage(ctx: TransformContext, path: ASTPath<Node>): string {
  for (const { url, after } of hostJoins(ctx, path)) {
    const gap = unofferedSurface(`https://api.openai.com${after}`);
    if (!gap) continue;
    for (const call of requestCalls(ctx, url)) markOpenAIRequest(ctx, call.node, false);
    return `this OpenAI host is joined to ${after.replace(/[?#].*$/s, '')}: ${gap.message}; requests to it are left pointed at OpenAI`;
  }
  return UNCLEAR_URL;
}

/**
 * The gap of an OpenAI URL's path when Azure does not offer that surface at all (`/v1/moderations`, `/v1/threads/…`,
 * the dashboard's billing API outside `/v1`).
 */
function unofferedSurface(text: string): SurfaceGap | undefined {
  const url = parseOpenAIURL(text);
  const gap = url === undefined ? undefined : url.versioned ? restSurfaceGap(url.rest) : unversionedSurfaceGap(url.rest);
  return gap?.level === 'unsupported' ? gap : undefined;
}

/** `https://api.openai.com/v1/<path>` (string or template) → the Azure v1 URL; undefined when it is no such URL. */
function rewriteURL(ctx: TransformContext, path: ASTPath<Node>): ASTPath<Node> | undefined {
  const node = path.node as Node;
  const source = templateSource(ctx, node);
  const text = urlText(node);
  const url = parseOpenAIURL(text);
  if (!url?.versioned || source === undefined) return undefined;
  // The scheme, host and `/v1` hold no escapes, so they are as long in the source as in the cooked text.
  const rest = source.slice(text.length - url.rest.length);
  const { code, model } = azureV1URLCode(ctx, url, rest, runsOnLoad(path));
  const replaced = replaceURL(ctx, path, code);
  ctx.change(node, 'endpoint');
  // What the SDK's call to this path would be told: not on Azure, or different there (not what the move to
  // /openai/v1 settles).
  const gap = restSurfaceGap(url.rest);
  if (gap && !gap.servedOnV1) ctx.todo(replaced, gap.message);
  if (WEBRTC_OFFER.path.test(url.rest) && WEBRTC_OFFER.sdp.test(ctx.source)) ctx.todo(replaced, WEBRTC_OFFER.message);
  if (model !== undefined) {
    ctx.j(replaced).find(ctx.j.Identifier, { name: DEPLOYMENT_PLACEHOLDER }).forEach((p) => {
      p.replace(deploymentExpression(ctx, model));
    });
  } else if (/[?&]model=\$\{/.test(rest)) {
    ctx.todo(replaced, REALTIME_MODEL);
  }
  return replaced;
}

/**
 * `{ host: 'api.openai.com', path: '/v1/…' }` (Node's `https.request` options) → the Azure resource's host and
 * `/openai/v1/…`; the options object's path, or undefined when host and path are not both in this object literal.
 */
function rewriteHostAndPath(ctx: TransformContext, path: ASTPath<Node>): ASTPath<Node> | undefined {
  const property = path.parent as ASTPath<Node>;
  const key = property && (property.node as Node).type === 'ObjectProperty' ? propertyName((property.node as Node).key) : undefined;
  if ((key !== 'host' && key !== 'hostname') || (property.node as Node).value !== path.node) return undefined;
  const object = property.parent as ASTPath<Node>;
  const pathProperty = propertyPath(object, 'path');
  const value = pathProperty && ((pathProperty.node as Node).value as Node);
  const first = value?.type === 'StringLiteral' ? value : value?.type === 'TemplateLiteral' ? value.quasis[0].value : undefined;
  const text: string | undefined = first && (value.type === 'StringLiteral' ? value.value : first.cooked);
  if (!pathProperty || !text || !/^\/v1(?=[/?]|$)/.test(text)) return undefined;
  if (value.type === 'StringLiteral') {
    (pathProperty.node as Node).value = ctx.j.stringLiteral(`/openai${text}`);
  } else {
    value.quasis[0] = ctx.j.templateElement({ raw: `/openai${first.raw}`, cooked: `/openai${first.cooked}` }, value.quasis[0].tail);
  }
  path.replace(expression(ctx, `new URL(${azureEndpointRead(ctx)}).${key}`));
  ctx.change(property.node, 'endpoint');
  return object;
}

/**
 * The call or construction a URL-holding expression feeds (through templates, `new URL()`, object properties, arrays,
 * consts). `unfollowed` collects the requests of a function of this file it is handed to that are not followed (see
 * `helperRequests`): they send it, with their own key and headers.
 */
function requestCalls(ctx: TransformContext, start: ASTPath<Node>, depth = 0, unfollowed: ASTPath<Node>[] = []): ASTPath<Node>[] {
  let path = start;
  for (;;) {
    const parentPath = path.parent as ASTPath<Node> | null;
    const parent = parentPath?.node as Node;
    if (!parentPath || !parent) return [];
    const isNewURL = parent.type === 'NewExpression' && parent.callee.type === 'Identifier' && parent.callee.name === 'URL';
    const isProperty = (parent.type === 'ObjectProperty' || parent.type === 'Property') && parent.value === path.node;
    // Read off the options object that holds it (`fetch(opts.url, …)` in a helper handed `{ url, headers }`).
    const isOptionRead = depth > 0 && parent.type === 'MemberExpression' && parent.object === path.node && !parent.computed;
    // An array's elements, each handed to a callback (`urls.map((url) => fetch(url, …))`) or a loop's variable.
    const element = elementBinding(parentPath, path.node);
    if (element) return referencesOf(ctx.j, ctx.root, element).flatMap((ref) => requestCalls(ctx, ref, depth + 1, unfollowed));
    if (URL_CARRIERS.has(parent.type) || isNewURL || isProperty || isOptionRead || parent.type === 'ObjectExpression' || parent.type === 'ArrayExpression') {
      path = parentPath;
      continue;
    }
    if ((parent.type === 'CallExpression' || parent.type === 'NewExpression') && (parent.arguments as Node[]).includes(path.node)) {
      return [parentPath, ...callsOnResult(ctx, parentPath), ...(depth < 3 ? helperRequests(ctx, parentPath, path.node, depth, unfollowed) : [])];
    }
    if (depth >= 3) return [];
    if (parent.type === 'VariableDeclarator' && parent.init === path.node && parent.id.type === 'Identifier') {
      return referencesOf(ctx.j, ctx.root, parent.id).flatMap((ref) => requestCalls(ctx, ref, depth + 1, unfollowed));
    }
    // Assigned to a variable (`apiUrl = 'https://api.openai.com/v1/…'` in one branch): followed to where it is read,
    // unless the variable holds other hosts' URLs in other cases (see `sharedRequests`).
    const assigned = assignedVariable(ctx, parent, path.node);
    if (assigned) return assigned.shared ? [] : assigned.reads.flatMap((read) => requestCalls(ctx, read, depth + 1, unfollowed));
    // A parameter's default (`baseUrl = 'https://api.openai.com/v1'`): followed to a request the function sends with
    // it (any other use, `url.searchParams.set('audience', audience)`, says nothing of where it goes).
    if (parent.type === 'AssignmentPattern' && parent.right === path.node && parent.left.type === 'Identifier') {
      return parameterRequests(ctx, parent.left, depth, unfollowed);
    }
    // A field (`this.url = …`): followed to where the file reads it (`new WebSocket(this.url)`).
    const reads = fieldReads(ctx, parent, path.node);
    if (reads) return reads.flatMap((read) => requestCalls(ctx, read, depth + 1, unfollowed));
    const returned = parent.type === 'ReturnStatement' || (parent.type === 'ArrowFunctionExpression' && parent.body === path.node);
    const factory = returned ? factoryName(path) : undefined;
    if (!factory) return [];
    // A URL factory (`const url = (p) => \`${BASE}${p}\``): follow each call of it.
    return referencesOf(ctx.j, ctx.root, factory)
      .filter((ref) => (ref.parent.node as Node).type === 'CallExpression' && (ref.parent.node as Node).callee === ref.node)
      .flatMap((ref) => requestCalls(ctx, ref.parent, depth + 1, unfollowed));
  }
}

/** Array methods that hand each element to their callback's first parameter. */
const ELEMENT_CALLBACKS = new Set(['map', 'forEach', 'flatMap', 'filter', 'find', 'some', 'every']);

/**
 * The identifier an array's elements are bound to where `array` is read (`parent` holds it): the first parameter of a
 * callback given to `array.map(…)` (and the like), or the variable of `for (const x of array)`.
 */
function elementBinding(parent: ASTPath<Node>, array: Node): Node | undefined {
  const node = parent.node as Node;
  const call = parent.parent?.node as Node;
  const isIteration = node.type === 'MemberExpression' && node.object === array && ELEMENT_CALLBACKS.has(memberName(node) ?? '') && call?.callee === node;
  const param = isIteration ? unwrap(call.arguments[0])?.params?.[0] : undefined;
  if (param?.type === 'Identifier') return param;
  const loop = node.type === 'ForOfStatement' && node.right === array ? node.left.declarations?.[0]?.id : undefined;
  return loop?.type === 'Identifier' ? loop : undefined;
}

/**
 * The requests a function of this file sends with the argument `arg` of its call `call` (`post(url, body)` whose body
 * is `fetch(url, { headers })`): followed through the parameter it is bound to, when every call of the function hands
 * that parameter an OpenAI URL. A helper other hosts' URLs go through too keeps its key and model: its requests go to
 * `unfollowed`, none is returned.
 */
function helperRequests(ctx: TransformContext, call: ASTPath<Node>, arg: Node, depth: number, unfollowed: ASTPath<Node>[]): ASTPath<Node>[] {
  const callee = unwrap((call.node as Node).callee);
  const fn = localFunction(ctx, callee);
  const at = ((call.node as Node).arguments as Node[]).indexOf(arg);
  const param = fn && (fn.node as Node).params[at];
  const id = param?.type === 'AssignmentPattern' ? param.left : param;
  if (id?.type !== 'Identifier') return [];
  const sends = parameterRequests(ctx, id, depth, unfollowed).filter((request) => sendsRequest(ctx, request.node));
  if (sends.length === 0) return [];
  const declared = ctx.index.resolve(callee)!.id;
  const calls = referencesOf(ctx.j, ctx.root, declared).filter((ref) => (ref.parent?.node as Node)?.callee === ref.node);
  const openAIArgument = (ref: ASTPath<Node>): boolean => {
    const given = (ref.parent.node as Node).arguments[at];
    return given !== undefined && isOpenAIValue(ctx, given);
  };
  if (calls.length > 0 && calls.every(openAIArgument)) return sends;
  unfollowed.push(...sends);
  return [];
}

/** The calls a parameter's uses reach (`requestCalls` from each), when one of them sends a request; none otherwise. */
function parameterRequests(ctx: TransformContext, id: Node, depth: number, unfollowed: ASTPath<Node>[]): ASTPath<Node>[] {
  const calls = referencesOf(ctx.j, ctx.root, id).flatMap((ref) => requestCalls(ctx, ref, depth + 1, unfollowed));
  return calls.some((call) => sendsRequest(ctx, call.node)) ? calls : [];
}

/**
 * Whether a value is an OpenAI URL: its text in the file names an OpenAI host, or it is a node a transform built (no
 * offsets into the file): this transform's Azure URL for one, rewritten before the question was asked.
 */
function isOpenAIValue(ctx: TransformContext, node: Node): boolean {
  const n = unwrap(node);
  return typeof n.start !== 'number' || mentionsOpenAIHost(ctx.source.slice(n.start, n.end));
}

/**
 * The variable `parent` assigns `value` to (`url = value`), with where the file reads it, and whether it is shared: it
 * is given another value that names no OpenAI host (`url = 'https://openrouter.ai/api/v1/…'`, `url = \`${base}/…\``)
 * elsewhere, so what reads it serves other hosts too. An empty start (`let url = ''`) shares nothing.
 */
function assignedVariable(ctx: TransformContext, parent: Node, value: Node): { reads: ASTPath<Node>[]; shared: boolean } | undefined {
  if (parent.type !== 'AssignmentExpression' || parent.operator !== '=' || parent.right !== value || parent.left.type !== 'Identifier') return undefined;
  const declared = ctx.index.resolve(parent.left);
  if (!declared) return undefined;
  const written = (ref: ASTPath<Node>): Node | undefined => {
    const holder = ref.parent?.node as Node;
    return holder?.type === 'AssignmentExpression' && holder.left === ref.node ? holder.right : undefined;
  };
  const refs = referencesOf(ctx.j, ctx.root, declared.id);
  const declarator = ctx.index.parentOf(declared.id);
  const values = [...refs.flatMap((ref) => written(ref) ?? []), ...(declarator?.type === 'VariableDeclarator' && declarator.init ? [declarator.init] : [])];
  const other = (node: Node): boolean => {
    const n = unwrap(node);
    if (n === value || literalValue(n) === '' || n.type === 'NullLiteral' || (n.type === 'Identifier' && n.name === 'undefined')) return false;
    return !isOpenAIValue(ctx, n);
  };
  return { reads: refs.filter((ref) => written(ref) === undefined), shared: values.some(other) };
}

/** The requests a URL assigned to a shared variable reaches (see `assignedVariable`): they serve other hosts too. */
function sharedRequests(ctx: TransformContext, start: ASTPath<Node>): ASTPath<Node>[] {
  let path = start;
  while (path.parent && URL_CARRIERS.has((path.parent.node as Node).type)) path = path.parent;
  const assigned = assignedVariable(ctx, path.parent?.node as Node, path.node);
  return assigned?.shared ? assigned.reads.flatMap((read) => requestCalls(ctx, read, 1)) : [];
}

/** `name` of `this.name` (`this.#name` too). */
function thisField(node: Node): string | undefined {
  if (node?.type !== 'MemberExpression' || node.object.type !== 'ThisExpression' || node.computed) return undefined;
  return node.property.type === 'PrivateName' ? `#${node.property.id.name}` : propertyName(node.property);
}

/** Where the file reads the field `value` is assigned to (`this.url = value`); undefined when `parent` assigns no field. */
function fieldReads(ctx: TransformContext, parent: Node, value: Node): ASTPath<Node>[] | undefined {
  const field = parent.type === 'AssignmentExpression' && parent.right === value ? thisField(parent.left) : undefined;
  if (field === undefined) return undefined;
  const written = (n: Node): boolean => {
    const holder = ctx.index.parentOf(n);
    return holder?.type === 'AssignmentExpression' && holder.left === n;
  };
  return ctx.index.find('MemberExpression', (n) => thisField(n) === field && !written(n));
}

/**
 * Whether a URL no request here sends still goes somewhere: not a field the file no longer reads (its reader, an
 * OpenAI client's options, was replaced by the client transform, which speaks for it).
 */
function stillRead(ctx: TransformContext, start: ASTPath<Node>): boolean {
  let path = start;
  while (path.parent && URL_CARRIERS.has((path.parent.node as Node).type)) path = path.parent;
  return fieldReads(ctx, path.parent?.node as Node, path.node)?.length !== 0;
}

/** The declaring identifier of the named function a returned value leaves (`function url()`, `const url = () =>`). */
function factoryName(path: ASTPath<Node>): Node | undefined {
  let fn = path.parent as ASTPath<Node> | null;
  while (fn && !/Function/.test(fn.node.type)) fn = fn.parent;
  const node = fn?.node as Node;
  if (node?.type === 'FunctionDeclaration') return node.id ?? undefined;
  const holder = fn?.parent?.node as Node;
  return holder?.type === 'VariableDeclarator' && holder.init === node && holder.id.type === 'Identifier' ? holder.id : undefined;
}

/** Calls made on what a request call returns: an axios instance (`api.post(…)`) or a Node request (`req.write(…)`). */
function callsOnResult(ctx: TransformContext, call: ASTPath<Node>): ASTPath<Node>[] {
  let path = call;
  while ((path.parent?.node as Node)?.type === 'AwaitExpression') path = path.parent;
  const declarator = path.parent?.node as Node;
  if (declarator?.type !== 'VariableDeclarator' || declarator.init !== path.node || declarator.id.type !== 'Identifier') return [];
  return referencesOf(ctx.j, ctx.root, declarator.id).flatMap((ref) => {
    const parent = ref.parent as ASTPath<Node>;
    if ((parent.node as Node).type === 'CallExpression' && (parent.node as Node).callee === ref.node) return [parent];
    const isMethod = (parent.node as Node).type === 'MemberExpression' && (parent.node as Node).object === ref.node;
    const grand = parent.parent as ASTPath<Node>;
    return isMethod && (grand?.node as Node)?.type === 'CallExpression' && (grand.node as Node).callee === parent.node ? [grand] : [];
  });
}

const BROWSER_IMPORTED_URL =
  "browser code imports this URL, where an Azure URL's `process.env` read finds nothing, so it stays OpenAI's (and so do the requests other files send with it): route the browser's calls through a server that holds the Azure OpenAI settings, or give the browser the Azure endpoint explicitly";

/** Whether a URL literal is the value of a module-level constant a browser module imports (`facts.browserURLs`). */
function importedByBrowser(ctx: TransformContext, path: ASTPath<Node>): boolean {
  const names = ctx.facts.browserURLs;
  if (!names) return false;
  let holder = path.parent as ASTPath<Node> | null;
  while (holder && unwrap(holder.node) !== holder.node) holder = holder.parent;
  const declarator = holder?.node as Node;
  return declarator?.type === 'VariableDeclarator' && unwrap(declarator.init) === path.node && names.includes(declarator.id?.name);
}

/** An incoming request's Authorization header, read (`req.headers.authorization`, `request.headers.get('Authorization')`). */
const CALLERS_AUTHORIZATION = /\bheaders\b[\s\S]*\bauthorization\b/i;

/**
 * Whether a request sends on the Authorization header of the request it serves (a pass-through proxy): its options'
 * `headers` give `Authorization` a value read from another request's headers.
 */
function forwardsCallerAuth(ctx: TransformContext, call: ASTPath<Node>): boolean {
  return ((call.node as Node).arguments as Node[]).some((_, i) => {
    const options = objectLiteral(call.get('arguments', i));
    const headers = options && propertyPath(options, 'headers');
    const object = headers && headersObject(headers.get('value'));
    const auth = ((object?.node as Node)?.properties as Node[] | undefined)?.find((p) => p.type !== 'SpreadElement' && propertyName(p.key)?.toLowerCase() === 'authorization');
    return auth !== undefined && CALLERS_AUTHORIZATION.test(ctx.source.slice(auth.value.start, auth.value.end));
  });
}

/**
 * Whether a URL sits in an object literal (through the functions that return it: `getBaseURL: () => '…'`) that also
 * builds an `Authorization` header from a key the code is handed, not one it reads from the environment (`headers:
 * ({ providerOptions }) => ({ Authorization: `Bearer ${providerOptions.apiKey}` })`): a gateway's provider settings.
 */
function besideHandedInKey(ctx: TransformContext, url: ASTPath<Node>): boolean {
  const object = holdingObject(ctx, url.node);
  if (!object) return false;
  return ctx.index
    .find('ObjectProperty', (n) => propertyName(n.key)?.toLowerCase() === 'authorization' && ctx.index.isWithin(n, object))
    .some((prop) => {
      const value = (prop.node as Node).value;
      const text = ctx.source.slice(value.start, value.end);
      return !/\benv\b/.test(text) && !/['"]/.test(text.replace(/^`Bearer \$\{/, ''));
    });
}

/** What holds a provider's base URL on its way up to its settings object: the property, a getter returning it. */
const URL_HOLDERS = new Set(['ObjectProperty', 'ArrowFunctionExpression', 'ReturnStatement', 'BlockStatement', 'FunctionExpression', 'ObjectMethod', 'TemplateLiteral']);

/**
 * The object literal a URL is a setting of: reached through `URL_HOLDERS`, and through a schema's default
 * (`baseURL: z.string().url().default('https://api.openai.com/v1')`, methods chained after it included).
 */
function holdingObject(ctx: TransformContext, url: Node): Node | undefined {
  let child = url;
  for (let p = ctx.index.parentOf(child); p; child = p, p = ctx.index.parentOf(p)) {
    if (p.type === 'ObjectExpression') return p;
    if (!URL_HOLDERS.has(p.type) && !isSchemaDefault(p, child) && !chainedOn(p, child)) return undefined;
  }
  return undefined;
}

/** `schema.default(value)` with `value` its argument (core `SCHEMA_DEFAULT_METHODS`). */
function isSchemaDefault(call: Node, value: Node): boolean {
  return call.type === 'CallExpression' && call.arguments.length === 1 && call.arguments[0] === value && SCHEMA_DEFAULT_METHODS.includes(memberName(call.callee) ?? '');
}

/** A method called on a call's result (`.default(url).describe('…')`): the same schema, its default unchanged. */
function chainedOn(parent: Node, child: Node): boolean {
  if (parent.type === 'MemberExpression') return parent.object === child && child.type === 'CallExpression';
  return parent.type === 'CallExpression' && parent.callee === child && child.type === 'MemberExpression';
}

/** The value a setting holds: a schema's default (`z.string().default(config.HF_TOKEN)`), or the value as written. */
function settingValue(value: Node): Node {
  for (let node = unwrap(value); node?.type === 'CallExpression'; node = unwrap(node.callee.object)) {
    if (isSchemaDefault(node, node.arguments[0])) return node.arguments[0];
    if (node.callee.type !== 'MemberExpression') break;
  }
  return value;
}

/**
 * Why the key a URL's settings object holds beside it (`{ baseURL: 'https://api.openai.com/v1', apiKey: … }`, schema
 * defaults included) cannot go to Azure OpenAI with it, when no transform moves it there: it reads another vendor's
 * token (`config.HF_TOKEN`), or an OpenAI variable off an object other than the process's env (`config.OPENAI_API_KEY`,
 * which env-reads does not rename). Undefined for any other key, or none.
 */
function foreignKeyBeside(ctx: TransformContext, url: ASTPath<Node>): string | undefined {
  const object = holdingObject(ctx, url.node);
  for (const prop of (object?.properties ?? []) as Node[]) {
    if (prop.type !== 'ObjectProperty' || !isKeyOptionName(propertyName(prop.key) ?? '')) continue;
    const value = settingValue(prop.value);
    const vendor = otherVendorVariable(ctx.source.slice(value.start, value.end));
    if (vendor) return `reads another vendor's token (${vendor})`;
    const handed = handedEnvKey(ctx.index.pathOf(value));
    if (handed) return `reads ${handed.name} off \`${handed.object}\`, which this tool does not point at an Azure setting`;
  }
  return undefined;
}

function foreignKeyMessage(why: string): string {
  return `this URL is a setting beside a key that ${why}, so it is left pointed at OpenAI: pointed at Azure OpenAI, its requests would carry that key, which Azure refuses (and the secret would reach another service); to move these settings, point the URL at \`\${AZURE_OPENAI_ENDPOINT}/openai/v1\` and give the key an Azure OpenAI source (or use Entra ID) together`;
}

/** `headers: {…}` / `headers: new Headers({…})` / `headers: h` (a const) in an options object: the object literal. */
function headersObject(value: ASTPath<Node>): ASTPath<Node> | undefined {
  const node = unwrap(value.node as Node);
  if (node?.type === 'NewExpression' && node.callee.name === 'Headers' && node.arguments.length === 1) {
    return objectLiteral(unwrapPath(value).get('arguments', 0));
  }
  return objectLiteral(value);
}

/** The `Authorization` header a request gets under Entra ID: a fresh token from the file's token provider. */
function entraAuthorization(ctx: TransformContext, request: ASTPath<Node>, header: ASTPath<Node>): boolean {
  const scope = enclosingScope(request).node as Node;
  if (!scope.async) return false;
  let top = request;
  while (top.parent && top.parent.node.type !== 'Program') top = top.parent;
  ensureTokenProvider(ctx, top.node);
  (header.node as Node).value = expression(ctx, `\`Bearer \${await ${tokenProvider(ctx)}()}\``);
  return true;
}

/** OpenAI auth and account headers → the Azure `api-key` header (a token header under Entra ID). */
function migrateHeaders(ctx: TransformContext, request: ASTPath<Node>, headers: ASTPath<Node>): void {
  const node = headers.node as Node;
  const nameOf = (p: Node): string | undefined => (p.type === 'SpreadElement' ? undefined : propertyName(p.key)?.toLowerCase());
  if ((node.properties as Node[]).some((p) => nameOf(p) === 'api-key')) return;
  const kept: Node[] = [];
  headers.get('properties').each((prop: ASTPath<Node>) => {
    const name = nameOf(prop.node as Node);
    if (!name || !OPENAI_ONLY_HEADERS.includes(name)) {
      kept.push(prop.node);
      return;
    }
    if (name === 'authorization' && ctx.options.auth === 'entra-id' && !entraAuthorization(ctx, request, prop)) {
      ctx.todo(prop, ENTRA_AUTH);
      kept.push(prop.node);
      return;
    }
    ctx.j(prop).find(ctx.j.StringLiteral).forEach((p) => reportSecret(ctx, p.node));
    ctx.j(prop).find(ctx.j.TemplateElement).forEach((p) => reportSecret(ctx, p.node));
    const own = name === 'authorization' && ctx.options.auth !== 'entra-id' ? ownKey(ctx, prop.get('value')) : null;
    if (own === undefined) {
      ctx.todo(prop, UNREAD_KEY);
      kept.push(prop.node);
      return;
    }
    ctx.change(prop.node, 'header');
    if (name !== 'authorization') return;
    if (ctx.options.auth === 'entra-id') {
      kept.push(prop.node);
      return;
    }
    if (own) {
      // A key held from an env read is a setting of the deployment (an OpenAI one is renamed where it is read).
      if (isOwnKey(ctx.index.pathOf(own))) ctx.todo(prop, OWN_REQUEST_KEY_MESSAGE);
      kept.push(ctx.j.objectProperty(ctx.j.stringLiteral('api-key'), asString(ctx, own)));
      return;
    }
    ctx.readsEnv(AZURE_ENV.apiKey);
    kept.push(expression(ctx, `{ ${str(ctx, 'api-key')}: ${envCode(ctx, AZURE_ENV.apiKey)}${isTypeScript(ctx) ? '!' : ''} }`).properties[0]);
  });
  node.properties = kept;
}

/** The key under `Bearer ` in an Authorization value: `\`Bearer ${k}\``, `"Bearer " + k`; undefined for any other form. */
function bearerKey(node: Node): Node | undefined {
  const value = unwrap(node);
  if (value?.type === 'TemplateLiteral' && value.expressions.length === 1 && value.quasis[1]?.value.cooked === '') {
    return /^Bearer\s+$/i.test(value.quasis[0].value.cooked ?? '') ? value.expressions[0] : undefined;
  }
  if (value?.type === 'BinaryExpression' && value.operator === '+' && /^Bearer\s+$/i.test(literalValue(value.left) ?? '')) return value.right;
  return undefined;
}

/**
 * The code's own key for the `api-key` header (a parameter, a variable, a member: the request keeps using it; an
 * OpenAI env read behind a variable is the env-reads transform's to rename), or null where the env reference takes
 * its place: a hard-coded secret (also one a same-file constant holds) or a direct OpenAI env read. Undefined when
 * the value is not a `Bearer <key>` form.
 */
function ownKey(ctx: TransformContext, value: ASTPath<Node>): Node | null | undefined {
  const key = bearerKey(value.node);
  if (key === undefined) return literalValue(unwrap(value.node)) !== undefined ? null : undefined;
  const replaceable = (node: Node): boolean => {
    const inner = unwrap(node);
    if (literalValue(inner) !== undefined || (inner?.type === 'TemplateLiteral' && inner.expressions.length === 0)) return true;
    const env = envRead(inner.type === 'LogicalExpression' ? unwrap(inner.left) : inner);
    return env !== undefined && env.startsWith('OPENAI_');
  };
  return replaceable(key) || holdsSecret(ctx, key) ? null : key;
}

/**
 * Whether a key names a same-file constant whose value holds an OpenAI secret (`const apiKey = 'sk-…'`, or as a
 * fallback): sent as `api-key` it would hand OpenAI's key to Azure, whatever else the constant serves (left-secrets
 * marks it where it stays).
 */
function holdsSecret(ctx: TransformContext, key: Node): boolean {
  const init = constInitOf(ctx.index, unwrap(key));
  return typeof init?.start === 'number' && findSecret(ctx.source.slice(init.start, init.end)) !== undefined;
}

/**
 * The key as a header value. `Bearer ${k}` was a string whatever `k` is; in TypeScript `k` alone stays when it is
 * declared `string`, else it keeps a template (`${k}`) so the header value type-checks as before.
 */
function asString(ctx: TransformContext, key: Node): Node {
  if (!isTypeScript(ctx)) return key;
  const inner = unwrap(key);
  if (inner.type === 'Identifier') {
    const declared = ctx.index.resolve(inner);
    if (declared?.id.typeAnnotation?.typeAnnotation?.type === 'TSStringKeyword') return key;
  }
  return ctx.j.templateLiteral(
    [ctx.j.templateElement({ raw: '', cooked: '' }, false), ctx.j.templateElement({ raw: '', cooked: '' }, true)],
    [key],
  );
}

/** Report a hard-coded key that leaves the code with the header it sat in (masked). */
function reportSecret(ctx: TransformContext, node: Node): void {
  const secret = findSecret(node.value?.cooked ?? node.value ?? '');
  if (typeof secret === 'string') ctx.secret(node, maskSecret(secret));
}

/** A model constant used only as request `model`s: its initializer (path), which can become the deployment reference. */
function modelConstant(ctx: TransformContext, value: ASTPath<Node>): ASTPath<Node> | undefined {
  const declarator = declaratorOf(value);
  if (!declarator || (declarator.parent.node as Node).kind !== 'const' || declarator.parent.parent.node.type === 'ExportNamedDeclaration') {
    return undefined;
  }
  const onlyModel = referencesOf(ctx.j, ctx.root, (declarator.node as Node).id).every((ref) => {
    const parent = ref.parent.node as Node;
    return parent.type === 'ObjectProperty' && parent.value === ref.node && propertyName(parent.key) === 'model';
  });
  return onlyModel ? declarator.get('init') : undefined;
}

/** A request body's `model` → a deployment reference (the v1 REST surface routes on it). */
function migrateModel(ctx: TransformContext, property: ASTPath<Node>): void {
  migrateModelValue(ctx, property.get('value'), property);
}

/** A request's model value (`host` gets the marker when it is no deployment the tool can name). */
function migrateModelValue(ctx: TransformContext, start: ASTPath<Node>, host: ASTPath<Node>): void {
  let value = start;
  if ((unwrap(value.node) as Node).type === 'Identifier') value = modelConstant(ctx, unwrapPath(value)) ?? value;
  const node = unwrap(value.node as Node);
  const model = literalValue(node);
  if (model !== undefined) {
    value.replace(deploymentExpression(ctx, model));
    ctx.change(node, 'deployment');
  } else if (!isDeploymentReference(ctx, node) && envReadAt(node.type === 'LogicalExpression' ? unwrapPath(value).get('left') : value) === undefined) {
    // An env read (`process.env.OPENAI_MODEL ?? 'gpt-4o'`) is the env-reads transform's to rename.
    ctx.todo(host, NOT_A_DEPLOYMENT);
  }
}

const FORM_SETTERS = new Set(['append', 'set']);

/**
 * The `model` values of a multipart request: `form.append('model', 'whisper-1')` (or `.set`) on the FormData its
 * options send as `body` (or axios' `data`), a same-file `const form = new FormData()`.
 */
function formDataModels(ctx: TransformContext, argument: ASTPath<Node>): ASTPath<Node>[] {
  const options = objectLiteral(argument);
  if (!options) return [];
  return ['body', 'data'].flatMap((key) => {
    const prop = propertyPath(options, key);
    const value = prop && unwrapPath(prop.get('value'));
    const declarator = (value?.node as Node)?.type === 'Identifier' ? declaratorOf(value!) : undefined;
    const init = declarator && unwrap((declarator.node as Node).init);
    if (init?.type !== 'NewExpression' || unwrap(init.callee)?.name !== 'FormData') return [];
    return referencesOf(ctx.j, ctx.root, (declarator!.node as Node).id).flatMap((ref) => {
      const member = ref.parent as ASTPath<Node>;
      const call = member?.parent as ASTPath<Node>;
      const m = member?.node as Node;
      const c = call?.node as Node;
      const setsModel = m?.type === 'MemberExpression' && m.object === ref.node && FORM_SETTERS.has(memberName(m) ?? '');
      return setsModel && c?.type === 'CallExpression' && c.callee === m && c.arguments.length > 1 && literalValue(c.arguments[0]) === 'model'
        ? [call.get('arguments', 1)]
        : [];
    });
  });
}

/** Objects of a request body that carry the model too: a realtime session's (`/realtime/client_secrets`). */
const MODEL_HOLDERS = ['session'];

/** The `model` properties of a request body: its own, and those of the objects in it that carry one. */
function bodyModels(body: ASTPath<Node>): ASTPath<Node>[] {
  const holders = MODEL_HOLDERS.flatMap((key) => {
    const holder = propertyPath(body, key);
    const object = holder && objectLiteral(holder.get('value'));
    return object ? [object] : [];
  });
  return [body, ...holders].flatMap((object) => propertyPath(object, 'model') ?? []);
}

/** The request bodies among a call's arguments: object literals, `JSON.stringify(obj)`, and `body`/`data`/`json` in options. */
function bodies(argument: ASTPath<Node>, depth = 0): ASTPath<Node>[] {
  const node = unwrap(argument.node as Node);
  if (node?.type === 'CallExpression' && memberName(node.callee) === 'stringify' && node.arguments.length > 0) {
    return bodies(unwrapPath(argument).get('arguments', 0), depth);
  }
  // `const body = JSON.stringify({ model, … })`, handed on by name.
  const declarator = node?.type === 'Identifier' ? declaratorOf(unwrapPath(argument)) : undefined;
  const init = declarator && unwrap((declarator.node as Node).init);
  if (init?.type === 'CallExpression' && memberName(init.callee) === 'stringify') return bodies(declarator!.get('init'), depth);
  const object = objectLiteral(argument);
  if (!object || depth > 1) return [];
  const nested = ['body', 'data', 'json'].flatMap((key) => {
    const prop = propertyPath(object, key);
    return prop ? bodies(prop.get('value'), depth + 1) : [];
  });
  return [object, ...nested];
}

/** Headers, body `model`s and SSE parsing of one request call whose URL now points at Azure. */
function migrateRequest(ctx: TransformContext, call: ASTPath<Node>, done: Set<Node>, moving: ReadonlySet<Node>): void {
  if (done.has(call.node)) return;
  done.add(call.node);
  markAzureRequest(ctx, call.node);
  let streaming = false;
  const migrateOptions = (argument: ASTPath<Node>): void => {
    const options = objectLiteral(argument);
    const headers = options && propertyPath(options, 'headers');
    if (headers) {
      const object = headersObject(headers.get('value'));
      if (object) migrateHeaders(ctx, call, object);
      else ctx.todo(headers, UNREAD_HEADERS);
    }
    for (const body of bodies(argument)) {
      for (const model of bodyModels(body)) migrateModel(ctx, model);
      if (asksToStream(body)) streaming = true;
    }
    for (const model of formDataModels(ctx, argument)) migrateModelValue(ctx, model, model.parent);
  };
  ((call.node as Node).arguments as Node[]).forEach((arg, i) => {
    const argument = call.get('arguments', i);
    // A model id handed bare to a client pointed at Azure (`provider('gpt-4o')`, `provider.imageModel('gpt-image-1')`
    // of an OpenAI-compatible factory given OpenAI's URL): on the v1 surface it names a deployment.
    const model = literalValue(arg);
    if (model !== undefined && isModelName(model)) {
      argument.replace(deploymentExpression(ctx, model));
      ctx.change(arg, 'deployment');
      return;
    }
    // Options a function builds (`fetch(url, makeInit(prompt))`; not a WebSocket's protocols): those a function of
    // this file returns are migrated there; another's get a marker.
    const built = i > 0 && (call.node as Node).type !== 'NewExpression' ? builtOptions(ctx, argument, moving) : undefined;
    if (!built) return migrateOptions(argument);
    // What the call hands its builder in literals (`makeInit({ model: 'gpt-4o', messages })`) is the request's too.
    const handed = unwrapPath(argument);
    ((handed.node as Node).arguments as Node[]).forEach((_, k) => {
      for (const body of bodies(handed.get('arguments', k))) for (const model of bodyModels(body)) migrateModel(ctx, model);
    });
    if ('by' in built) ctx.todo(argument, builtElsewhereMessage(built.by));
    else if (!done.has(built.fn.node)) {
      done.add(built.fn.node);
      for (const returned of built.returned) migrateOptions(returned);
    }
  });
  if (streaming) guardEmptyChoices(ctx, enclosingScope(call));
}

const builtElsewhereMessage = (by: string): string =>
  `this request's options come from ${by}(…), whose body this file does not show (or that builds other requests too): there, the key must be your Azure one (an \`api-key\` header) and a \`model\` it sets must name an Azure deployment`;

/**
 * The options a call builds for a request (`fetch(url, makeInit(prompt))`, not `JSON.stringify(…)`): the values a
 * function of this file returns, when its every use is a call building options for a request moving to Azure (one
 * that builds another vendor's too, or is handed around, keeps its headers), or else the callee as written.
 */
function builtOptions(
  ctx: TransformContext,
  argument: ASTPath<Node>,
  moving: ReadonlySet<Node>,
): { fn: ASTPath<Node>; returned: ASTPath<Node>[] } | { by: string } | undefined {
  const node = unwrap(argument.node as Node);
  if (node?.type !== 'CallExpression' || memberName(node.callee) === 'stringify') return undefined;
  const fn = localFunction(ctx, unwrap(node.callee));
  const declared = fn && ctx.index.resolve(unwrap(node.callee));
  const forMoving = (use: Node): boolean => {
    const call = ctx.index.parentOf(use) as Node;
    const request = call?.callee === use ? (ctx.index.parentOf(call) as Node) : undefined;
    return !!request && moving.has(request) && (request.arguments as Node[]).includes(call);
  };
  if (!fn || !declared || !ctx.index.usesOf(declared).every(forMoving)) return { by: ctx.source.slice(node.callee.start, node.callee.end) };
  return { fn, returned: returnedValues(ctx, fn) };
}

/** The values a function returns: an arrow's expression body, or its own `return` statements' arguments. */
function returnedValues(ctx: TransformContext, fn: ASTPath<Node>): ASTPath<Node>[] {
  const node = fn.node as Node;
  if (node.body.type !== 'BlockStatement') return [fn.get('body')];
  const own = (at: Node): boolean => {
    for (let p = ctx.index.parentOf(at); p; p = ctx.index.parentOf(p)) if (FUNCTIONS.has(p.type)) return p === node;
    return false;
  };
  return ctx.index.find('ReturnStatement', (r) => r.argument && ctx.index.isWithin(r, node) && own(r)).map((r) => r.get('argument'));
}

const FUNCTIONS = new Set(['FunctionDeclaration', 'FunctionExpression', 'ArrowFunctionExpression', 'ObjectMethod', 'ClassMethod']);

/** String methods that trim an endpoint and keep it one (`.replace(/\/+$/, '')`, this tool's own form; `.slice(0, end)`). */
const TRIMS = new Set(['replace', 'replaceAll', 'slice', 'substring', 'trim', 'trimEnd']);

/**
 * Whether a read of AZURE_OPENAI_ENDPOINT uses it as the resource endpoint, as the Azure URLs this transform writes
 * do: an `endpoint` option (`new AzureOpenAI({ endpoint })`), followed by `/openai/…` in a template, or parsed
 * (`new URL(…)`), maybe trimmed first; kept in a variable, one of the variable's uses does so.
 */
function usedAsResourceEndpoint(ctx: TransformContext, read: Node, depth = 0): boolean {
  // Up through `X!`, `(X)`, `X as string`, a fallback `X ?? ''` and trims to the use.
  let use = read;
  for (let parent = ctx.index.parentOf(use) as Node; ; parent = ctx.index.parentOf(use) as Node) {
    if ((parent && unwrap(parent) !== parent && parent.expression === use) || (parent?.type === 'LogicalExpression' && parent.left === use)) use = parent;
    else if (parent?.type === 'MemberExpression' && parent.object === use && TRIMS.has(memberName(parent) ?? '') && ctx.index.parentOf(parent)?.callee === parent) use = ctx.index.parentOf(parent);
    else break;
  }
  const parent = ctx.index.parentOf(use) as Node;
  switch (parent?.type) {
    case 'ObjectProperty':
      return parent.value === use && /endpoint$/i.test(propertyName(parent.key) ?? '');
    case 'TemplateLiteral':
      return (parent.quasis[parent.expressions.indexOf(use) + 1]?.value.cooked ?? '').startsWith('/openai');
    case 'NewExpression':
      return parent.callee.type === 'Identifier' && parent.callee.name === 'URL' && parent.arguments[0] === use;
    case 'VariableDeclarator':
    case 'AssignmentExpression': {
      const target = parent.type === 'VariableDeclarator' ? (parent.init === use ? parent.id : undefined) : parent.right === use ? parent.left : undefined;
      const declaration = target?.type === 'Identifier' && depth < 2 ? ctx.index.resolve(target) : undefined;
      return !!declaration && ctx.index.usesOf(declaration).some((id) => usedAsResourceEndpoint(ctx, id, depth + 1));
    }
    default:
      return false;
  }
}

/**
 * Whether the file reads AZURE_OPENAI_ENDPOINT for a meaning of its own: from any object (`env.AZURE_OPENAI_ENDPOINT`
 * of a parameter, `process.env[…]`, destructured, `Deno.env.get('…')`) and not as the resource endpoint. A provider
 * switch with an Azure branch of its own may keep a whole deployment URL there, which the Azure URLs this transform
 * writes from the variable would not expect.
 */
function readsAzureEndpointOwnWay(ctx: TransformContext): boolean {
  const name = AZURE_ENV.endpoint;
  if (!ctx.source.includes(name)) return false;
  /** The read a name is part of (the member access, the getter call), or undefined when the name is not read there. */
  const readOf = (node: Node): Node | undefined => {
    const parent = ctx.index.parentOf(node) as Node;
    if (parent?.type === 'MemberExpression' || parent?.type === 'OptionalMemberExpression') return parent.property === node ? parent : undefined;
    // Destructured: what the binding is used for is not followed; it counts as the code's own.
    if (parent?.type === 'ObjectProperty') return parent.key === node && ctx.index.parentOf(parent)?.type === 'ObjectPattern' ? parent : undefined;
    return parent?.type === 'CallExpression' && parent.arguments[0] === node && memberName(parent.callee) === 'get' ? parent : undefined;
  };
  const names = [...ctx.index.named(name), ...ctx.index.find('StringLiteral', (n) => n.value === name).map((path) => path.node)];
  return names.some((node) => {
    const read = readOf(node);
    return read !== undefined && (read.type === 'ObjectProperty' || !usedAsResourceEndpoint(ctx, read));
  });
}

/** Built-in objects and functions (when not shadowed) whose calls take a value without sending it anywhere. */
const BUILTINS = new Set(['Object', 'JSON', 'Array', 'String', 'Number', 'Boolean', 'Math', 'Reflect', 'Promise', 'Map', 'Set', 'console', 'encodeURI', 'encodeURIComponent']);

/**
 * Whether a call a URL is handed to only passes it on, as far as this file shows: a function of the file (its body is
 * not followed), or a built-in (`Object.entries(config)`, `JSON.stringify(…)`). Any other call (a library's) may be
 * what sends it.
 */
function passesOn(ctx: TransformContext, call: Node): boolean {
  let callee = unwrap(call.callee);
  if (localFunction(ctx, callee)) return true;
  while (callee?.type === 'MemberExpression') callee = unwrap(callee.object);
  return callee?.type === 'Identifier' && BUILTINS.has(callee.name) && !ctx.index.resolve(callee);
}

/**
 * Raw HTTP to OpenAI's REST API (migration spec §6.1, rules 25–26): fetch / axios / got / `new URL` / `https.request`
 * / WebSocket URLs on `api.openai.com` (and its data-residency hosts) become Azure URLs, with the request's auth
 * header, account headers, body `model` and SSE parsing to match.
 *
 * URL form: the Azure v1 REST surface, `${AZURE_OPENAI_ENDPOINT}/openai/v1/<path>`, on BOTH targets. The classic
 * deployment-scoped form needs the deployment in the path, and a raw request's deployment lives in its body, often
 * built elsewhere; the v1 surface is GA, takes the same paths and bodies as OpenAI (with `model` = deployment) and
 * needs no api-version, so one form serves every path. The classic target gets a report note saying so.
 *
 * Strings that name OpenAI's API but are not a whole `/v1` URL (a bare host for a client that adds `/v1/…` later,
 * a URL assembled from parts) get a marker; docs hosts (`platform.openai.com`) and other vendors' `/openai/v1`
 * paths are not OpenAI's API and stay. Strings inside an OpenAI client's own options belong to the client transform,
 * as do those of an options variable handed to one (`options.baseURL = …; new OpenAI(options)`).
 * In browser code (see clientSide) every such string stays, with a marker: the Azure URL is a `process.env` read.
 * So does one in a test file that no request call sends (see sendsRequest): it is data for a mock or an assertion,
 * and one in a file that reads AZURE_OPENAI_ENDPOINT for a meaning of its own (see readsAzureEndpointOwnWay).
 */

export const rawHttp: Transform = {
  name: 'raw-http',
  apply(ctx) {
    const importedURLs = ctx.facts.azureURLs ?? [];
    if (!mentionsOpenAIHost(ctx.source) && importedURLs.length === 0) return;
    const named = (node: Node): boolean => mentionsOpenAIHost(wholeText(node));
    const literals = [...ctx.index.find('StringLiteral', named), ...ctx.index.find('TemplateLiteral', named)].filter(
      (path) => isValuePosition(path) && !handedToClient(ctx, path) && !heldUnread(ctx, path),
    );
    // Requests sent with a URL constant another file declares and points at Azure (the project index says which).
    const sentWithImported = importedURLs.flatMap((name) => ctx.index.named(name).flatMap((id) => requestCalls(ctx, ctx.index.pathOf(id))));
    const migrated: ASTPath<Node>[] = [];
    const clientSide = clientSideMessage(ctx);
    const test = isTestFile(ctx.path);
    // OpenAI's realtime auth and beta protocol strings (a subprotocol, a header value), beside a URL migrated or not;
    // in a test they are expectations about OpenAI's protocol, data like its URLs. Asked before any change: after
    // one, the file index would be built again.
    const sign = (n: Node): boolean => isRealtimeOpenAISign(n.type === 'StringLiteral' ? n.value : (n.quasis[0]?.value.cooked ?? ''));
    if (!test && mentionsRealtimeOpenAISign(ctx.source)) {
      for (const path of [...ctx.index.find('StringLiteral', sign), ...ctx.index.find('TemplateLiteral', sign)]) ctx.todo(path, REALTIME_PROTOCOL_MESSAGE);
    }
    // Test data and a file with an Azure path of its own get one marker, at the first URL: it says it for the file.
    const saidForFile = new Set<string>();
    const onceForFile = (path: ASTPath<Node>, message: string): void => {
      if (!saidForFile.has(message)) ctx.todo(path, message);
      saidForFile.add(message);
    };
    const ownAzureEndpoint = literals.length > 0 && readsAzureEndpointOwnWay(ctx);
    // A URL the file still requests OpenAI at, with its marker: the key sent there keeps its name (env-reads, and the
    // project index for the key its importers hand this file's code).
    const leave = (path: ASTPath<Node>, message: string): void => {
      ctx.todo(path, message);
      ctx.outcome.leavesOpenAI = true;
    };
    // Requests one of whose URLs stays on OpenAI (a surface Azure lacks): their other URLs stay with them, since the
    // key and headers they share must stay OpenAI's (`const u = id ? containersURL : filesURL; fetch(u, { headers })`).
    const gapRequests = new Map<Node, ASTPath<Node>[]>();
    for (const path of literals) if (unofferedSurface(urlText(path.node as Node))) gapRequests.set(path.node, requestCalls(ctx, path));
    const keptOnOpenAI = new Set([...gapRequests.values()].flat().map((call) => call.node as Node));
    for (const path of literals) {
      const node = path.node as Node;
      const text = urlText(node);
      if (OPENAI_MTLS_HOST.test(text)) {
        leave(path, MTLS);
        continue;
      }
      // In a test, a URL no request sends is data: rewritten, it would read an env variable CI does not set.
      if (test && !requestCalls(ctx, path).some((call) => sendsRequest(ctx, call.node))) {
        // A provider's test suite can hold dozens of such URLs; one that tests no OpenAI code holds sample data.
        if (ctx.facts.testsMigratedCode || !holdsSampleData(ctx.path, ctx.source)) onceForFile(path, TEST_DATA_URL_MESSAGE);
        continue;
      }
      // The Azure URL reads the endpoint from `process.env`, which browser code does not have.
      if (clientSide) {
        leave(path, clientSide);
        continue;
      }
      if (importedByBrowser(ctx, path)) {
        leave(path, BROWSER_IMPORTED_URL);
        continue;
      }
      if (ownAzureEndpoint) {
        onceForFile(path, OWN_AZURE_PATH_MESSAGE);
        continue;
      }
      // A URL the code compares with (`baseURL === 'https://api.openai.com/v1'`) is a check, not a request's target.
      if (isComparedWith(path)) {
        ctx.todo(path, COMPARED_URL);
        continue;
      }
      // A surface Azure does not offer keeps OpenAI's URL: an Azure URL for it would only fail. The marker says what to use.
      const gap = unofferedSurface(text);
      if (gap) {
        leave(path, `${gap.message}; this request is left pointed at OpenAI`);
        for (const call of gapRequests.get(node)!) markOpenAIRequest(ctx, call.node, ctx.index.isWithin(path.node, call.node));
        continue;
      }
      const calls = keptOnOpenAI.size > 0 ? requestCalls(ctx, path) : [];
      if (calls.length > 0 && calls.every((call) => keptOnOpenAI.has(call.node))) {
        leave(path, KEPT_WITH_REQUEST);
        continue;
      }
      // A proxy that hands on its caller's own Authorization: on Azure that key (an OpenAI one) would not do.
      if (requestCalls(ctx, path).some((call) => forwardsCallerAuth(ctx, call))) {
        leave(path, FORWARDED_AUTH);
        continue;
      }
      // A provider's settings in a gateway: its base URL beside headers that send a key the caller hands in.
      if (!requestCalls(ctx, path).some((call) => sendsRequest(ctx, call.node)) && besideHandedInKey(ctx, path)) {
        leave(path, PROVIDER_SETTINGS);
        continue;
      }
      // A setting beside a key Azure would not take, which stays as it is: the URL stays with it.
      const foreignKey = foreignKeyBeside(ctx, path);
      if (foreignKey) {
        leave(path, foreignKeyMessage(foreignKey));
        continue;
      }
      // Sent by a request of this file that does not move with it: the URL stays with that request's key and headers.
      const unfollowed: ASTPath<Node>[] = [];
      if (!requestCalls(ctx, path, 0, unfollowed).some((call) => sendsRequest(ctx, call.node)) && unfollowed.length > 0) {
        leave(path, SENT_BY_HELPER);
        markHelperURL(ctx, node);
        continue;
      }
      const rewritten = rewriteURL(ctx, path) ?? (isOpenAIAPIHostName(text) ? rewriteHostAndPath(ctx, path) : undefined);
      if (rewritten) migrated.push(rewritten);
      else if (inProse(node)) ctx.todo(path, PROSE_URL);
      else leave(path, unclearURLMessage(ctx, path));
    }
    if (migrated.length === 0 && sentWithImported.length === 0) return;
    if (ctx.options.target === 'classic') ctx.outcome.notes.push(CLASSIC_NOTE);
    const done = new Set<Node>();
    const callsOf = new Map(migrated.map((path) => [path, requestCalls(ctx, path)] as const));
    // Every request moving to Azure: a function building options for them is migrated only if it builds no others'.
    const moving = new Set<Node>([...sentWithImported, ...[...callsOf.values()].flat()].map((call) => call.node as Node));
    for (const call of sentWithImported) migrateRequest(ctx, call, done, moving);
    for (const [path, calls] of callsOf) {
      // Its key and model are set where it is sent, which this file does not show (a default, an export, a function
      // of the file it is handed to, whose body is not followed), or by a request other hosts' URLs go through too.
      const sent = calls.some((call) => sendsRequest(ctx, call.node) || !passesOn(ctx, call.node));
      if (!sent && sharedRequests(ctx, path).length > 0) ctx.todo(path, SHARED_REQUEST);
      else if (!sent && stillRead(ctx, path)) ctx.todo(path, SENDER_UNSEEN);
      for (const call of calls) migrateRequest(ctx, call, done, moving);
    }
  },
};

export default asJscodeshift(rawHttp);
