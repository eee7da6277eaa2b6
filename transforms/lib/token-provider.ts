import { AZURE_IDENTITY_PACKAGE, EDGE_ENTRA_MESSAGE, runsOnEdge, TOKEN_SCOPES } from '../../src/core/index.js';
import { invalidateIndex } from './file-index.js';
import { addTopLevelImport, freeName, insertionIndex, programBody } from './imports.js';
import { statements, str } from './snippets.js';
import { insertTopLevel } from './top-level.js';
import { needsPackage, type TransformContext } from './types.js';

type Node = any; // Babel AST via recast.

/** The one token provider a file gets under `--auth entra-id`, named so where the file binds no such name already. */
export const TOKEN_PROVIDER = 'azureADTokenProvider';

/** The scope constant's name: one place for the user to change the token audience (sovereign clouds). */
const SCOPE_CONSTANT = 'AZURE_OPENAI_SCOPE';

const PROVIDER_FACTORY = 'getBearerTokenProvider';

const makesTokenProvider = (d: Node): boolean =>
  d.id.type === 'Identifier' && d.init?.type === 'CallExpression' && d.init.callee?.name === PROVIDER_FACTORY;

/** The file's top-level `const x = getBearerTokenProvider(…)`: one an earlier transform added, or the file's own. */
export function tokenProviderStatement(body: readonly Node[]): Node | undefined {
  return body.find((s) => s.type === 'VariableDeclaration' && s.declarations.some(makesTokenProvider));
}

/**
 * The token provider's name: that of the file's provider, else `azureADTokenProvider` or, where the file binds that
 * name to something else, a free one (asked before the provider is added or after, the answer is the same).
 */
export function tokenProvider(ctx: TransformContext): string {
  return tokenProviderStatement(programBody(ctx))?.declarations.find(makesTokenProvider).id.name ?? freeName(ctx, TOKEN_PROVIDER, '');
}

/** An option handing the client the token provider: `azureADTokenProvider`, or `apiKey: azureADTokenProvider2`. */
export function tokenProviderOption(ctx: TransformContext, option: string): string {
  const local = tokenProvider(ctx);
  return local === option ? local : `${option}: ${local}`;
}

/**
 * Give the file its one module-level Entra ID token provider, declared before `firstUse` (the top-level statement
 * holding the first client) so no client reads it in its temporal dead zone.
 */
export function ensureTokenProvider(ctx: TransformContext, firstUse: Node): void {
  needsPackage(ctx.outcome, 'add', AZURE_IDENTITY_PACKAGE);
  const body = programBody(ctx);
  if (tokenProviderStatement(body)) return;
  const provider = tokenProvider(ctx);
  const scope = freeName(ctx, SCOPE_CONSTANT, '');
  addTopLevelImport(ctx, ['DefaultAzureCredential', PROVIDER_FACTORY], AZURE_IDENTITY_PACKAGE, firstUse);
  const declarations = statements(
    ctx,
    `const ${scope} = ${str(ctx, TOKEN_SCOPES[ctx.options.target])};\n` +
      `const ${provider} = ${PROVIDER_FACTORY}(new DefaultAzureCredential(), ${scope});`,
  );
  insertTopLevel(body, insertionIndex(body, firstUse), declarations);
  if (runsOnEdge(ctx.source)) {
    invalidateIndex(ctx.root);
    ctx.todo(ctx.index.pathOf(declarations[declarations.length - 1]), EDGE_ENTRA_MESSAGE);
  }
}
