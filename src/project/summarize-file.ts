import { readFileSync } from 'node:fs';
import type * as t from '@babel/types';
import { isMigrationCandidate } from '../core/prefilter.js';
import { TRANSFORMS } from '../../transforms/index.js';
import { runTransforms } from '../../transforms/lib/run.js';
import { indexOfTree, nodesOfTree } from '../../transforms/lib/file-index.js';
import { parserNameFor, plainParserFor } from '../../transforms/lib/parser.js';
import { summarize, type FileSummary } from './summarize.js';

const DECLARATION_FILE = /\.d\.[cm]?ts$/;

/** Whether the index reads this file: a source file the transforms' parsers know, not a declaration file. */
export function indexable(file: string): boolean {
  return !DECLARATION_FILE.test(file) && parserNameFor(file, '') !== undefined;
}

/**
 * Read, parse and summarise a file the transforms do not parse (a module a candidate imports, an importer): with the
 * transforms' plain Babel parser for the file, so its summary is the one the transform pass would make. Null when the
 * file is not indexable, cannot be read or does not parse; a summary that throws throws.
 */
export function summarizeFile(file: string, read?: string): FileSummary | null {
  if (!indexable(file)) return null;
  let text: string;
  try {
    text = (read ?? readFileSync(file, 'utf8')).replace(/^\uFEFF/, '');
  } catch {
    return null;
  }
  if (isMigrationCandidate(text)) return summarizeTransformed(file, text);
  let ast: t.File;
  try {
    ast = plainParserFor(parserNameFor(file, text)!).parse(text) as unknown as t.File;
  } catch {
    return null;
  }
  return summarize(ast, text, nodesOfTree(ast));
}

/**
 * A candidate the transform pass did not summarise (`migrate` sharded: another part's), summarised from the
 * transforms' parse and run as that pass would: whether it still sends requests to OpenAI once migrated
 * (`FileSummary.leavesOpenAI`) is known only then.
 */
function summarizeTransformed(file: string, text: string): FileSummary | null {
  let summary: FileSummary | null = null;
  try {
    const run = runTransforms(TRANSFORMS, { source: text, path: file, onPlainTree: (tree) => (summary = summarizeTree(tree, text)) });
    if (summary && run.outcome.leavesOpenAI) (summary as FileSummary).leavesOpenAI = true;
    if (summary && run.outcome.changes.length > 0) (summary as FileSummary).migrated = true;
    if (summary && run.outcome.agentsOnOtherVendor) (summary as FileSummary).agentsOnOtherVendor = true;
  } catch {
    // Parsed but not transformed: summarised all the same, as the transform pass does for a file that fails.
  }
  return summary;
}

/**
 * The summary of a tree the transforms parsed (Babel's plain `File`, from `runTransforms`' `onPlainTree`), read from
 * the file index the transforms then use too.
 */
export function summarizeTree(tree: unknown, text: string): FileSummary {
  return summarize(tree as t.File, text, indexOfTree(tree));
}
