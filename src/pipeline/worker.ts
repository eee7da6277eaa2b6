/**
 * Worker thread entry. Three kinds of work, in this order:
 * - jobs the pool posts (`JobMessage`): processed and written as on the main thread, the result posted back;
 * - files the project index wants summarised (`SummarizeMessage`, a list that grows): read, parsed and summarised;
 * - ahead of the project index, the `AheadMessage`s' files (streamed while discovery finds them): transformed
 *   without facts, writing nothing, and summarised from the same parse; the pool keeps the result for a file the
 *   index gives no facts, or facts that answer what the transforms read of them alike (fact-reads.ts).
 * The last two are claimed from shared counters (no round trip through the main thread, which works on them too).
 * The worker's `slot` in shared memory says which file it is working on, so the pool knows what a crash took down.
 */
import { basename } from 'node:path';
import type { FileSummary } from '../project/summarize.js';
import { parentPort, workerData } from 'node:worker_threads';
import { enableCompileCache } from './compile-cache.js';
import { loadEngine, processFile, transformAhead } from './process-file.js';
import { claim, type AheadMessage, type JobMessage, type SummarizeMessage, type WorkerData, type WorkerMessage } from './pool.js';

const { settings, slot, stop, summaryCounter } = workerData as WorkerData;
/** Test hook: the worker dies, as on a fatal error, when it starts a file with this name (crash-handling tests). */
const CRASH_ON = process.env.OPENAI_TO_AZURE_TEST_CRASH_ON;

/** Say which file this worker holds (`slot[0]`: job id + 1, or -(ahead index + 1); `slot[1]`: summary index + 1). */
function hold(at: 0 | 1, value: number, file: string): void {
  Atomics.store(slot, at, value);
  if (CRASH_ON && basename(file) === CRASH_ON) process.exit(70);
}
// A worker exists only to transform: load the engine now, while the main thread is still discovering files. A
// failure to load surfaces where the engine is first used, per file, as before.
enableCompileCache();
loadEngine().catch(() => undefined);
const port = parentPort!;
const jobs: JobMessage[] = [];
/** The files to transform ahead of the index, as the pool streams them, and the counter they are claimed through. */
const aheadFiles: string[] = [];
let aheadCounter: Int32Array | undefined;
const summaryFiles: string[] = [];
let busy = false;

/** A file's summary for the index; undefined when summarising throws (the main thread tries, and reports it). */
async function summaryOf(file: string): Promise<FileSummary | null | undefined> {
  const { summarizeFile } = await import('../project/summarize-file.js');
  try {
    return summarizeFile(file);
  } catch {
    return undefined;
  }
}

async function work(): Promise<void> {
  if (busy) return;
  busy = true;
  for (;;) {
    const job = jobs.shift();
    if (job) {
      hold(0, job.id + 1, job.job.file);
      const result = await processFile(job.job.file, job.job.facts, settings);
      Atomics.store(slot, 0, 0);
      port.postMessage({ kind: 'job', id: job.id, result } satisfies WorkerMessage);
      continue;
    }
    const item = claim(summaryCounter, summaryFiles.length, stop);
    if (item !== undefined) {
      hold(1, item + 1, summaryFiles[item]!);
      const summary = await summaryOf(summaryFiles[item]!);
      // Posted before the slot is cleared: a crash in between loses nothing (the pool ignores a second answer).
      port.postMessage({ kind: 'summary', index: item, summary } satisfies WorkerMessage);
      Atomics.store(slot, 1, 0);
      continue;
    }
    const index = aheadCounter && claim(aheadCounter, aheadFiles.length, stop);
    if (index === undefined) break;
    hold(0, -(index + 1), aheadFiles[index]!);
    const transformed = await transformAhead(aheadFiles[index]!, settings);
    port.postMessage({ kind: 'ahead', index, transformed } satisfies WorkerMessage);
    Atomics.store(slot, 0, 0);
  }
  busy = false;
}

port.on('message', (message: JobMessage | AheadMessage | SummarizeMessage) => {
  if ('counter' in message) {
    aheadFiles.push(...message.ahead);
    aheadCounter = message.counter;
  }
  else if ('summarize' in message) summaryFiles.push(...message.summarize);
  else jobs.push(message);
  void work();
});
