import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { FileFacts } from '../core/index.js';
import type { FileSummary } from '../project/summarize.js';
import { aheadStands } from './fact-reads.js';
import { displayPath, processFile, transformAhead, writeTransformed, type Transformed } from './process-file.js';
import type { FileResult, ProcessSettings } from './types.js';

export interface Job {
  file: string;
  facts?: FileFacts;
}
/** A job for a worker: process (and write) this file. */
export interface JobMessage {
  id: number;
  job: Job;
}
/**
 * More files to transform ahead of the project index (the list grows while discovery finds candidates), claimed one
 * at a time through the shared `counter`; each result carries the file's summary for the index, made from the
 * transforms' own parse.
 */
export interface AheadMessage {
  ahead: readonly string[];
  counter: Int32Array;
}
/** More files the project index wants summarised (read and parsed, not transformed), claimed through `summaryCounter`. */
export interface SummarizeMessage {
  summarize: readonly string[];
}
export type WorkerMessage =
  | { kind: 'job'; id: number; result: FileResult }
  | { kind: 'ahead'; index: number; transformed: Transformed }
  | { kind: 'summary'; index: number; summary: FileSummary | null | undefined };
/** What each worker starts with; `slot` (its own), `stop` and `summaryCounter` (shared) are shared memory. */
export interface WorkerData {
  settings: ProcessSettings;
  /** The file in hand: [job id + 1, -(ahead index + 1), or 0 when idle; summary index + 1, or 0]. */
  slot: Int32Array;
  /** Set once the run stops: claim nothing more ahead. */
  stop: Int32Array;
  /** How many of the files to summarise are claimed (the list grows as the index asks for more). */
  summaryCounter: Int32Array;
}

/**
 * The project index the pool's threads summarise files for (src/project/index.ts `ProjectIndexer`): each summary
 * goes to `add` (undefined: the index reads the file itself, on the main thread), and `takeRequests` says which
 * files it wants summarised next.
 */
export interface SummaryFeed {
  add(file: string, summary: FileSummary | null | undefined): void;
  takeRequests(): string[];
}

/** Claim the next of `length` items through a shared counter that never passes `length` (the list may grow). */
export function claim(counter: Int32Array, length: number, stop: Int32Array): number | undefined {
  for (;;) {
    const index = Atomics.load(counter, 0);
    if (index >= length || Atomics.load(stop, 0) !== 0) return undefined;
    if (Atomics.compareExchange(counter, 0, index, index + 1) === index) return index;
  }
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

/** Threads that transform (`--workers`): one per core but one, as the contract sets; the main thread is one of them. */
export function defaultWorkers(): number {
  return Math.max(1, availableParallelism() - 1);
}

/**
 * Worker threads to start for `workers` transforming threads: the main thread transforms and summarises files too,
 * so `--workers 1` (the default on two cores) runs in it alone. Measured on 2-core machines, a second thread lost
 * more than it gained (each loads and warms up the parsers, and the index's facts files are transformed twice):
 * openai-node 6.0 → 5.1 s wall, 10.2 → 7.0 s CPU in one thread (bench/README.md). Discovery of a folder still runs
 * in its own thread then (scan.ts `scansInWorker`): it loads no parser.
 */
export function poolSize(jobs: number, workers: number): number {
  if (jobs < POOL_THRESHOLD || workers < 2) return 0;
  return Math.min(workers - 1, Math.floor(jobs / FILES_PER_WORKER));
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

function crashed(file: string, cwd: string, reason: string): FileResult {
  const base = { file, path: displayPath(file, cwd), changes: [], todos: [], secrets: [], env: [], notes: [] };
  return { ...base, status: 'failed', error: `worker crashed: ${reason}` };
}

interface PoolWorker {
  thread: Worker;
  slot: Int32Array;
  /** The job posted to it and not yet answered (one at a time). */
  job?: number;
  failure?: Error;
}

/** What a run over the pool needs to know while it lasts. */
interface RunState {
  jobs: readonly Job[];
  control: RunControl;
  deliver: (id: number, result: FileResult) => boolean;
  /** Jobs started so far (in job order). */
  next: number;
  inFlight: number;
  /** Started jobs whose worker died before starting them: they go first to the next free worker. */
  retry: number[];
  resolve(done: number): void;
  reject(error: Error): void;
}

/**
 * Worker threads, started as early as the run knows it has enough files: they and the main thread transform the
 * candidates (`ahead`), each result carrying the file's summary for the project index, and summarise the other
 * modules the index asks for, from one shared queue. A file the index gives no facts, or facts that answer what its
 * transforms read of them alike (fact-reads.ts), keeps its ahead result (written only when its turn comes in `run`);
 * the others, and the index's extra files, are jobs.
 */
export class WorkerPool {
  private readonly workers = new Set<PoolWorker>();
  private readonly stop = new Int32Array(new SharedArrayBuffer(4));
  /** Files to transform ahead of the index, in the order given (append-only: workers hold copies). */
  private readonly aheadList: string[] = [];
  private readonly aheadCounter = new Int32Array(new SharedArrayBuffer(4));
  private feed?: SummaryFeed;
  /** Summaries made before the index exists (files streamed during discovery): handed to it once it does. */
  private pending: [string, FileSummary | null | undefined][] = [];
  /** Files the index wants summarised, in the order asked (append-only: workers hold copies). */
  private readonly summaryFiles: string[] = [];
  private readonly summaryCounter = new Int32Array(new SharedArrayBuffer(4));
  /** Wakes the main thread's helping loop when there is more to summarise, or the pool closes. */
  private wake?: () => void;
  private readonly aheadFiles = new Set<string>();
  private readonly aheadDone = new Map<string, Transformed>();
  /** Files whose ahead transform a crash took down: processed as jobs instead. */
  private readonly aheadLost = new Set<string>();
  private state?: RunState;
  private closed = false;

  constructor(
    private readonly settings: ProcessSettings,
    size: number,
  ) {
    for (let i = 0; i < size; i++) this.spawn();
  }

  /**
   * Start transforming these files in the workers, without facts, writing nothing, each summarised from the same
   * parse: discovery streams candidates here as it finds them, so the workers start before it ends.
   */
  stream(files: readonly string[]): void {
    const fresh = files.filter((file) => !this.aheadFiles.has(file));
    if (fresh.length === 0) return;
    for (const file of fresh) this.aheadFiles.add(file);
    this.aheadList.push(...fresh);
    for (const worker of this.workers) worker.thread.postMessage({ ahead: fresh, counter: this.aheadCounter } satisfies AheadMessage);
    this.wakeMain();
  }

  /**
   * Transform these files (those not streamed yet are added) in the background; the main thread takes part now.
   * Summaries go to `feed` (the project index), and the files it asks for are summarised too. Called once.
   */
  ahead(files: readonly string[], feed?: SummaryFeed): void {
    this.stream(files);
    this.feed = feed;
    const pending = this.pending;
    this.pending = [];
    for (const [file, summary] of pending) this.summarized(file, summary);
    this.requestSummaries();
    void this.help();
  }

  /** Process every job, results to `onResult` in job order; resolves with how many were done. Closes the pool. */
  run(jobs: readonly Job[], onResult: (result: FileResult) => void, control: RunControl): Promise<number> {
    return new Promise((resolve, reject) => {
      if (jobs.length === 0) return void (this.close(), resolve(0));
      const deliver = inOrder(jobs.length, onResult);
      this.state = { jobs, control, deliver, next: 0, inFlight: 0, retry: [], resolve, reject };
      control.signal?.addEventListener('abort', this.onAbort);
      this.pump();
      if (control.signal?.aborted) this.onAbort();
    });
  }

  /**
   * The main thread works like a worker (it has nothing else to do but hand out jobs and results): files the index
   * wants summarised first, then files ahead. It waits while the index may still ask for more.
   */
  private async help(): Promise<void> {
    while (!this.closed) {
      const item = claim(this.summaryCounter, this.summaryFiles.length, this.stop);
      if (item !== undefined) {
        this.feed!.add(this.summaryFiles[item]!, undefined);
        this.requestSummaries();
        // Let the workers' results in between files.
        await new Promise((resolve) => setImmediate(resolve));
        continue;
      }
      const index = claim(this.aheadCounter, this.aheadList.length, this.stop);
      if (index !== undefined) {
        const transformed = await transformAhead(this.aheadList[index]!, this.settings);
        if (!this.closed) this.aheadResult(index, transformed);
        continue;
      }
      if (Atomics.load(this.stop, 0) !== 0) return;
      await new Promise<void>((resolve) => (this.wake = resolve));
    }
  }

  /** A file transformed ahead: its result waits for its turn, its summary goes to the index. */
  private aheadResult(index: number, { summary, ...transformed }: Transformed): void {
    const file = this.aheadList[index]!;
    this.aheadDone.set(file, transformed);
    this.summarized(file, summary);
    if (this.state && !this.closed) this.pump();
  }

  private summarized(file: string, summary: FileSummary | null | undefined): void {
    if (!this.feed) return void this.pending.push([file, summary]);
    this.feed.add(file, summary);
    this.requestSummaries();
  }

  /** Queue what the index asks for next, for every thread. */
  private requestSummaries(): void {
    const files = this.feed?.takeRequests() ?? [];
    if (files.length === 0) return;
    this.summaryFiles.push(...files);
    for (const worker of this.workers) worker.thread.postMessage({ summarize: files } satisfies SummarizeMessage);
    this.wakeMain();
  }

  private wakeMain(): void {
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }

  /** Start more workers, up to `size` in all. */
  grow(size: number): void {
    while (this.workers.size < size) this.spawn();
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.wakeMain();
    Atomics.store(this.stop, 0, 1);
    this.state?.control.signal?.removeEventListener('abort', this.onAbort);
    for (const worker of this.workers) void worker.thread.terminate();
  }

  // Interrupted: no new file starts; every file started has been delivered once none is in flight.
  private readonly onAbort = (): void => {
    Atomics.store(this.stop, 0, 1);
    this.wakeMain();
    if (this.state?.inFlight === 0) this.finish();
  };

  private finish(error?: unknown): void {
    const state = this.state!;
    if (this.closed) return;
    this.close();
    if (error) state.reject(error instanceof Error ? error : new Error(String(error)));
    else state.resolve(state.next);
  }

  private spawn(): void {
    const slot = new Int32Array(new SharedArrayBuffer(8));
    const data: WorkerData = { settings: this.settings, slot, stop: this.stop, summaryCounter: this.summaryCounter };
    const worker: PoolWorker = { thread: new Worker(new URL('./worker.js', import.meta.url), { workerData: data }), slot };
    this.workers.add(worker);
    if (this.aheadList.length > 0) worker.thread.postMessage({ ahead: this.aheadList, counter: this.aheadCounter } satisfies AheadMessage);
    if (this.summaryFiles.length > 0) worker.thread.postMessage({ summarize: this.summaryFiles } satisfies SummarizeMessage);
    worker.thread.on('message', (message: WorkerMessage) => this.onMessage(worker, message));
    worker.thread.on('error', (error) => (worker.failure = error));
    worker.thread.on('exit', (code) => this.onExit(worker, code));
  }

  private onMessage(worker: PoolWorker, message: WorkerMessage): void {
    if (this.closed) return;
    if (message.kind === 'ahead') return this.aheadResult(message.index, message.transformed);
    if (message.kind === 'summary') return this.summarized(this.summaryFiles[message.index]!, message.summary);
    worker.job = undefined;
    this.accept(message.id, message.result);
    if (this.state && !this.closed) this.pump();
  }

  /** A worker that dies fails only the file it held; a fresh worker takes over the rest. */
  private onExit(worker: PoolWorker, code: number): void {
    this.workers.delete(worker);
    if (this.closed) return;
    const held = Atomics.load(worker.slot, 0);
    const summarizing = Atomics.load(worker.slot, 1);
    const reason = worker.failure?.message ?? `exited with code ${code}`;
    if (held < 0) {
      const file = this.aheadList[-held - 1]!;
      this.aheadLost.add(file);
      // The index reads the file itself (on this thread), as it would any file the transform pass did not summarise.
      this.summarized(file, undefined);
    }
    if (summarizing > 0) this.summarized(this.summaryFiles[summarizing - 1]!, undefined);
    // Died before starting its job (in a file ahead of the index): the job goes to another worker.
    if (worker.job !== undefined && held < 0) this.state?.retry.push(worker.job);
    // Died holding its job, or before it could start any (it failed to load): that job fails.
    const failed = held > 0 ? held - 1 : held === 0 ? worker.job : undefined;
    if (held !== 0 || summarizing !== 0 || worker.job !== undefined) this.spawn();
    if (failed !== undefined) this.accept(failed, crashed(this.state!.jobs[failed]!.file, this.settings.cwd, reason));
    // The next jobs go to the fresh worker: with no other worker left, no other message would start them.
    if (this.state && !this.closed) this.pump();
  }

  private accept(id: number, result: FileResult): void {
    const state = this.state!;
    state.inFlight--;
    try {
      if (state.deliver(id, result)) this.finish();
      else if (state.control.signal?.aborted && state.inFlight === 0) this.finish();
    } catch (error) {
      this.finish(error);
    }
  }

  /** Start jobs in order while they can start: a transformed-ahead result is written, a job goes to a free worker. */
  private pump(): void {
    const state = this.state!;
    for (;;) {
      if (this.closed) return;
      const free = [...this.workers].find((w) => w.job === undefined);
      if (state.retry.length > 0) {
        if (!free) return this.ensureWorker();
        this.post(free, state.retry.shift()!);
        continue;
      }
      if (state.next >= state.jobs.length || !mayStart(state.next, state.control)) return;
      const { file, facts } = state.jobs[state.next]!;
      const first = this.aheadDone.get(file);
      // A file with facts keeps a result made ahead when those facts answer what it read of them alike (fact-reads.ts).
      const reused = aheadStands(first?.factReads, facts);
      if (reused && this.aheadFiles.has(file) && !this.aheadLost.has(file)) {
        const transformed = first;
        if (!transformed) return this.ensureWorker();
        this.aheadDone.delete(file);
        const id = state.next++;
        state.inFlight++;
        void writeTransformed(transformed).then((result) => this.accept(id, result));
        continue;
      }
      if (!free) return this.ensureWorker();
      state.inFlight++;
      this.post(free, state.next++);
    }
  }

  private post(worker: PoolWorker, id: number): void {
    worker.job = id;
    worker.thread.postMessage({ id, job: this.state!.jobs[id]! } satisfies JobMessage);
  }

  /** Work waits on workers: make sure one is alive (all may have died with nothing in hand). */
  private ensureWorker(): void {
    if (this.workers.size === 0) {
      this.spawn();
      this.pump();
    }
  }
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
 * Without a pool: candidates transformed on this thread, without facts, writing nothing (`processAll` writes them),
 * each summarised for the project index from the same parse. They come one by one while a scan worker finds them
 * (`push`), or all at once (`end`). Once the index exists (`end`), summaries go to it, and after the last candidate the
 * files it asks for are summarised until it has all it needs. Stops early when `signal` aborts.
 */
export class TransformAhead {
  /** The results, by file, once every candidate is done. */
  readonly done: Promise<Map<string, Transformed>>;
  private readonly files: string[] = [];
  private readonly pushed = new Set<string>();
  /** Summaries made before the index existed. */
  private readonly pending: [string, FileSummary | null | undefined][] = [];
  private feed?: SummaryFeed;
  private ended = false;
  private cancelled = false;
  private wake?: () => void;

  constructor(
    private readonly settings: ProcessSettings,
    private readonly signal?: AbortSignal,
  ) {
    this.done = this.work();
  }

  push(file: string): void {
    if (this.pushed.has(file)) return;
    this.pushed.add(file);
    this.files.push(file);
    this.wake?.();
  }

  /** No more candidates than `files` (any not pushed yet are added); `feed`: the project index, if there is one. */
  end(files: readonly string[], feed?: SummaryFeed): Promise<Map<string, Transformed>> {
    for (const file of files) this.push(file);
    this.feed = feed;
    for (const [file, summary] of this.pending.splice(0)) feed?.add(file, summary);
    this.ended = true;
    this.wake?.();
    return this.done;
  }

  /** Stop after the file in hand (the scan failed). */
  cancel(): void {
    this.cancelled = this.ended = true;
    this.wake?.();
  }

  private async work(): Promise<Map<string, Transformed>> {
    const done = new Map<string, Transformed>();
    for (let next = 0; ; ) {
      if (this.cancelled || this.signal?.aborted) return done;
      if (next < this.files.length) {
        const file = this.files[next++]!;
        const { summary, ...transformed } = await transformAhead(file, this.settings);
        done.set(file, transformed);
        if (this.feed) this.feed.add(file, summary);
        else this.pending.push([file, summary]);
        continue;
      }
      if (this.ended) break;
      await new Promise<void>((resolve) => (this.wake = resolve));
      this.wake = undefined;
    }
    const feed = this.feed;
    for (let more = feed?.takeRequests() ?? []; more.length > 0 && !this.signal?.aborted; more = feed!.takeRequests()) {
      for (const file of more) feed!.add(file, undefined);
    }
    return done;
  }
}

/**
 * Process every job and hand each result to `onResult` in job order: on `pool` when there is one (it is closed at
 * the end), else on the main thread, where a job without facts uses its result from `ahead` if there is one.
 * Resolves with how many jobs were done (fewer when interrupted).
 */
export async function processAll(
  jobs: readonly Job[],
  settings: ProcessSettings,
  onResult: (result: FileResult) => void,
  control: RunControl = {},
  pool?: WorkerPool,
  ahead?: ReadonlyMap<string, Transformed>,
): Promise<number> {
  if (pool) return pool.run(jobs, onResult, control);
  let done = 0;
  for (const job of jobs) {
    if (control.holdAfter === done && control.signal) await aborted(control.signal);
    if (!mayStart(done, { signal: control.signal })) break;
    // Transformed ahead of the index: that result stands when the file's facts answer what it read of them alike.
    const first = ahead?.get(job.file);
    const transformed = aheadStands(first?.factReads, job.facts) ? first : undefined;
    onResult(await (transformed ? writeTransformed(transformed) : processFile(job.file, job.facts, settings)));
    done++;
  }
  return done;
}
