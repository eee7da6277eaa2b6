import { addTopLevelImport, isEsmFile, lastImportIndex, programBody } from './imports.js';
import { statements, str } from './snippets.js';
import { importSlot, insertTopLevel } from './top-level.js';
import type { TransformContext } from './types.js';

/** Where `openai` exports its resource types (chat, embeddings, images, …). */
export const OPENAI_TYPES_MODULE = 'openai/resources';

/** `import type { A, B } from 'module'` with the file's imports (TS ESM), else in the file's import style. */
export function addTypeImport(ctx: TransformContext, module: string, names: readonly string[]): void {
  if (names.length === 0) return;
  if (!isEsmFile(ctx)) return addTopLevelImport(ctx, names, module);
  const body = programBody(ctx);
  const [statement] = statements(ctx, `import type { ${names.join(', ')} } from ${str(ctx, module)};`);
  const first = body.findIndex((s) => s.type === 'ImportDeclaration');
  insertTopLevel(body, importSlot(body, first, lastImportIndex(body) + 1), [statement]);
}
