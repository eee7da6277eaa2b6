/**
 * Worker thread entry. Two kinds of work, jobs first:
 * - jobs the pool posts (`JobMessage`): processed and written as on the main thread, the result posted back;
 * - ahead of the project index, the `AheadMessage`'s files: each worker claims the next one from a shared counter
 *   (no round trip through a main thread busy with the index), transforms it without facts and writes nothing; the
 *   pool keeps the result for a file the index gives no facts.
 * The worker's `slot` in shared memory says which file it is working on, so the pool knows what a crash took down.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { processFile, transformFile } from './process-file.js';
import type { AheadMessage, JobMessage, WorkerData, WorkerMessage } from './pool.js';

const { settings, slot, stop } = workerData as WorkerData;
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
      Atomics.store(slot, 0, job.id + 1);
      const result = await processFile(job.job.file, job.job.facts, settings);
      Atomics.store(slot, 0, 0);
      port.postMessage({ kind: 'job', id: job.id, result } satisfies WorkerMessage);
      continue;
    }
    const index = claimAhead();
    if (index === undefined) break;
    Atomics.store(slot, 0, -(index + 1));
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
