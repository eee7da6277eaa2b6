/**
 * Whether a module outside the candidates can tell the project index anything, read from text alone. Its summary
 * matters only through what it holds or passes on: a model constant (it quotes a model name), or a client, provider
 * or constant it imports from a module that matters (re-exported, wrapped, returned). A helper that imports only
 * packages and modules like itself holds none of that, so it is not parsed.
 */
import { readFileSync } from 'node:fs';
import { isModelName } from '../core/models.js';
import { isMigrationCandidate } from '../core/prefilter.js';
import { specifiersIn } from './specifiers.js';
import { indexable } from './summarize-file.js';

/** Quoted strings without quotes inside: where a model name held in a constant appears in the text. */
const QUOTED_TEXT = /(['"`])([^'"`\n]{1,80})\1/g;

/**
 * A quoted base URL of an OpenAI-compatible server (a `/v1` path, a local server): a module that holds one may give an
 * importer's client its base URL (`FileFacts.otherURLs`).
 */
const QUOTED_BASE_URL = /(['"`])https?:\/\/[^'"`\s]*(?:\/v1\/?|localhost|127\.0\.0\.1)[^'"`\s]*\1/;

/** Whether the text quotes a model name: the file may declare a model constant of its own. */
export function quotesModelName(text: string): boolean {
  for (const [, , value] of text.matchAll(QUOTED_TEXT)) if (isModelName(value!)) return true;
  return false;
}

interface Scanned {
  /** A candidate's text (a module outside the run's files), or one quoting a model name or a base URL. */
  source: boolean;
  /** The project modules its text imports. */
  imports: string[];
}

export class Relevance {
  /** Settled answers; a module that reaches no source is settled with all it reaches. */
  private readonly known = new Map<string, boolean>();
  private readonly scanned = new Map<string, Scanned>();

  constructor(
    private readonly candidates: ReadonlySet<string>,
    private readonly resolve: (from: string, spec: string) => string | undefined,
  ) {}

  /** Whether `module`, or a module its text imports (transitively), is a candidate or could declare something the index is about. */
  matters(module: string): boolean {
    const settled = this.known.get(module);
    if (settled !== undefined) return settled;
    const seen = new Set([module]);
    const queue = [module];
    for (let i = 0; i < queue.length; i++) {
      const file = queue[i]!;
      if (this.known.get(file) === true || this.candidates.has(file)) return this.settle(module, true);
      const scanned = this.scan(file);
      if (scanned.source) return this.settle(module, true);
      for (const next of scanned.imports) {
        if (seen.has(next) || this.known.get(next) === false) continue;
        seen.add(next);
        queue.push(next);
      }
    }
    // Nothing it reaches matters: neither does anything on the way.
    for (const file of seen) this.known.set(file, false);
    return false;
  }

  private settle(module: string, answer: boolean): boolean {
    this.known.set(module, answer);
    return answer;
  }

  private scan(file: string): Scanned {
    let scanned = this.scanned.get(file);
    if (scanned) return scanned;
    let text = '';
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      // Unreadable: its summary would be null too.
    }
    const imports: string[] = [];
    for (const spec of specifiersIn(text)) {
      const module = this.resolve(file, spec);
      if (module && indexable(module)) imports.push(module);
    }
    scanned = { source: isMigrationCandidate(text) || quotesModelName(text) || QUOTED_BASE_URL.test(text), imports };
    this.scanned.set(file, scanned);
    return scanned;
  }
}
