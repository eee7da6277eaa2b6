import type { Dirent } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { enterDir, isIgnored, type IgnoreLayer } from './gitignore.js';

/** What a walk enters and yields, beyond what the ignore files already exclude. */
export interface WalkFilter {
  enterDir(name: string, path: string): boolean;
  acceptFile(name: string, path: string): boolean;
  /** Accepted files yielded even when an ignore file covers them. */
  keepsIgnored?(name: string): boolean;
}

const byName = (a: { name: string }, b: { name: string }): number => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/**
 * The files under `dir`, absolute, streamed in a deterministic order (each folder sorted by name), honouring every
 * `.gitignore` on the way. `layers` are those in force inside `dir` itself. Symlinks are skipped: following them
 * risks cycles, and an atomic rename would replace a link with a plain file.
 */
export async function* walkTree(dir: string, layers: readonly IgnoreLayer[], filter: WalkFilter): AsyncGenerator<string> {
  yield* walkEntries(dir, await readdir(dir, { withFileTypes: true }), layers, filter);
}

async function* walkEntries(
  dir: string,
  entries: Dirent[],
  layers: readonly IgnoreLayer[],
  filter: WalkFilter,
): AsyncGenerator<string> {
  for (const entry of entries.sort(byName)) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (filter.enterDir(entry.name, path) && !isIgnored(path, true, layers)) {
        const inner = await readdir(path, { withFileTypes: true });
        // Its own .gitignore is read only when the listing has one: no failed open per folder.
        const own = inner.some((e) => e.name === '.gitignore') ? await enterDir(layers, path) : layers;
        yield* walkEntries(path, inner, own, filter);
      }
    } else if (entry.isFile() && filter.acceptFile(entry.name, path) && (filter.keepsIgnored?.(entry.name) || !isIgnored(path, false, layers))) {
      yield path;
    }
  }
}
