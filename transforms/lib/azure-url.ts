import { AZURE_ENV, baseURLEnvNote, endpointOverrides, isOpenAIBaseURL, OPENAI_BASE_URL_ENV, type OpenAIURL } from '../../src/core/index.js';
import type { ASTPath } from 'jscodeshift';
import { unwrap } from './clients.js';
import { envCode } from './deployment-ref.js';
import { isFunction } from './file-index.js';
import { isTypeScript, str } from './snippets.js';
import { noteOnce, type TransformContext } from './types.js';

type Node = any; // Babel AST via recast.

/** A placeholder the caller swaps for the deployment expression (a realtime URL's `?model=`). */
export const DEPLOYMENT_PLACEHOLDER = '__openaiToAzureDeployment__';

/**
 * `process.env.AZURE_OPENAI_ENDPOINT!` (no `!` in JavaScript): the Azure resource URL, as code. `eager`: the code runs
 * as the module loads or a class is built (`runsOnLoad`), where a string that was a constant must not throw while the
 * variable is unset: `(process.env.AZURE_OPENAI_ENDPOINT ?? '')`.
 */
export function azureEndpointRead(ctx: TransformContext, eager = false): string {
  ctx.readsEnv(AZURE_ENV.endpoint);
  if (eager) return `(${envCode(ctx, AZURE_ENV.endpoint)} ?? ${str(ctx, '')})`;
  return `${envCode(ctx, AZURE_ENV.endpoint)}${isTypeScript(ctx) ? '!' : ''}`;
}

/** Class fields: their values run when the class (static) or each instance is built, not when a method is called. */
const FIELDS = new Set(['ClassProperty', 'ClassPrivateProperty', 'ClassAccessorProperty', 'PropertyDefinition']);

/** Whether the code at `path` runs as its module loads or in a class field's value, rather than in a function body. */
export function runsOnLoad(path: ASTPath<Node>): boolean {
  for (let p = path.parent as ASTPath<Node> | null; p; p = p.parent) {
    if (isFunction(p.node)) return false;
    if (FIELDS.has(p.node.type)) return true;
  }
  return true;
}

/** Text as the inside of a template literal. */
export function templateText(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${');
}

/**
 * The Azure v1 URL replacing an OpenAI one, as template-literal code: `${endpoint}/openai/v1<rest>` with the endpoint
 * stripped of trailing slashes (and on a ws scheme for WebSocket URLs). `rest` is template-literal text (what followed
 * `/v1`); a literal model name in its `model=` query becomes DEPLOYMENT_PLACEHOLDER.
 */
export function azureV1URLCode(ctx: TransformContext, url: OpenAIURL, rest: string, eager = false): { code: string; model?: string } {
  const ws = url.scheme === 'ws' ? `.replace(/^http/, ${str(ctx, 'ws')})` : '';
  const endpoint = `${azureEndpointRead(ctx, eager)}.replace(/\\/+$/, ${str(ctx, '')})${ws}`;
  let model: string | undefined;
  const withDeployment = rest.replace(/([?&]model=)([\w.:-]+)(?=&|#|$)/, (_all, prefix: string, name: string) => {
    model = name;
    return `${prefix}\${${DEPLOYMENT_PLACEHOLDER}}`;
  });
  return { code: `\`\${${endpoint}}/openai/v1${withDeployment}\``, model };
}

/**
 * What a replaced `baseURL` let the deployment or the code pick instead of OpenAI's URL: the variables its OpenAI
 * branch reads (`process.env.OPENAI_ENDPOINT || 'https://api.openai.com/v1'`), and its other branches' code
 * (`this.config.baseURL || …`, `useGroq ? GROQ_URL : …`), for the marker that says the Azure settings replace them.
 */
export function baseURLOverrides(ctx: TransformContext, value: Node): string[] {
  const node = unwrap(value);
  if (node?.type === 'LogicalExpression') return [...new Set([...baseURLOverrides(ctx, node.left), ...baseURLOverrides(ctx, node.right)])];
  if (node?.type === 'ConditionalExpression') return [...new Set([...baseURLOverrides(ctx, node.consequent), ...baseURLOverrides(ctx, node.alternate)])];
  const text = ctx.source.slice(node.start, node.end);
  if (isOpenAIBaseURL(text)) return endpointOverrides(text);
  const code = text.replace(/\s+/g, ' ');
  return [`\`${code.length > 60 ? `${code.slice(0, 57)}...` : code}\``];
}
/**
 * A base URL the Azure endpoint replaces read OpenAI's base URL variable (`process.env.OPENAI_BASE_URL ?? …`): a
 * report note says so once, whichever client it was (the SDK's, an AI SDK provider's, a LangChain model's).
 */
export function noteBaseURLEnvReads(ctx: TransformContext, value: Node, replacement?: string): void {
  const node = unwrap(value);
  const text = ctx.source.slice(node.start, node.end);
  for (const name of OPENAI_BASE_URL_ENV) if (new RegExp(`\\b${name}\\b`).test(text)) noteOnce(ctx, baseURLEnvNote(name, replacement));
}
