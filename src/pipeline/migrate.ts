import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { mayInvolveOpenAI, type MigrationOptions } from '../core/index.js';
import type { ProjectIndex } from '../project/index.js';
import { collectDeployments, migrateConfigFiles } from '../config-files/run.js';
import { discover, type GlobFilter } from './discover.js';
import { processAll, type Job } from './pool.js';
import { ReportBuilder, reportFile, type Report } from './report.js';
import type { FileResult } from './types.js';

export interface MigrateRequest {
  cwd: string;
  /** Files or folders, relative to `cwd` or absolute. */
  paths: readonly string[];
  options: MigrationOptions;
  globs?: GlobFilter;
  dryRun: boolean;
  workers: number;
  /** Produce each changed file's unified diff (`FileResult.diff`). */
  diff?: boolean;
  /** Keep each changed file's text before and after (`--verify`). */
  keepText?: boolean;
  onScan?(scanned: number): void;
  /** Each candidate's result, in a deterministic order, as soon as it (and all before it) are done. */
  onResult?(result: FileResult, done: number, total: number): void;
  onWarning?(message: string): void;
  /** Each config file's result (env templates, YAML, package.json), after every code file's. */
  onConfigResult?(result: FileResult): void;
}

/** How often discovery reports progress. */
const PROGRESS_EVERY = 32;

/**
 * Unreadable files stay candidates, so they fail visibly instead of vanishing. A synchronous read: most files are
 * small, and the open/stat/read/close round trips of thousands of async reads cost several times more CPU.
 */
function isCandidate(file: string): boolean {
  try {
    return mayInvolveOpenAI(readFileSync(file, 'utf8'));
  } catch {
    return true;
  }
}

/** Discover and pre-filter: every scanned file, and those that may involve OpenAI. */
async function scan(request: MigrateRequest): Promise<{ scanned: Set<string>; candidates: string[] }> {
  const scanned = new Set<string>();
  const candidates: string[] = [];
  for await (const file of discover(request.paths.map((p) => resolve(request.cwd, p)), request.globs)) {
    scanned.add(file);
    if (isCandidate(file)) candidates.push(file);
    if (scanned.size % PROGRESS_EVERY === 0) request.onScan?.(scanned.size);
  }
  request.onScan?.(scanned.size);
  return { scanned, candidates };
}

async function projectIndex(request: MigrateRequest, candidates: string[], scanned: Set<string>): Promise<ProjectIndex> {
  if (candidates.length === 0) return { facts: {}, extraFiles: [] };
  try {
    // Loaded on demand: ts-morph is costly to load, and a run with no candidates needs none of it.
    const { buildProjectIndex } = await import('../project/index.js');
    return await buildProjectIndex({ cwd: request.cwd, candidates, files: [...scanned] });
  } catch (error) {
    // The index adds cross-file precision; without it each file is still migrated on its own.
    request.onWarning?.(`project index failed, continuing without cross-file facts: ${(error as Error).message}`);
    return { facts: {}, extraFiles: [] };
  }
}

/** The `migrate` pipeline: discover → pre-filter → project index → transform (pool) → write → report. */
export async function migrate(request: MigrateRequest): Promise<Report> {
  const started = performance.now();
  const report = new ReportBuilder(request.options.target, started);
  const { scanned, candidates } = await scan(request);
  report.scanned = scanned.size;
  const index = await projectIndex(request, candidates, scanned);
  // Extra files the index asks for are taken only from what discovery found: never outside the paths or ignored.
  const chosen = new Set(candidates);
  const extras = index.extraFiles.filter((file) => scanned.has(file) && !chosen.has(file));
  const jobs: Job[] = [...candidates, ...extras].map((file) => ({ file, facts: index.facts[file] }));
  const settings = {
    cwd: request.cwd,
    options: request.options,
    dryRun: request.dryRun,
    diff: request.diff ?? false,
    keepText: request.keepText ?? false,
  };
  let done = 0;
  const results: FileResult[] = [];
  await processAll(jobs, settings, request.workers, (result) => {
    report.add(result);
    results.push({ ...result, diff: undefined, before: undefined, after: undefined });
    request.onResult?.(result, ++done, jobs.length);
  });
  const built = report.build();
  // Config files follow the code: the env list, the deployments and the imports its rewrite produced.
  const run = { cwd: request.cwd, paths: request.paths, globs: request.globs, options: request.options, settings };
  const configResults = await migrateConfigFiles({ ...run, env: built.env, onResult: request.onConfigResult }, results);
  built.deployments = collectDeployments(results);
  built.configFiles = configResults.filter((r) => r.status !== 'unchanged' || r.notes.length > 0).map(reportFile);
  built.summary.ms = Math.round(performance.now() - started);
  return built;
}
