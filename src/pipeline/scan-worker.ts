/**
 * Scan worker entry: discovery and the pre-filter (`screenTree`) off the main thread, which transforms the candidates
 * meanwhile. Files are posted in discovery order, in batches; a candidate goes out at once, so the main thread has it
 * as soon as it can take it.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { screenTree, type ScanMessage, type ScanWorkerData, type Screened } from './screen.js';

/** Files held back before posting (a message costs more than a file's screening). */
const BATCH = 256;

const { roots, globs, maxSize } = workerData as ScanWorkerData;
const port = parentPort!;
const post = (message: ScanMessage): void => port.postMessage(message);

let batch: Screened[] = [];
try {
  for await (const screened of screenTree(roots, globs, maxSize)) {
    batch.push(screened);
    if (screened.kind === 'candidate' || batch.length >= BATCH) {
      post({ screened: batch });
      batch = [];
    }
  }
  post({ screened: batch });
  post({ done: true });
} catch (error) {
  const { message, code } = error as NodeJS.ErrnoException;
  post({ error: { message: String(message ?? error), code } });
}
