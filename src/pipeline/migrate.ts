import type { MigrationOptions } from '../core/index.js';
import type { ProjectIndex, ProjectIndexer } from '../project/index.js';
import { collectDeployments, migrateConfigFiles } from '../config-files/run.js';
import type { GlobFilter } from './discover.js';
import { displayPath, loadEngine } from './process-file.js';
import { poolSize, processAll, TransformAhead, WorkerPool, type Job, type RunControl } from './pool.js';
import { ReportBuilder, reportFile, type Report } from './report.js';
import { coversFolder, scan, scansInWorker, type Scan } from './scan.js';
import { CONFIG_SHARD, ownedBy, type Shard } from './shard.js';
import type { FileResult, ProcessSettings } from './types.js';

export interface MigrateRequest {
  cwd: string;
  /** Files or folders, relative to `cwd` or absolute. */
  paths: readonly string[];
  options: MigrationOptions;
  globs?: GlobFilter;
  dryRun: boolean;
  workers: number;
  /** Stops the run: files in flight finish and are written, no new one starts (SIGINT/SIGTERM). */
  signal?: AbortSignal;
  /** Test hook (see `RunControl`): start no file beyond this many until `signal` aborts. */
  holdAfter?: number;
  /** Files larger than this many bytes are skipped (default 1,000,000). */
  maxFileSize?: number;
  /** Produce each changed file's unified diff (`FileResult.diff`). */
  diff?: boolean;
  /** Keep each changed file's text before and after (`--verify`). */
  keepText?: boolean;
  onScan?(scanned: number): void;
  /** Each candidate's result, in a deterministic order, as soon as it (and all before it) are done. */
  onResult?(result: FileResult, done: number, total: number): void;
  onWarning?(message: string): void;
  /** A file skipped for a limit (size, minified, binary), as soon as discovery meets it. */
  onSkip?(result: FileResult): void;
  /** Each config file's result (env templates, YAML, package.json), after every code file's. */
  onConfigResult?(result: FileResult): void;
  /**
   * `--shard`: transform, write and report only this part of the files (by path hash). The config shard
   * (`CONFIG_SHARD`) also runs the other parts in memory, writing nothing, and edits the config files.
   */
  shard?: Shard;
  /** The config shard's in-memory pass over the other shards' files: how far it is. */
  onPeerProgress?(done: number, total: number): void;
}

/** `OPENAI_TO_AZURE_DEBUG_TIMINGS=1`: print each phase's wall time to stderr (for measuring, not for users). */
const TIMINGS = process.env.OPENAI_TO_AZURE_DEBUG_TIMINGS === '1';
function phase(name: string, started: number): number {
  const now = performance.now();
  if (TIMINGS) process.stderr.write(`timing: ${name} ${Math.round(now - started)} ms\n`);
  return now;
}

/** The file-index builds of the main thread's transforms (a pool's workers keep their own counts, not printed). */
async function printIndexBuilds(): Promise<void> {
  const { indexBuilds } = await import('../../transforms/lib/file-index.js');
  process.stderr.write(`timing: file index builds on the main thread: ${indexBuilds.builds} (${indexBuilds.nodes} nodes walked)\n`);
}

const NO_INDEX: ProjectIndex = { facts: {}, extraFiles: [] };

/**
 * The project index over every candidate, fed with summaries: `ahead` (the candidates transformed ahead of it) come
 * from the transforms' own parse, the others (another shard's) are read for it.
 */
async function projectIndexer(
  request: MigrateRequest,
  { candidates, scanned, specifiers }: Scan,
  ahead: string[],
): Promise<ProjectIndexer | undefined> {
  if (candidates.length === 0) return undefined;
  try {
    // Loaded on demand: a run with no candidates needs none of it.
    const { ProjectIndexer } = await import('../project/index.js');
    return new ProjectIndexer({ cwd: request.cwd, candidates, files: [...scanned], specifiers }, ahead);
  } catch (error) {
    indexFailed(request, error);
    return undefined;
  }
}

/** The index once all its summaries are in; none when it failed, or when the run stops first (no file starts then). */
async function projectIndex(request: MigrateRequest, indexer: ProjectIndexer | undefined): Promise<ProjectIndex> {
  if (!indexer) return NO_INDEX;
  const signal = request.signal;
  const stopped = new Promise<ProjectIndex>((resolve) => {
    if (signal?.aborted) resolve(NO_INDEX);
    else signal?.addEventListener('abort', () => resolve(NO_INDEX), { once: true });
  });
  try {
    return await Promise.race([indexer.done, stopped]);
  } catch (error) {
    indexFailed(request, error);
    return NO_INDEX;
  }
}

function indexFailed(request: MigrateRequest, error: unknown): void {
  // The index adds cross-file precision; without it each file is still migrated on its own.
  request.onWarning?.(`project index failed, continuing without cross-file facts: ${(error as Error).message}`);
}

/**
 * A worker pool for this many files, when there are enough to pay for one: `early` grown to size, or closed when
 * there are too few.
 */
function startPool(settings: ProcessSettings, files: number, workers: number, early?: WorkerPool): WorkerPool | undefined {
  const size = poolSize(files, workers);
  if (size === 0) return void early?.close();
  if (!early) return new WorkerPool(settings, size);
  early.grow(size);
  return early;
}

/**
 * With a pool (`--workers 2` or more), one worker started before discovery when the run covers a folder: it loads
 * the parsers and transforms (about 0.4 s) while this thread scans, then transforms the candidates discovery streams
 * to it. `startPool` sizes it once the candidates are known.
 */
function earlyPool(request: MigrateRequest, settings: ProcessSettings): WorkerPool | undefined {
  if (request.workers < 2 || request.signal?.aborted) return undefined;
  return coversFolder(request) ? new WorkerPool(settings, 1) : undefined;
}

function processSettings(request: MigrateRequest): ProcessSettings {
  const { cwd, options, dryRun } = request;
  return { cwd, options, dryRun, diff: request.diff ?? false, keepText: request.keepText ?? false };
}

/** The `migrate` pipeline: discover → pre-filter → project index → transform (pool) → write → report. */
export async function migrate(request: MigrateRequest): Promise<Report> {
  const report = new ReportBuilder(request.options.target);
  let started = performance.now();
  const settings = processSettings(request);
  const early = earlyPool(request, settings);
  // Without a pool, this thread transforms the candidates a scan worker streams to it, if it scans in one.
  const here = early || !scansInWorker(request) ? undefined : new TransformAhead(settings, request.signal);
  if (here) void loadEngine().catch(() => undefined);
  const owned = (file: string): boolean => ownedBy(displayPath(file, request.cwd), request.shard);
  const stream = early ? (file: string) => owned(file) && early.stream([file]) : here && ((file: string) => owned(file) && here.push(file));
  const found = await scan(request, stream, here !== undefined).catch((error: unknown) => {
    early?.close();
    here?.cancel();
    throw error;
  });
  const { scanned, candidates, skipped, configFiles } = found;
  started = phase(`scan (${scanned.size} files, ${candidates.length} candidates)`, started);
  report.scanned = request.shard ? [...scanned].filter(owned).length : scanned.size;
  report.shard = request.shard;
  for (const result of skipped) if (owned(result.file)) report.add(result);
  // Workers (the early one grown to size, already on the candidates streamed to it) and this thread transform this
  // part's candidates ahead of the index, summarising each for it from the same parse; the index links the summaries
  // and asks for the modules they import.
  const pool = request.signal?.aborted ? void early?.close() : startPool(settings, candidates.length, request.workers, early);
  const ahead = request.shard ? candidates.filter(owned) : candidates;
  const indexer = await projectIndexer(request, found, ahead);
  pool?.ahead(ahead, indexer);
  const aheadHere = pool ? undefined : await (here ?? new TransformAhead(settings, request.signal)).end(ahead, indexer);
  const index = await projectIndex(request, indexer);
  const summarized = `${indexer?.summarizedHere.length ?? 0} files read for the index`;
  started = phase(`candidates ahead + project index (${summarized}, ${index.extraFiles.length} extra files)`, started);
  // Extra files the index asks for are taken only from what discovery found: never outside the paths or ignored.
  const chosen = new Set([...candidates, ...skipped.map((r) => r.file)]);
  const extras = index.extraFiles.filter((file) => scanned.has(file) && !chosen.has(file));
  const all: Job[] = [...candidates, ...extras].map((file) => ({ file, facts: index.facts[file] }));
  const jobs = request.shard ? all.filter((job) => owned(job.file)) : all;
  let done = 0;
  const control: RunControl = { signal: request.signal, holdAfter: request.holdAfter };
  const results: FileResult[] = [];
  const finished = await processAll(
    jobs,
    settings,
    (result) => {
      report.add(result);
      results.push({ ...result, diff: undefined, before: undefined, after: undefined });
      request.onResult?.(result, ++done, jobs.length);
    },
    control,
    pool,
    aheadHere,
  );
  started = phase(`transform (${jobs.length} files, ${jobs.filter((job) => job.facts).length} with facts)`, started);
  if (TIMINGS) await printIndexBuilds();
  if (request.signal?.aborted) {
    // Config files follow the whole tree's env list: an interrupted run leaves them for the next run.
    report.interrupted = { done: finished, total: jobs.length };
    return report.build();
  }
  if (request.shard && request.shard.index !== CONFIG_SHARD) {
    // Its report covers its own files; the config files and the tree-wide facts are the config shard's.
    return { ...report.build(), deployments: collectDeployments(results) };
  }
  const tree = request.shard ? await withPeers(request, all, jobs, results, settings, control) : results;
  started = performance.now();
  if (request.signal?.aborted) {
    // Stopped while reading the other shards' files: this shard's own are all done, the config files wait.
    report.interrupted = { done: jobs.length, total: jobs.length };
    return report.build();
  }
  // Config files follow the code: the env list, the deployments and the imports its rewrite produced.
  const envList = envOf(tree);
  const run = { cwd: request.cwd, paths: request.paths, options: request.options, settings };
  const limits = { maxFileSize: request.maxFileSize, onSkip: request.onSkip };
  const configResults = await migrateConfigFiles({ ...run, ...limits, onResult: request.onConfigResult }, configFiles, tree);
  phase(`config files (${configResults.length} files)`, started);
  const built = report.build();
  // The config shard reports the tree-wide facts the config files follow (the same list unsharded).
  built.env = envList;
  built.deployments = collectDeployments(tree);
  built.configFiles = configResults.filter((r) => r.status !== 'unchanged' || r.notes.length > 0).map(reportFile);
  return built;
}

/** The env list the report would give for these results (a failed file reads nothing new). */
function envOf(results: readonly FileResult[]): string[] {
  return [...new Set(results.flatMap((r) => (r.status === 'failed' ? [] : r.env)))].sort();
}

/**
 * The config shard's view of the whole tree: its own results plus the other shards' files run in memory (dry run,
 * no diff), in the order one unsharded run would have them, so the config files come out the same.
 */
async function withPeers(
  request: MigrateRequest,
  all: readonly Job[],
  own: readonly Job[],
  results: readonly FileResult[],
  settings: ProcessSettings,
  control: RunControl,
): Promise<FileResult[]> {
  const mine = new Set(own.map((job) => job.file));
  const peers = all.filter((job) => !mine.has(job.file));
  const byFile = new Map(results.map((r) => [r.file, r]));
  const started = performance.now();
  let done = 0;
  const dry = { ...settings, dryRun: true, diff: false, keepText: false };
  const pool = startPool(dry, peers.length, request.workers);
  const onResult = (result: FileResult): void => {
    byFile.set(result.file, result);
    request.onPeerProgress?.(++done, peers.length);
  };
  await processAll(peers, dry, onResult, control, pool);
  phase(`other shards' files, in memory (${peers.length} files)`, started);
  return all.flatMap((job) => byFile.get(job.file) ?? []);
}
