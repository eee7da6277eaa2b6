/** Worker thread entry: processes the files the pool hands it, reading and writing them itself; only results return. */
import { parentPort, workerData } from 'node:worker_threads';
import { processFile } from './process-file.js';
import type { Job, JobMessage, ResultMessage } from './pool.js';
import type { ProcessSettings } from './types.js';

const settings = workerData as ProcessSettings;
const port = parentPort!;

port.on('message', async ({ id, job }: JobMessage) => {
  const { file, facts }: Job = job;
  const message: ResultMessage = { id, result: await processFile(file, facts, settings) };
  port.postMessage(message);
});
