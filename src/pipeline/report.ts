import type { Target } from '../core/index.js';
import type { Change, SecretFinding, Todo } from '../../transforms/lib/types.js';
import type { ReportDeployment } from '../config-files/run.js';
import type { Shard } from './shard.js';
import type { FileResult, FileStatus } from './types.js';

export interface ReportSummary {
  scanned: number;
  candidates: number;
  changed: number;
  unchanged: number;
  failed: number;
  /** Files over a limit (size, minified, binary): never parsed, never a failure. */
  skipped: number;
  todos: number;
  ms: number;
  /** `--shard`: which part of the files this run transformed; the counts are that part's. */
  shard?: Shard;
}

export interface ReportFile {
  path: string;
  status: FileStatus;
  changes?: Change[];
  todos?: Todo[];
  error?: string;
  reason?: string;
  secrets?: SecretFinding[];
  notes?: string[];
}

/** A type error the rewrite introduced (`--verify`). */
export interface VerifyDiagnostic {
  path: string;
  line: number;
  code: number;
  message: string;
}

/** The migration report (contract: `--json`, `--report x.json`). */
export interface Report {
  version: 1;
  target: Target;
  summary: ReportSummary;
  files: ReportFile[];
  env: string[];
  /** Only when a signal stopped the run: `done` of `total` candidate files were processed. */
  interrupted?: { done: number; total: number };
  /** One per distinct model the migrated code sends as a deployment. */
  deployments?: ReportDeployment[];
  /** The non-code files `migrate` looked at and changed (env templates, YAML, package.json), or could not. */
  configFiles?: ReportFile[];
  /** Only with `--verify`. `environment`: the project's types were unusable (exit 2), nothing was judged. */
  verify?: {
    introduced: VerifyDiagnostic[];
    ms: number;
    preexisting?: number;
    environment?: { install: string[]; problems: string[] };
  };
}

export function reportFile(result: FileResult): ReportFile {
  if (result.status === 'failed') return { path: result.path, status: 'failed', error: result.error ?? 'failed' };
  if (result.status === 'skipped') return { path: result.path, status: 'skipped', reason: result.reason ?? 'skipped' };
  const entry: ReportFile = { path: result.path, status: result.status, changes: result.changes, todos: result.todos };
  if (result.secrets.length > 0) entry.secrets = result.secrets;
  if (result.notes.length > 0) entry.notes = result.notes;
  return entry;
}

/** Collects results as they arrive, keeping only what the report needs (no file text). */
export class ReportBuilder {
  private readonly files: ReportFile[] = [];
  private readonly env = new Set<string>();
  private readonly counts = { changed: 0, unchanged: 0, failed: 0, skipped: 0, todos: 0 };
  scanned = 0;
  shard?: Shard;
  interrupted?: { done: number; total: number };

  constructor(
    private readonly target: Target,
    private readonly started = performance.now(),
  ) {}

  add(result: FileResult): void {
    this.files.push(reportFile(result));
    this.counts[result.status]++;
    this.counts.todos += result.todos.length;
    // A failed file was left as it was: it reads nothing new.
    if (result.status !== 'failed') for (const name of result.env) this.env.add(name);
  }

  build(): Report {
    const { changed, unchanged, failed, skipped, todos } = this.counts;
    const summary: ReportSummary = {
      scanned: this.scanned,
      // An interrupted run's candidates include those it never reached.
      candidates: this.files.length - skipped + (this.interrupted ? this.interrupted.total - this.interrupted.done : 0),
      changed,
      unchanged,
      failed,
      skipped,
      todos,
      ms: Math.round(performance.now() - this.started),
      ...(this.shard && { shard: this.shard }),
    };
    const report: Report = { version: 1, target: this.target, summary, files: this.files, env: [...this.env].sort() };
    if (this.interrupted) report.interrupted = this.interrupted;
    return report;
  }
}
