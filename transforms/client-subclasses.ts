import type { ASTPath } from 'jscodeshift';
import { clientSubclassMessage } from '../src/core/index.js';
import { clientSideMessage } from './lib/client-side.js';
import { extendedClient } from './lib/client-subclasses.js';
import { asJscodeshift } from './lib/run.js';
import type { Transform } from './lib/types.js';

type Node = any; // Babel AST via recast.

/**
 * Classes that extend a client class (`class Chat extends ChatOpenAI`, `class Client extends OpenAI`): their instances
 * talk to OpenAI as the parent's do, and their constructors decide the options, so they get a marker naming the
 * Azure class to extend instead (in browser code, the browser marker: an Azure class there would read `process.env`);
 * a subclass that serves another vendor (named after it, or pointed at it in its constructor) is left unmarked.
 * Their constructions are not rewritten, and the keys handed to them keep their names (env-reads).
 */
export const clientSubclasses: Transform = {
  name: 'client-subclasses',
  apply(ctx) {
    if (!/\bextends\b/.test(ctx.source)) return;
    const classes = [...ctx.index.find('ClassDeclaration', (n) => !!n.superClass), ...ctx.index.find('ClassExpression', (n) => !!n.superClass)];
    for (const path of classes as ASTPath<Node>[]) {
      const parent = extendedClient(ctx, path);
      if (!parent || parent.vendor) continue;
      ctx.todo(path, clientSideMessage(ctx) ?? clientSubclassMessage(parent.name, parent.module, parent.azure));
      ctx.outcome.leavesOpenAI = true;
    }
  },
};

export default asJscodeshift(clientSubclasses);
