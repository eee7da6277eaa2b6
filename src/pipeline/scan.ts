import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { GlobFilter } from './discover.js';
import { DEFAULT_MAX_FILE_SIZE } from './limits.js';
import { displayPath } from './process-file.js';
import { screenTree, type ScanMessage, type ScanWorkerData, type Screened } from './screen.js';
import { ownedBy, type Shard } from './shard.js';
import type { FileResult } from './types.js';

/** What `scan` needs of a migrate request. */
export interface ScanRequest {
  cwd: string;
  paths: readonly string[];
  globs?: GlobFilter;
  maxFileSize?: number;
  signal?: AbortSignal;
  shard?: Shard;
  onScan?(scanned: number): void;
  onSkip?(result: FileResult): void;
}

export interface Scan {
  /** Every source file discovered. */
  scanned: Set<string>;
  /** The module specifiers of those that are not candidates, one per line, read by the pre-filter (for the project index). */
  specifiers: Map<string, string>;
  candidates: string[];
  skipped: FileResult[];
  /** The config files (env templates, YAML, package.json), found by the same walk, for after the code. */
  configFiles: string[];
}

/** How often discovery reports progress. */
const PROGRESS_EVERY = 32;

/** The scan's result built from screened files as they come, with the request's callbacks called in order. */
class ScanBuilder {
  readonly found: Scan = { scanned: new Set(), specifiers: new Map(), candidates: [], skipped: [], configFiles: [] };

  constructor(
    private readonly request: ScanRequest,
    private readonly onCandidate?: (file: string) => void,
  ) {}

  add(screened: Screened): void {
    const { found, request } = this;
    const { file } = screened;
    if (screened.kind === 'config') return void found.configFiles.push(file);
    found.scanned.add(file);
    if (screened.kind === 'skipped') {
      const base = { file, path: displayPath(file, request.cwd), changes: [], todos: [], secrets: [], env: [], notes: [] };
      const result: FileResult = { ...base, status: 'skipped', reason: screened.reason };
      found.skipped.push(result);
      if (ownedBy(result.path, request.shard)) request.onSkip?.(result);
    } else if (screened.kind === 'candidate') {
      found.candidates.push(file);
      this.onCandidate?.(file);
    } else if (screened.specifiers !== undefined) {
      found.specifiers.set(file, screened.specifiers);
    }
    if (found.scanned.size % PROGRESS_EVERY === 0) request.onScan?.(found.scanned.size);
  }

  end(): Scan {
    this.request.onScan?.(this.found.scanned.size);
    return this.found;
  }
}

const roots = (request: Pick<ScanRequest, 'cwd' | 'paths'>): string[] => request.paths.map((p) => resolve(request.cwd, p));

/**
 * The scan's worker script. Absent when the pipeline runs from its TypeScript sources (the in-process tests): the
 * scan then runs on this thread, with the same result.
 */
const WORKER = fileURLToPath(new URL('./scan-worker.js', import.meta.url));

/**
 * Whether a scan can run in a worker thread: the run covers a folder and the worker's script is built. The caller asks
 * when this thread transforms the candidates alone (no pool): discovery and the pre-filter's reads (0.4 s of
 * vercel/ai's 6,275 files) then run beside the transforms of the candidates already found, on the second core.
 */
export function scansInWorker(request: ScanRequest): boolean {
  return !request.signal?.aborted && existsSync(WORKER) && coversFolder(request);
}

/** Whether the run names a folder (not only files, as a pre-commit hook does). */
export function coversFolder(request: Pick<ScanRequest, 'cwd' | 'paths'>): boolean {
  return roots(request).some((root) => statSync(root, { throwIfNoEntry: false })?.isDirectory() ?? false);
}

/**
 * Discover and pre-filter (see `screenTree`), on this thread or in a worker (`inWorker`). Each candidate also goes to
 * `onCandidate` as soon as it is found; a candidate found in a worker arrives while this thread works on others.
 */
export function scan(request: ScanRequest, onCandidate?: (file: string) => void, inWorker = false): Promise<Scan> {
  const builder = new ScanBuilder(request, onCandidate);
  return inWorker ? scanInWorker(request, builder) : scanHere(request, builder);
}

async function scanHere(request: ScanRequest, builder: ScanBuilder): Promise<Scan> {
  for await (const screened of screenTree(roots(request), request.globs, request.maxFileSize ?? DEFAULT_MAX_FILE_SIZE)) {
    if (request.signal?.aborted) break;
    builder.add(screened);
  }
  return builder.end();
}

function scanInWorker(request: ScanRequest, builder: ScanBuilder): Promise<Scan> {
  const data: ScanWorkerData = { roots: roots(request), globs: request.globs, maxSize: request.maxFileSize ?? DEFAULT_MAX_FILE_SIZE };
  const worker = new Worker(WORKER, { workerData: data });
  return new Promise((resolvePromise, reject) => {
    let settled = false;
    const settle = (error?: unknown): void => {
      if (settled) return;
      settled = true;
      request.signal?.removeEventListener('abort', stop);
      void worker.terminate();
      if (error) reject(error);
      else resolvePromise(builder.end());
    };
    // Stopped: what was found so far, as the loop on this thread would break.
    const stop = (): void => settle();
    request.signal?.addEventListener('abort', stop, { once: true });
    worker.on('message', (message: ScanMessage) => {
      if (settled) return;
      if ('screened' in message) for (const screened of message.screened) builder.add(screened);
      else if ('done' in message) settle();
      else settle(Object.assign(new Error(message.error.message), message.error.code ? { code: message.error.code } : {}));
    });
    worker.on('error', (error) => settle(error));
    worker.on('exit', (code) => settle(new Error(`the file scan stopped (exit code ${code})`)));
  });
}
