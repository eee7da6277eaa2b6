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

function runInPool(jobs: readonly Job[], settings: ProcessSettings, size: number, onResult: (r: FileResult) => void): Promise<void> {
  const entry = new URL('./worker.js', import.meta.url);
  return new Promise((resolve, reject) => {
    const deliver = inOrder(jobs.length, onResult);
    const workers = new Set<Worker>();
    let next = 0;
    let done = false;
    const finish = (error?: unknown): void => {
      done = true;
      for (const worker of workers) void worker.terminate();
      if (error) reject(error instanceof Error ? error : new Error(String(error)));
      else resolve();
    };
    const accept = (id: number, result: FileResult): void => {
      try {
        if (deliver(id, result)) finish();
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
        current = next < jobs.length ? next++ : undefined;
        if (current === undefined) void worker.terminate();
        else worker.postMessage({ id: current, job: jobs[current]! } satisfies JobMessage);
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
        if (next < jobs.length) start();
        accept(failed, crashed(jobs[failed]!.file, settings.cwd, failure?.message ?? `exited with code ${code}`));
      });
      feed();
    };
    for (let i = 0; i < size; i++) start();
  });
}

function crashed(file: string, cwd: string, reason: string): FileResult {
  const base = { file, path: displayPath(file, cwd), changes: [], todos: [], secrets: [], env: [], notes: [] };
  return { ...base, status: 'failed', error: `worker crashed: ${reason}` };
}

/**
 * Process every job and hand each result to `onResult` in job order. A worker-thread pool when there are enough
 * files to pay for it, else the main thread.
 */
export async function processAll(
  jobs: readonly Job[],
  settings: ProcessSettings,
  workers: number,
  onResult: (result: FileResult) => void,
): Promise<void> {
  const size = poolSize(jobs.length, workers);
  if (size > 0) return runInPool(jobs, settings, size, onResult);
  for (const job of jobs) onResult(await processFile(job.file, job.facts, settings));
}
