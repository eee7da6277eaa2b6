import { isOpenAIEnvName } from '../core/index.js';
import { canonicalOrder, fateOf, isDeploymentVariable, type ConfigContext } from './env-plan.js';
import { emptyEdit, lineAt, type ConfigEdit } from './types.js';

/** A JSON array of plain values (no nested array): turbo's env lists are arrays of strings. */
const ARRAY = /\[[^[\]]*\]/g;
const STRING = /"((?:[^"\\]|\\.)*)"/g;
/** Every deployment variable the code reads, in one entry (turbo's lists take `*` wildcards since 1.10). */
const DEPLOYMENTS = 'AZURE_OPENAI_DEPLOYMENT*';

/**
 * Turborepo's env lists (`globalEnv`, `globalPassThroughEnv`, a task's `env` and `passThroughEnv`): in strict mode, a
 * task's process gets only the variables listed, so the Azure variables the migrated code reads must be listed
 * where its OpenAI ones were. In each list that names an OpenAI variable, one the code reads no more is renamed as
 * in an env template (`OPENAI_API_KEY` → `AZURE_OPENAI_API_KEY`), and the code's other variables are added after it,
 * its deployment variables as one wildcard entry.
 * Only those strings change: the lists' layout, blank lines and comments stay.
 */
export function editTurbo(body: string, ctx: ConfigContext): ConfigEdit {
  const edit = emptyEdit(body);
  if (ctx.env.length === 0) return edit;
  const added = new Set<string>();
  edit.output = body.replace(ARRAY, (array, offset: number) => {
    const items = [...array.matchAll(STRING)];
    const openai = items.filter((m) => isOpenAIEnvName(m[1]!));
    if (openai.length === 0) return array;
    const renames = new Map(openai.flatMap((m) => {
      const fate = fateOf(m[1]!, '', ctx);
      return fate.kind === 'rename' ? [[m.index, fate.to] as const] : [];
    }));
    const listed = new Set(items.map((m) => renames.get(m.index) ?? m[1]!));
    const unlisted = ctx.env.filter((name) => !listed.has(name));
    const deployments = unlisted.some((name) => isDeploymentVariable(name, ctx)) && !listed.has(DEPLOYMENTS);
    const missing = [...canonicalOrder(unlisted.filter((name) => !isDeploymentVariable(name, ctx))), ...(deployments ? [DEPLOYMENTS] : [])];
    if (renames.size === 0 && missing.length === 0) return array;
    const anchor = openai[0]!;
    const anchorEnd = anchor.index + anchor[0].length;
    const lineStart = array.lastIndexOf('\n', anchor.index) + 1;
    const ownLine = lineStart > 0 && /^[ \t]*$/.test(array.slice(lineStart, anchor.index));
    const separator = ownLine ? `,\n${array.slice(lineStart, anchor.index)}` : ', ';
    let out = '';
    let at = 0;
    for (const m of items) {
      const to = renames.get(m.index);
      const end = m.index + m[0].length;
      out += array.slice(at, m.index) + (to === undefined ? m[0] : JSON.stringify(to));
      if (m === anchor) out += missing.map((name) => separator + JSON.stringify(name)).join('');
      at = end;
      if (to !== undefined) edit.changes.push({ line: lineAt(body, offset + m.index), kind: 'rename' });
    }
    if (missing.length > 0) edit.changes.push({ line: lineAt(body, offset + anchorEnd) + 1, kind: 'env' });
    for (const name of missing) added.add(name);
    return out + array.slice(at);
  });
  if (added.size > 0) edit.notes.push(`listed ${[...added].join(', ')} where turbo's env lists name OpenAI's: strict mode passes a task only the variables listed`);
  edit.changes.sort((a, b) => a.line - b.line);
  return edit;
}
