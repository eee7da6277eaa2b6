import type { ASTPath } from 'jscodeshift';
import { OPENAI_ERROR_MESSAGE, OPENAI_ERROR_SIGNS } from '../src/core/index.js';
import { clientCalls } from './lib/calls.js';
import { asJscodeshift } from './lib/run.js';
import type { Transform } from './lib/types.js';

type Node = any; // Babel AST via recast.

/** Cheap test of a file's text: it names one of OpenAI's error codes or messages. */
const SIGNS = new RegExp(OPENAI_ERROR_SIGNS.map((s) => s.replace(/ /g, '\\s')).join('|'), 'i');

/**
 * Error handling written for OpenAI's error codes and messages (`error.code === 'insufficient_quota'`, a message
 * that says "incorrect api key"), in a file whose client calls move to Azure: each such string gets a marker
 * (spec §11.16). Not rewritten: which Azure error stands for it is the code's decision.
 */
export const openaiErrors: Transform = {
  name: 'openai-errors',
  apply(ctx) {
    if (!SIGNS.test(ctx.source) || clientCalls(ctx).length === 0) return;
    const sign = (node: Node): boolean => {
      const text = node.type === 'StringLiteral' ? node.value : node.type === 'TemplateElement' ? node.value.cooked : undefined;
      return typeof text === 'string' && OPENAI_ERROR_SIGNS.some((s) => text.toLowerCase().includes(s));
    };
    for (const type of ['StringLiteral', 'TemplateElement']) {
      ctx.index.find(type, sign).forEach((path: ASTPath<Node>) => ctx.todo(path, OPENAI_ERROR_MESSAGE));
    }
  },
};

export default asJscodeshift(openaiErrors);
