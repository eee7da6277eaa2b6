import type { ASTPath } from 'jscodeshift';
import { findSecret, maskSecret } from '../../src/core/index.js';
import { declaratorOf, unwrap } from './clients.js';
import { envCode, envRead } from './deployment-ref.js';
import { literalText } from './literals.js';
import { expression } from './snippets.js';
import type { TransformContext } from './types.js';

type Node = any; // Babel AST via recast.

/** The values a key's expression falls back through (`process.env.OPENAI_API_KEY || 'sk-…'`): each operand, unwrapped. */
function fallbacks(node: Node): Node[] {
  const inner = unwrap(node);
  return inner?.type === 'LogicalExpression' ? [...fallbacks(inner.left), ...fallbacks(inner.right)] : [inner];
}

/**
 * A key option that names a same-file variable holding an OpenAI secret (`apiKey: KEY`), alone or as a fallback of
 * env reads (`const KEY = process.env.OPENAI_API_KEY || 'sk-…'`): the variable is the secret's home, so its value
 * becomes the read of `env`, as an inline key's does, and each secret is reported (masked). True when it did.
 */
export function replaceSecretConstant(ctx: TransformContext, path: ASTPath<Node>, env: string): boolean {
  if (unwrap(path.node as Node)?.type !== 'Identifier') return false;
  const declarator = declaratorOf(path);
  const values = fallbacks((declarator?.node as Node)?.init);
  const secrets = values.flatMap((node) => {
    const secret = findSecret(literalText(node) ?? '');
    return secret ? [{ node, secret }] : [];
  });
  // Only a key's own forms: anything else there (a call, a member) is what the code chose, not a committed default.
  if (secrets.length === 0 || !values.every((node) => literalText(node) !== undefined || envRead(node) !== undefined)) return false;
  for (const { node, secret } of secrets) {
    ctx.secret(node, maskSecret(secret));
    ctx.change(node, 'secret');
  }
  declarator!.get('init').replace(expression(ctx, envCode(ctx, env)));
  ctx.readsEnv(env);
  return true;
}
