import type { ASTPath } from 'jscodeshift';
import { AZURE_ENV, findSecret, isAzureURL, isAzureV1BaseURL, isOpenAIBaseURL, maskSecret } from '../../src/core/index.js';
import { azureEndpointRead } from './azure-url.js';
import { valueText } from './clients.js';
import { findEach } from './quiet-find.js';
import { replaceSecretConstant } from './secret-constants.js';
import { str } from './snippets.js';
import type { TransformContext } from './types.js';

type Node = any; // Babel AST via recast.

/** Where a wrapper's `baseURL` sends it: OpenAI (ours), Azure already, or another vendor / unknown (left alone). */
export type BaseURLKind = 'openai' | 'azure' | 'other';

export function baseURLKind(ctx: TransformContext, valuePath: ASTPath<Node>): BaseURLKind {
  const text = valueText(ctx, valuePath);
  if (isOpenAIBaseURL(text)) return 'openai';
  return isAzureV1BaseURL(text) || isAzureURL(text) ? 'azure' : 'other';
}

/** `${AZURE_OPENAI_ENDPOINT minus trailing slashes}/openai/v1/`, as code (notes the env read). */
export function azureV1BaseURL(ctx: TransformContext): string {
  return `\`\${${azureEndpointRead(ctx)}.replace(/\\/+$/, ${str(ctx, '')})}/openai/v1/\``;
}

/** Report every OpenAI secret in literals under `path`, masked: the caller drops or replaces the value. */
export function reportSecrets(ctx: TransformContext, path: ASTPath<Node>): void {
  const { j } = ctx;
  const secretOf = (node: Node): string | undefined => {
    const text = node.type === 'StringLiteral' ? node.value : node.type === 'TemplateLiteral' ? node.quasis.map((q: Node) => q.value.raw).join(' ') : undefined;
    return text === undefined ? undefined : findSecret(text);
  };
  const visit = (p: ASTPath<Node>): void => {
    const node = p.node as Node;
    const secret = secretOf(node);
    if (!secret) return;
    ctx.secret(node, maskSecret(secret));
    ctx.change(node, 'secret');
  };
  visit(path);
  findEach(j, path, ['StringLiteral', 'TemplateLiteral'], (node) => secretOf(node) !== undefined, visit);
  // `apiKey: KEY` with `const KEY = 'sk-…'` in this file: the constant is the secret's home; it reads the env instead.
  replaceSecretConstant(ctx, path, AZURE_ENV.apiKey);
}

/** The top-level statement holding a path. */
export function topLevelStatement(path: ASTPath<Node>): Node {
  let current = path;
  while (current.parent && current.parent.node.type !== 'Program') current = current.parent;
  return current.node;
}
