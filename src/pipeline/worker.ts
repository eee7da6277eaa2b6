/**
 * Worker thread entry. Two kinds of work, jobs first:
 * - jobs the pool posts (`JobMessage`): processed and written as on the main thread, the result posted back;
 * - ahead of the project index, the `AheadMessage`'s files: each worker claims the next one from a shared counter
 *   (no round trip through a main thread busy with the index), transforms it without facts and writes nothing; the
 *   pool keeps the result for a file the index gives no facts.
 * The worker's `slot` in shared memory says which file it is working on, so the pool knows what a crash took down.
 */
import { basename } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { processFile, transformFile } from './process-file.js';
import type { AheadMessage, JobMessage, WorkerData, WorkerMessage } from './pool.js';

const { settings, slot, stop } = workerData as WorkerData;
/** Test hook: the worker dies, as on a fatal error, when it starts a file with this name (crash-handling tests). */
const CRASH_ON = process.env.OPENAI_TO_AZURE_TEST_CRASH_ON;

/** Say which file this worker holds (job id + 1, or -(ahead index + 1)), before working on it. */
function hold(value: number, file: string): void {
  Atomics.store(slot, 0, value);
  if (CRASH_ON && basename(file) === CRASH_ON) process.exit(70);
}
const port = parentPort!;
const jobs: JobMessage[] = [];
let ahead: AheadMessage | undefined;
let busy = false;

/** The next file ahead of the index, or undefined when all are claimed or the run stops. */
function claimAhead(): number | undefined {
  if (!ahead || Atomics.load(stop, 0) !== 0) return undefined;
  const index = Atomics.add(ahead.counter, 0, 1);
  return index < ahead.files.length ? index : undefined;
}

async function work(): Promise<void> {
  if (busy) return;
  busy = true;
  for (;;) {
    const job = jobs.shift();
    if (job) {
      hold(job.id + 1, job.job.file);
      const result = await processFile(job.job.file, job.job.facts, settings);
      Atomics.store(slot, 0, 0);
      port.postMessage({ kind: 'job', id: job.id, result } satisfies WorkerMessage);
      continue;
    }
    const index = claimAhead();
    if (index === undefined) break;
    hold(-(index + 1), ahead!.files[index]!);
    const transformed = await transformFile(ahead!.files[index]!, undefined, settings);
    Atomics.store(slot, 0, 0);
    port.postMessage({ kind: 'ahead', index, transformed } satisfies WorkerMessage);
  }
  busy = false;
}

port.on('message', (message: JobMessage | AheadMessage) => {
  if ('counter' in message) ahead = message;
  else jobs.push(message);
  void work();
});
