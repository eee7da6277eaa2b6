import { addTopLevelImport, isEsmFile, lastImportIndex, programBody } from './imports.js';
import { statements, str } from './snippets.js';
import type { TransformContext } from './types.js';

/** Where `openai` exports its resource types (chat, embeddings, images, …). */
export const OPENAI_TYPES_MODULE = 'openai/resources';

/**
 * `import type { A, B } from 'openai/resources'` with the file's imports (TS ESM; above the first, so recast keeps the
 * blank line that follows the last), else in the file's import style.
 */
export function addOpenAITypeImport(ctx: TransformContext, names: readonly string[]): void {
  if (names.length === 0) return;
  if (!isEsmFile(ctx)) return addTopLevelImport(ctx, names, OPENAI_TYPES_MODULE);
  const body = programBody(ctx);
  const [statement] = statements(ctx, `import type { ${names.join(', ')} } from ${str(ctx, OPENAI_TYPES_MODULE)};`);
  const first = body.findIndex((s) => s.type === 'ImportDeclaration');
  body.splice(first >= 0 && !body[first].comments?.length ? first : lastImportIndex(body) + 1, 0, statement);
}
