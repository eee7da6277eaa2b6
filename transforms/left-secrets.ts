import type { ASTPath } from 'jscodeshift';
import { findOpenAIKeys, maskSecret, mayHoldSecret } from '../src/core/index.js';
import { asJscodeshift } from './lib/run.js';
import type { Transform } from './lib/types.js';

type Node = any; // Babel AST via recast.

/** Literals that hold text: a string, or a template's text pieces. */
const TEXT_LITERALS = ['StringLiteral', 'TemplateElement'];

/** The statement (or class member) around a node: the context a bare `sk-` token is judged by, as no-hardcoded-key does. */
function statementOf(path: ASTPath<Node>): ASTPath<Node> {
  let at = path;
  while (at.parent && !/Statement$|^VariableDeclaration$|^ClassProperty$/.test(at.node.type)) at = at.parent;
  return at.node.type === 'BlockStatement' ? path : at;
}

/** The message for an OpenAI key left in the source. */
export const leftSecretMessage = (masked: string): string =>
  `an OpenAI secret key (${masked}) is committed here where no migrated client's options hold it, so it is left in place: revoke and rotate it, then read it from the environment (on Azure OpenAI, AZURE_OPENAI_API_KEY, or use Entra ID)`;

/**
 * OpenAI secret keys the other transforms did not replace (migration spec rule 34: every match is reported). A key
 * in a migrated client's options is replaced there; one held elsewhere (a settings object, a seed script, a test, a
 * client left on OpenAI) cannot be, since what reads it is unknown or stays OpenAI's. Each gets a marker and a report entry, masked, as a key left in the source.
 * Runs last: the keys other transforms removed are gone from the tree by then.
 */
export const leftSecrets: Transform = {
  name: 'left-secrets',
  apply(ctx) {
    if (!mayHoldSecret(ctx.source)) return;
    const text = (node: Node): string => (node.type === 'TemplateElement' ? (node.value.cooked ?? node.value.raw) : node.value);
    for (const type of TEXT_LITERALS) {
      for (const path of ctx.index.find(type, (n) => typeof text(n) === 'string' && mayHoldSecret(text(n)))) {
        const node = path.node as Node;
        const statement = statementOf(path);
        const context = ctx.source.slice((statement.node as Node).start ?? node.start, (statement.node as Node).end ?? node.end);
        const [key] = findOpenAIKeys(text(node), () => context);
        if (!key) continue;
        const masked = maskSecret(key.secret);
        ctx.todo(type === 'TemplateElement' ? path.parent : path, leftSecretMessage(masked));
        ctx.secret(node, masked, true);
      }
    }
  },
};

export default asJscodeshift(leftSecrets);
