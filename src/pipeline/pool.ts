import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { FileFacts } from '../core/index.js';
import { displayPath, processFile } from './process-file.js';
import type { FileResult, ProcessSettings } from './types.js';

export interface Job {
  file: string;
  facts?: FileFacts;
}
export interface JobMessage {
  id: number;
  job: Job;
}
export interface ResultMessage {
  id: number;
  result: FileResult;
}

/**
 * Stopping a run: once `signal` aborts, no new file is started; the files in flight finish (each write is atomic)
 * and `processAll` resolves with how many were done. `holdAfter` is a test hook: start no file beyond that many
 * until the signal aborts, so a test can interrupt a run at a known point.
 */
export interface RunControl {
  signal?: AbortSignal;
  holdAfter?: number;
}

/** Whether the job at `index` may start now. */
function mayStart(index: number, control: RunControl): boolean {
  if (control.signal?.aborted) return false;
  return control.holdAfter === undefined || index < control.holdAfter;
}

/** Below this many files a pool costs more (each worker loads the parsers) than it saves. */
export const POOL_THRESHOLD = 64;
/** No worker is started for fewer files than this. */
const FILES_PER_WORKER = 32;

export function defaultWorkers(): number {
  return Math.max(1, availableParallelism() - 1);
}

export function poolSize(jobs: number, workers: number): number {
  if (jobs < POOL_THRESHOLD || workers < 2) return 0;
  const size = Math.min(workers, Math.floor(jobs / FILES_PER_WORKER));
  return size < 2 ? 0 : size;
}

/** Hands results to `onResult` in job order, whatever order they complete in. */
function inOrder(total: number, onResult: (result: FileResult) => void): (id: number, result: FileResult) => boolean {
  const waiting = new Map<number, FileResult>();
  let next = 0;
  return (id, result) => {
    waiting.set(id, result);
    for (let ready = waiting.get(next); ready; ready = waiting.get(next)) {
      waiting.delete(next++);
      onResult(ready);
    }
    return next === total;
  };
}

function runInPool(
  jobs: readonly Job[],
  settings: ProcessSettings,
  size: number,
  onResult: (r: FileResult) => void,
  control: RunControl,
): Promise<number> {
  const entry = new URL('./worker.js', import.meta.url);
  return new Promise((resolve, reject) => {
    const deliver = inOrder(jobs.length, onResult);
    const workers = new Set<Worker>();
    let next = 0;
    let inFlight = 0;
    let done = false;
    const finish = (error?: unknown): void => {
      if (done) return;
      done = true;
      control.signal?.removeEventListener('abort', onAbort);
      for (const worker of workers) void worker.terminate();
      if (error) reject(error instanceof Error ? error : new Error(String(error)));
      else resolve(next);
    };
    // Interrupted: every file started has been delivered (they complete in any order, all before this point).
    const onAbort = (): void => {
      if (inFlight === 0) finish();
    };
    control.signal?.addEventListener('abort', onAbort);
    const accept = (id: number, result: FileResult): void => {
      inFlight--;
      try {
        if (deliver(id, result)) finish();
        else if (control.signal?.aborted && inFlight === 0) finish();
      } catch (error) {
        finish(error);
      }
    };
    const start = (): void => {
      const worker = new Worker(entry, { workerData: settings });
      workers.add(worker);
      let current: number | undefined;
      let failure: Error | undefined;
      const feed = (): void => {
        if (next < jobs.length && !mayStart(next, control)) return void (current = undefined);
        current = next < jobs.length ? next++ : undefined;
        if (current === undefined) void worker.terminate();
        else {
          inFlight++;
          worker.postMessage({ id: current, job: jobs[current]! } satisfies JobMessage);
        }
      };
      worker.on('message', ({ id, result }: ResultMessage) => {
        current = undefined;
        accept(id, result);
        if (!done) feed();
      });
      worker.on('error', (error) => (failure = error));
      // A worker that dies fails only the file it held; a fresh worker takes over the rest.
      worker.on('exit', (code) => {
        workers.delete(worker);
        if (done || current === undefined) return;
        const failed = current;
        if (next < jobs.length && mayStart(next, control)) start();
        accept(failed, crashed(jobs[failed]!.file, settings.cwd, failure?.message ?? `exited with code ${code}`));
      });
      feed();
    };
    for (let i = 0; i < size; i++) start();
    if (control.signal?.aborted) onAbort();
  });
}

function crashed(file: string, cwd: string, reason: string): FileResult {
  const base = { file, path: displayPath(file, cwd), changes: [], todos: [], secrets: [], env: [], notes: [] };
  return { ...base, status: 'failed', error: `worker crashed: ${reason}` };
}

/** Resolves when `signal` aborts; a timer keeps the process alive meanwhile (a signal listener alone does not). */
function aborted(signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.resolve();
  const alive = setInterval(() => undefined, 1 << 30);
  return new Promise((resolve) =>
    signal.addEventListener('abort', () => (clearInterval(alive), resolve()), { once: true }),
  );
}

/**
 * Process every job and hand each result to `onResult` in job order. A worker-thread pool when there are enough
 * files to pay for it, else the main thread. Resolves with how many jobs were done (fewer when interrupted).
 */
export async function processAll(
  jobs: readonly Job[],
  settings: ProcessSettings,
  workers: number,
  onResult: (result: FileResult) => void,
  control: RunControl = {},
): Promise<number> {
  const size = poolSize(jobs.length, workers);
  if (size > 0) return runInPool(jobs, settings, size, onResult, control);
  let done = 0;
  for (const job of jobs) {
    if (control.holdAfter === done && control.signal) await aborted(control.signal);
    if (!mayStart(done, { signal: control.signal })) break;
    onResult(await processFile(job.file, job.facts, settings));
    done++;
  }
  return done;
}
