import { basename } from 'node:path';
import { isMigrationCandidate } from '../core/prefilter.js';
import { specifierLines } from '../project/specifiers.js';
import { discoverCodeAndConfig, isSourceFile, type GlobFilter } from './discover.js';
import { screenFile } from './limits.js';

/** One discovered file, as the pre-filter sees it. */
export type Screened =
  | { file: string; kind: 'config' }
  | { file: string; kind: 'candidate' }
  | { file: string; kind: 'skipped'; reason: string }
  | { file: string; kind: 'irrelevant'; specifiers?: string };

/** What the scan worker is given. */
export interface ScanWorkerData {
  roots: string[];
  globs?: GlobFilter;
  maxSize: number;
}

/** What the scan worker posts: files in discovery order, then the end (or the error that stopped the walk). */
export type ScanMessage = { screened: Screened[] } | { done: true } | { error: { message: string; code?: string } };

/**
 * Discover and pre-filter: every code and config file under `roots`, in discovery order, each source file read within
 * `maxSize` and tested for whether it may involve OpenAI. Unreadable files stay candidates, so they fail visibly
 * instead of vanishing.
 */
export async function* screenTree(roots: readonly string[], globs: GlobFilter | undefined, maxSize: number): AsyncGenerator<Screened> {
  for await (const file of discoverCodeAndConfig(roots, globs)) {
    if (!isSourceFile(basename(file))) {
      yield { file, kind: 'config' };
      continue;
    }
    const screening = screenFile(file, maxSize, isMigrationCandidate);
    if (screening.kind === 'skipped') yield { file, kind: 'skipped', reason: screening.reason };
    else if (screening.kind !== 'irrelevant') yield { file, kind: 'candidate' };
    else yield { file, kind: 'irrelevant', specifiers: screening.text === undefined ? undefined : specifierLines(screening.text) };
  }
}
