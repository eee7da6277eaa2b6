/**
 * Limits that keep one file from taking a run down: files over a size limit, minified bundles and binary files are
 * skipped before any parse, with a reason. Only files that mention OpenAI at all are reported as skipped; the rest
 * are simply not candidates, as before.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { mayInvolveOpenAI } from '../core/prefilter.js';
import { decodeUtf8 } from './text-format.js';

export const DEFAULT_MAX_FILE_SIZE = 1_000_000;

/** A line this long with this little whitespace is machine output (minified code, bundles), not code to rewrite. */
const MINIFIED_LINE = 1000;
const MINIFIED_WHITESPACE_SHARE = 0.1;
/** Share of the text in such lines above which a file counts as minified. */
const MINIFIED_SHARE = 0.5;
const MINIFIED_NAME = /\.min\.[cm]?[jt]sx?$/i;
/** Chunk of a too-large file scanned at a time, and the overlap that keeps a token cut at a boundary findable. */
const CHUNK = 1 << 16;
const OVERLAP = 256;

const utf8 = new TextDecoder('utf-8', { fatal: true });
/** One read buffer for every file screened (each is decoded to a string before the next is read). */
let scratch = Buffer.allocUnsafe(CHUNK);

/**
 * What the pre-filter learns about one file. `text` is the decoded content of a readable, in-limit text file (an
 * irrelevant one's too, for a caller that reads more from it).
 */
export type Screening =
  | { kind: 'text'; text: string }
  | { kind: 'skipped'; reason: string }
  | { kind: 'irrelevant'; text?: string }
  | { kind: 'unreadable' };

/** `8.1 MB`, `500 kB`, `900 B` (decimal units, as file managers show them). */
export function formatSize(bytes: number): string {
  const [unit, size] = bytes >= 1e6 ? ['MB', 1e6] : bytes >= 1e3 ? ['kB', 1e3] : ['B', 1];
  return `${Number((bytes / size).toFixed(1))} ${unit}`;
}

/**
 * Whether most of a file is long, dense lines like minified code. Long prose lines (prompts) have spaces; a test
 * file with a few long fixture lines (SSE payloads, SVG paths) is still mostly code. A long line's string, template
 * and JSX-attribute literals (an SVG path, a base64 image) are data, not code: neither side of the share counts them.
 */
export function looksMinified(text: string, name = ''): boolean {
  if (MINIFIED_NAME.test(name)) return true;
  let dense = 0;
  let literals = 0;
  for (let start = 0; start < text.length; ) {
    const end = text.indexOf('\n', start);
    const stop = end === -1 ? text.length : end;
    if (stop - start >= MINIFIED_LINE) {
      const { code, spaces } = codeOutsideLiterals(text, start, stop);
      literals += stop - start - code;
      if (spaces / code < MINIFIED_WHITESPACE_SHARE) dense += code;
    }
    start = stop + 1;
  }
  return dense > (text.length - literals) * MINIFIED_SHARE;
}

/** Quotes that open a literal: `"`, `'`, `` ` ``. */
const QUOTES = new Set([34, 39, 96]);

/**
 * The characters of one line outside its quoted literals, and the spaces among them. A literal is closed at the
 * line's end at the latest: a rough scan (a quote in a regex or a comment may shift it), enough for a share.
 */
function codeOutsideLiterals(text: string, start: number, stop: number): { code: number; spaces: number } {
  let code = 0;
  let spaces = 0;
  let quote = 0;
  for (let i = start; i < stop; i++) {
    const c = text.charCodeAt(i);
    if (quote) {
      if (c === 92) i++;
      else if (c === quote) quote = 0;
    } else if (QUOTES.has(c)) quote = c;
    else {
      code++;
      if (c === 32 || c === 9) spaces++;
    }
  }
  return { code, spaces };
}

/** Whether a file too large to read whole mentions OpenAI: scanned in bounded chunks, never held in memory. */
function mentionsOpenAI(fd: number, relevant: (text: string) => boolean): boolean {
  const buffer = Buffer.alloc(CHUNK);
  let tail = '';
  for (let position = 0; ; ) {
    const n = readSync(fd, buffer, 0, CHUNK, position);
    if (n === 0) return false;
    position += n;
    // latin1: a byte per character, so a multi-byte sequence cut at the boundary cannot throw; tokens are ASCII.
    const chunk = tail + buffer.toString('latin1', 0, n);
    if (relevant(chunk)) return true;
    tail = chunk.slice(-OVERLAP);
  }
}

/**
 * Read a file for the pre-filter within the limits: at most `maxSize` bytes are ever held, decoded once. `relevant`
 * is the text test a file must pass to matter at all (`check`: anything a rule may find; `migrate`: a candidate).
 * Synchronous: most files are small, and thousands of async open/read/close round trips cost far more CPU.
 */
export function screenFile(file: string, maxSize: number, relevant: (text: string) => boolean = mayInvolveOpenAI): Screening {
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    const { size } = fstatSync(fd);
    if (size > maxSize) {
      return mentionsOpenAI(fd, relevant) ? { kind: 'skipped', reason: `too large: ${formatSize(size)} > ${formatSize(maxSize)}` } : { kind: 'irrelevant' };
    }
    if (scratch.length < size) scratch = Buffer.allocUnsafe(Math.max(size, scratch.length * 2));
    let read = 0;
    while (read < size) {
      const n = readSync(fd, scratch, read, size - read, read);
      if (n === 0) break;
      read += n;
    }
    const content = scratch.subarray(0, read);
    let text: string;
    try {
      if (content.includes(0)) throw new Error('NUL byte');
      text = decodeUtf8(content, utf8);
    } catch {
      return relevant(content.toString('latin1')) ? { kind: 'skipped', reason: 'binary' } : { kind: 'irrelevant' };
    }
    if (!relevant(text)) return { kind: 'irrelevant', text };
    return looksMinified(text, file) ? { kind: 'skipped', reason: 'minified' } : { kind: 'text', text };
  } catch {
    return { kind: 'unreadable' };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
