import { describesOpenAIKey } from '../src/core/index.js';
import { READ_NAMES, envReads, reads, type ReadNames } from './env-reads.js';
import { asJscodeshift } from './lib/run.js';
import type { Transform, TransformContext } from './lib/types.js';

type Node = any; // Babel AST via recast.

/** Text a user reads: string literals, template text, JSX text. */
const TEXT_NODES = ['StringLiteral', 'TemplateElement', 'JSXText'];

/**
 * A variable's name as a word of a message: not inside a longer name, not `NAME=` (a line of an env or config file
 * the code writes, whose keys are that file's, not the environment's).
 */
const wordsOf = (names: readonly string[]): RegExp => new RegExp(`(?<![\\w$])(?:${names.join('|')})(?![\\w$=])`, 'g');

/** The text of a text node, and how to set it (raw text too, so the literal keeps its quotes and escapes). */
function textOf(node: Node): { text: string; set: (rewrite: (raw: string) => string) => void } {
  if (node.type === 'TemplateElement') {
    return {
      text: node.value.raw,
      set: (rewrite) => {
        node.value = { raw: rewrite(node.value.raw), cooked: node.value.cooked == null ? node.value.cooked : rewrite(node.value.cooked) };
      },
    };
  }
  return {
    text: node.value,
    set: (rewrite) => {
      node.value = rewrite(node.value);
      if (node.extra?.raw !== undefined) node.extra = { ...node.extra, raw: rewrite(node.extra.raw), rawValue: node.value };
    },
  };
}

/** How often a name appears as a word of the file's text (reads, messages, comments, locals named like it). */
const mentions = (source: string, name: string): number => source.match(wordsOf([name]))?.length ?? 0;

/**
 * Messages that name an OpenAI variable the file no longer reads name the Azure one it reads now: `throw new
 * Error('OPENAI_API_KEY is not set')` beside a guard env-reads renamed, a warning, JSX text. Only prose (text with a
 * space): a bare name may be a key the code looks up. A name still read anywhere in the file (beside a marker, handed
 * to a library this tool does not migrate) keeps its messages: they still say what the code reads.
 */
export const envMessages: Transform = {
  name: 'env-messages',
  apply(ctx: TransformContext) {
    const names = ctx.shared.get(READ_NAMES) as ReadNames | undefined;
    if (!names) return;
    // A name the file's text holds no more often than the file read it is in no message.
    const named = [...names].filter(([name, { azure, reads }]) => azure !== undefined && mentions(ctx.source, name) > reads);
    if (named.length === 0) return;
    const still = new Set(reads(ctx).map((read) => read.name));
    const azure = new Map(named.filter(([name]) => !still.has(name)).map(([name, read]) => [name, read.azure!]));
    if (azure.size === 0) return;
    const words = wordsOf([...azure.keys()]);
    for (const type of TEXT_NODES) {
      for (const node of ctx.index.nodes(type)) {
        const { text, set } = textOf(node);
        words.lastIndex = 0;
        // A message about an OpenAI key's format (`must start with "sk-"`) is not true of the Azure key: left as it is.
        if (!text.includes(' ') || !words.test(text) || describesOpenAIKey(text)) continue;
        set((raw) => raw.replace(words, (name) => azure.get(name)!));
        ctx.change(node, 'rename');
      }
    }
  },
};

/** Alone under jscodeshift, after the renames it follows. */
export default asJscodeshift(envReads, envMessages);
