import { readdirSync, type Dirent } from 'node:fs';
import { sep } from 'node:path';
import { enterDir, isIgnored, type IgnoreLayer } from './gitignore.js';

/** What a walk enters and yields, beyond what the ignore files already exclude. */
export interface WalkFilter {
  enterDir(name: string, path: string): boolean;
  acceptFile(name: string, path: string): boolean;
  /** Accepted files yielded even when an ignore file covers them. */
  keepsIgnored?(name: string): boolean;
}

const byName = (a: { name: string }, b: { name: string }): number => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/** `join(dir, name)` for a resolved folder and a plain entry name, without `join`'s normalising (once per entry). */
const child = (dir: string, name: string): string => (dir.endsWith(sep) ? dir + name : dir + sep + name);

/** Folders listed between two turns of the event loop, so a signal (Ctrl-C) is heard during a long walk. */
const DIRS_PER_TURN = 64;
/** What the synchronous walk yields when it is time to give the event loop a turn. */
const TURN = Symbol('turn');

/**
 * The files under `dir` (a resolved absolute path), absolute, streamed in a deterministic order (each folder sorted
 * by name), honouring every `.gitignore` on the way. `layers` are those in force inside `dir` itself. Symlinks are
 * skipped: following them risks cycles, and an atomic rename would replace a link with a plain file.
 *
 * Folders are listed synchronously: an asynchronous `readdir` per folder costs several times the listing itself
 * (a thread-pool round trip and promise per folder; deep trees have one folder per two files), and a walk has
 * nothing else to wait on. The event loop still gets a turn every {@link DIRS_PER_TURN} folders.
 */
export async function* walkTree(dir: string, layers: readonly IgnoreLayer[], filter: WalkFilter): AsyncGenerator<string> {
  const counter = { dirs: 0 };
  for (const item of walkEntries(dir, readdirSync(dir, { withFileTypes: true }), layers, filter, counter)) {
    if (item === TURN) await new Promise((done) => setImmediate(done));
    else yield item;
  }
}

function* walkEntries(
  dir: string,
  entries: Dirent[],
  layers: readonly IgnoreLayer[],
  filter: WalkFilter,
  counter: { dirs: number },
): Generator<string | typeof TURN> {
  for (const entry of entries.sort(byName)) {
    const path = child(dir, entry.name);
    if (entry.isDirectory()) {
      if (filter.enterDir(entry.name, path) && !isIgnored(path, true, layers)) {
        const inner = readdirSync(path, { withFileTypes: true });
        // Its own .gitignore is read only when the listing has one: no failed open per folder.
        const own = inner.some((e) => e.name === '.gitignore') ? enterDir(layers, path) : layers;
        if (++counter.dirs % DIRS_PER_TURN === 0) yield TURN;
        yield* walkEntries(path, inner, own, filter, counter);
      }
    } else if (entry.isFile() && filter.acceptFile(entry.name, path) && (filter.keepsIgnored?.(entry.name) || !isIgnored(path, false, layers))) {
      yield path;
    }
  }
}
