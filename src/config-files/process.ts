import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { setsOpenAIEnv } from '../core/prefilter.js';
import { DEFAULT_MAX_FILE_SIZE, screenFile } from '../pipeline/limits.js';
import { displayPath } from '../pipeline/process-file.js';
import { redactSecrets } from '../pipeline/redact.js';
import { decodeText, encodeText } from '../pipeline/text-format.js';
import type { FileResult, ProcessSettings } from '../pipeline/types.js';
import { writeFileAtomic } from '../pipeline/write.js';
import type { ConfigContext } from './env-plan.js';
import { editEnvTemplate, envFileNotes } from './env-template.js';
import { configKind, type ConfigKind } from './kinds.js';
import { editImportMap } from './import-map.js';
import { editPackageJson } from './package-json.js';
import { editTurbo } from './turbo.js';
import type { ConfigEdit } from './types.js';

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

type Editor = (body: string, ctx: ConfigContext, file: string) => ConfigEdit | Promise<ConfigEdit>;

/** Each kind's editor; a real `.env` is never rewritten (it only gets notes). The YAML parser loads on first use. */
const EDITORS: Readonly<Record<ConfigKind, Editor>> = {
  'env-template': (body, ctx) => editEnvTemplate(body, ctx),
  'env-file': (body, ctx) => ({ output: body, changes: [], secrets: [], notes: envFileNotes(body, ctx) }),
  yaml: async (body, ctx) => (await import('./yaml-env.js')).editYaml(body, ctx),
  // A workspace's catalogs are read only for a package.json that takes a range from one.
  'package-json': async (body, ctx, file) =>
    editPackageJson(body, ctx.packages?.get(file), body.includes('catalog:') ? (await import('./catalogs.js')).catalogRanges(file) : undefined, ctx),
  'import-map': (body, ctx, file) => editImportMap(body, ctx.importMaps?.get(dirname(file))),
  turbo: (body, ctx) => editTurbo(body, ctx),
};

/** Whether a config file can concern us at all, before any parse: it sets an OpenAI or Azure OpenAI variable. */
function mayConcern(kind: ConfigKind, text: string): boolean {
  return kind === 'package-json' || kind === 'import-map' || setsOpenAIEnv(text);
}

/**
 * Edit one config file as its kind's editor says and write it back (unless dry-run). The limits of code files hold:
 * a file over `maxSize`, minified or binary that may concern us is `skipped` (with the reason) and never parsed.
 * Never throws: a file that cannot be read, decoded or parsed is `failed` and stays byte-for-byte as it was.
 */
export async function processConfigFile(
  file: string,
  ctx: ConfigContext,
  settings: ProcessSettings,
  maxSize = DEFAULT_MAX_FILE_SIZE,
): Promise<FileResult> {
  const path = displayPath(file, settings.cwd);
  const result: FileResult = { file, path, status: 'unchanged', changes: [], todos: [], secrets: [], env: [], notes: [] };
  const kind = configKind(file)!;
  const screening = screenFile(file, maxSize, (text) => mayConcern(kind, text));
  if (screening.kind === 'skipped') return { ...result, status: 'skipped', reason: screening.reason };
  if (screening.kind === 'irrelevant') return result;
  try {
    // Read again rather than reuse the screening's text: this decoding keeps a BOM, to write it back. Synchronous,
    // as the screening's read: a thread-pool round trip per file cost more than the read (162 files in vercel/ai).
    const original = utf8.decode(readFileSync(file));
    const { body, format } = decodeText(original);
    const edit = await EDITORS[kind](body, ctx, file);
    Object.assign(result, { changes: edit.changes, secrets: edit.secrets, notes: edit.notes.map(redactSecrets) });
    const output = encodeText(edit.output, format);
    if (output === original) return result;
    result.status = 'changed';
    if (settings.diff) {
      const { createTwoFilesPatch, FILE_HEADERS_ONLY } = await import('diff');
      const patch = createTwoFilesPatch(`a/${path}`, `b/${path}`, body, edit.output, undefined, undefined, {
        headerOptions: FILE_HEADERS_ONLY,
      });
      result.diff = redactSecrets(patch);
    }
    if (!settings.dryRun) await writeFileAtomic(file, output);
    return result;
  } catch (error) {
    const message = redactSecrets(error instanceof Error ? error.message : String(error));
    return { ...result, status: 'failed', changes: [], secrets: [], notes: [], error: message };
  }
}
