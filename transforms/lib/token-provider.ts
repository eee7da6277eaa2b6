import { AZURE_IDENTITY_PACKAGE, EDGE_ENTRA_MESSAGE, runsOnEdge, TOKEN_SCOPES } from '../../src/core/index.js';
import { invalidateIndex } from './file-index.js';
import { TOKEN_PROVIDER } from './client-options.js';
import { addTopLevelImport, insertionIndex, programBody } from './imports.js';
import { statements, str } from './snippets.js';
import { insertTopLevel } from './top-level.js';
import { needsPackage, type TransformContext } from './types.js';

type Node = any; // Babel AST via recast.

/** The scope constant's name: one place for the user to change the token audience (sovereign clouds). */
const SCOPE_CONSTANT = 'AZURE_OPENAI_SCOPE';

function declaresTopLevel(body: readonly Node[], name: string): boolean {
  return body.some(
    (s) => s.type === 'VariableDeclaration' && s.declarations.some((d: Node) => d.id.type === 'Identifier' && d.id.name === name),
  );
}

/**
 * Give the file its one module-level Entra ID token provider, declared before `firstUse` (the top-level statement
 * holding the first client) so no client reads it in its temporal dead zone.
 */
export function ensureTokenProvider(ctx: TransformContext, firstUse: Node): void {
  needsPackage(ctx.outcome, 'add', AZURE_IDENTITY_PACKAGE);
  const body = programBody(ctx);
  if (declaresTopLevel(body, TOKEN_PROVIDER)) return;
  addTopLevelImport(ctx, ['DefaultAzureCredential', 'getBearerTokenProvider'], AZURE_IDENTITY_PACKAGE, firstUse);
  const scope = TOKEN_SCOPES[ctx.options.target];
  const declarations = statements(
    ctx,
    `const ${SCOPE_CONSTANT} = ${str(ctx, scope)};\n` +
      `const ${TOKEN_PROVIDER} = getBearerTokenProvider(new DefaultAzureCredential(), ${SCOPE_CONSTANT});`,
  );
  insertTopLevel(body, insertionIndex(body, firstUse), declarations);
  if (runsOnEdge(ctx.source)) {
    invalidateIndex(ctx.root);
    ctx.todo(ctx.index.pathOf(declarations[declarations.length - 1]), EDGE_ENTRA_MESSAGE);
  }
}
