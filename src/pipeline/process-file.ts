import { readFileSync } from 'node:fs';
import { relative, sep } from 'node:path';
import type { FileFacts } from '../core/index.js';
import type { FileSummary } from '../project/summarize.js';
import { observedNoFacts, type FactRead } from './fact-reads.js';
import { packageNeeds, stillReferenced } from '../config-files/package-needs.js';
import { redactSecrets } from './redact.js';
import { decodeText, decodeUtf8, encodeText } from './text-format.js';
import type { FileResult, ProcessSettings } from './types.js';
import { writeFileAtomic } from './write.js';

// ignoreBOM keeps a BOM in the text (the default would drop it silently), so it can be restored on write.
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export function displayPath(file: string, cwd: string): string {
  return relative(cwd, file).split(sep).join('/');
}

/**
 * The transforms and their runner (jscodeshift, Babel, recast), loaded on first use: a main thread that hands every
 * file to workers, or a run with no candidate, never pays for loading them.
 */
let engine:
  | Promise<
      [
        typeof import('../../transforms/index.js'),
        typeof import('../../transforms/lib/run.js'),
        typeof import('../project/summarize-file.js'),
      ]
    >
  | undefined;
export const loadEngine = (): NonNullable<typeof engine> =>
  (engine ??= Promise.all([
    import('../../transforms/index.js'),
    import('../../transforms/lib/run.js'),
    import('../project/summarize-file.js'),
  ]));

function errorMessage(error: unknown): string {
  return redactSecrets(error instanceof Error ? error.message : String(error));
}

/** A file's result before anything is written: `output` is the text to write when it changed and this is no dry run. */
export interface Transformed {
  result: FileResult;
  output?: string;
  /**
   * Asked for (`summarize`): the project index's summary of the file (plain data: it crosses worker threads), made
   * from the transforms' own plain parse, or from one of its own for a file runTransforms sends to recast at once. Null when the index leaves the file out (not a module it reads, or it does not
   * parse); absent when the file could not be read as text, or summarising it threw: the index reads it its own way.
   */
  summary?: FileSummary | null;
  /** Transformed with no facts, observed (`observedNoFacts`): what the transforms read of them. */
  factReads?: FactRead[];
}

function failedResult(result: FileResult, error: unknown): FileResult {
  return { ...result, status: 'failed', changes: [], todos: [], secrets: [], env: [], notes: [], error: errorMessage(error) };
}

/**
 * Read one file and run every transform on one parse, writing nothing; with `summarize`, also summarise it for the
 * project index (`Transformed.summary`), from that same parse when it is a plain one. Never throws: a file that cannot be read, decoded,
 * parsed or transformed is a `failed` result.
 */
export async function transformFile(
  file: string,
  facts: FileFacts | undefined,
  settings: ProcessSettings,
  summarize = false,
): Promise<Transformed> {
  const path = displayPath(file, settings.cwd);
  const result: FileResult = { file, path, status: 'unchanged', changes: [], todos: [], secrets: [], env: [], notes: [] };
  const transformed: Transformed = { result };
  try {
    // Decoding strictly: rewriting a file that is not UTF-8 would corrupt its other bytes. Read synchronously: the
    // thread has nothing else to do meanwhile, and an async read costs four thread-pool round trips per file.
    const original = decodeUtf8(readFileSync(file), utf8);
    const { body, format } = decodeText(original);
    const [{ TRANSFORMS }, { runTransforms }, index] = await loadEngine();
    let onPlainTree: ((tree: unknown) => void) | undefined;
    // Stays null if the file does not parse: the index leaves it out then, as it would reading it itself.
    if (summarize) transformed.summary = null;
    if (summarize && index.indexable(file)) onPlainTree = (tree) => (transformed.summary = summaryOf(() => index.summarizeTree(tree, body)));
    const run = runTransforms(TRANSFORMS, { source: body, path: file, options: settings.options, facts, onPlainTree });
    // Known only once transformed: what its importers' keys must keep (see FileSummary.leavesOpenAI).
    if (run.outcome.leavesOpenAI && transformed.summary) transformed.summary.leavesOpenAI = true;
    if (run.outcome.changes.length > 0 && transformed.summary) transformed.summary.migrated = true;
    if (run.outcome.agentsOnOtherVendor && transformed.summary) transformed.summary.agentsOnOtherVendor = true;
    const output = encodeText(run.output, format);
    const { changes, todos, secrets, env, notes } = run.outcome;
    Object.assign(result, { changes, todos, secrets, env, notes: notes.map(redactSecrets) });
    if (run.outcome.deployments) result.deployments = run.outcome.deployments;
    if (run.outcome.apiVersions) result.apiVersions = run.outcome.apiVersions;
    if (run.outcome.staleEnv) result.staleEnv = run.outcome.staleEnv;
    const packages = packageNeeds(body, run.output, run.outcome.packages);
    if (packages) result.packages = packages;
    const imports = stillReferenced(run.output);
    if (imports.length > 0) result.imports = imports;
    if (!run.changed || output === original) return transformed;
    result.status = 'changed';
    if (settings.diff) {
      // Loaded on demand: only runs that print diffs need the diff library.
      const { createTwoFilesPatch, FILE_HEADERS_ONLY } = await import('diff');
      const patch = createTwoFilesPatch(`a/${path}`, `b/${path}`, body, run.output, undefined, undefined, {
        headerOptions: FILE_HEADERS_ONLY,
      });
      result.diff = redactSecrets(patch);
    }
    if (settings.keepText) Object.assign(result, { before: body, after: run.output });
    if (!settings.dryRun) transformed.output = output;
    return transformed;
  } catch (error) {
    return { ...transformed, result: failedResult(result, error) };
  }
}

/**
 * A candidate transformed ahead of the project index, summarised for it: with no facts, each read the transforms make
 * of them recorded (`factReads`), so that the facts the index then gives can be checked against them (`aheadStands`).
 */
export async function transformAhead(file: string, settings: ProcessSettings): Promise<Transformed> {
  const observed = observedNoFacts();
  return { ...(await transformFile(file, observed.facts, settings, true)), factReads: observed.reads };
}

/** A summary; undefined if summarising throws (the index reads the file itself then, and fails as it always has). */
function summaryOf(summarize: () => FileSummary | null): FileSummary | null | undefined {
  try {
    return summarize();
  } catch {
    return undefined;
  }
}

/** Write a transformed file (atomically) when it has an output; a write that fails makes the result `failed`. */
export async function writeTransformed({ result, output }: Transformed): Promise<FileResult> {
  if (output === undefined) return result;
  try {
    await writeFileAtomic(result.file, output);
    return result;
  } catch (error) {
    return failedResult(result, error);
  }
}

/**
 * Read one file, run every transform on one parse, and write the result back (unless dry-run). Never throws: a file
 * that cannot be read, decoded, parsed, transformed or written is a `failed` result and stays as it was.
 */
export async function processFile(file: string, facts: FileFacts | undefined, settings: ProcessSettings): Promise<FileResult> {
  return writeTransformed(await transformFile(file, facts, settings));
}
