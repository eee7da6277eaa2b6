import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, extname, isAbsolute, resolve } from 'node:path';
import { loadConfig, resolveOptions, type LoadedConfig } from '../config/index.js';
import type { GlobFilter } from '../pipeline/discover.js';
import { gitState } from '../pipeline/git.js';
import { globToRegExp } from '../pipeline/glob.js';
import { migrate } from '../pipeline/migrate.js';
import { defaultWorkers } from '../pipeline/pool.js';
import { displayPath } from '../pipeline/process-file.js';
import type { Report, VerifyDiagnostic } from '../pipeline/report.js';
import { reportMarkdown } from '../pipeline/report-markdown.js';
import { PLAN_WRITERS } from '../config-files/plan.js';
import { CONFIG_SHARD, type Shard } from '../pipeline/shard.js';
import type { FileResult } from '../pipeline/types.js';
import { colorDiff } from './diff-printer.js';
import { EXIT, UsageError } from './exit-codes.js';
import { Progress } from './progress.js';
import { summaryText } from './summary.js';
import type { Terminal } from './terminal.js';

/** `migrate`'s flags as commander parses them. */
export interface MigrateFlags {
  dryRun?: boolean;
  target?: string;
  auth?: string;
  apiVersion?: string;
  deployment?: string[];
  config?: string;
  json?: boolean;
  report?: string;
  workers?: number;
  maxFileSize?: number;
  force?: boolean;
  verify?: boolean;
  plan?: string;
  shard?: Shard;
}

/** Report file formats, by extension. */
const REPORT_WRITERS: Readonly<Record<string, (report: Report) => string>> = {
  '.json': (report) => `${JSON.stringify(report, null, 2)}\n`,
  '.md': (report) => reportMarkdown(report),
};

function planWriterFor(file: string, source: string): (deployments: NonNullable<Report['deployments']>) => string {
  const writer = PLAN_WRITERS[extname(file).toLowerCase()];
  if (!writer) throw new UsageError(`${source} must name a .sh or .bicep file, got ${file}`);
  return writer;
}

/** The plan file: `--plan` (relative to the working directory), else the config's `plan` (relative to its folder). */
function planFile(flags: MigrateFlags, loaded: LoadedConfig, cwd: string): { file: string; source: string } | undefined {
  if (flags.plan) return { file: resolve(cwd, flags.plan), source: '--plan' };
  if (loaded.config.plan) return { file: resolve(loaded.dir, loaded.config.plan), source: `"plan" in ${loaded.file}` };
  return undefined;
}

export function reportWriterFor(file: string): (report: Report) => string {
  const writer = REPORT_WRITERS[extname(file).toLowerCase()];
  if (!writer) throw new UsageError(`--report must name a .json or .md file, got ${file}`);
  return writer;
}

function globFilter(loaded: LoadedConfig): GlobFilter | undefined {
  const { include = [], exclude = [] } = loaded.config;
  if (include.length === 0 && exclude.length === 0) return undefined;
  return { dir: loaded.dir, include: include.map(globToRegExp), exclude: exclude.map(globToRegExp) };
}

async function refuseDirtyTree(targets: string[]): Promise<void> {
  const state = await gitState(targets);
  if (state.kind !== 'dirty') return;
  const shown = state.files.slice(0, 5).join(', ') + (state.files.length > 5 ? ', …' : '');
  throw new UsageError(
    `refusing to migrate: the git working tree has uncommitted changes under the target paths (${shown}).\n` +
      'Commit or stash them first so the migration can be reviewed and undone, or rerun with --force.',
  );
}

async function verify(cwd: string, results: FileResult[]): Promise<NonNullable<Report['verify']>> {
  // Loaded only when asked for: the type-checker is the expensive part of the tool.
  const { verifyRewrite } = await import('../project/verify.js');
  const files = results.map((r) => ({ path: r.file, before: r.before ?? '', after: r.after ?? '' }));
  const { introduced, preexisting, environment, ms } = await verifyRewrite({ cwd, files });
  const relative = (d: VerifyDiagnostic): VerifyDiagnostic => ({
    ...d,
    path: isAbsolute(d.path) ? displayPath(d.path, cwd) : d.path,
  });
  return { introduced: introduced.map(relative), ms, ...(preexisting > 0 && { preexisting }), ...(environment && { environment }) };
}

/** The type check could not judge the rewrite: what to install before trusting `--verify`. */
function environmentText({ install, problems }: { install: string[]; problems: string[] }, dryRun: boolean): string {
  const what = install.length > 0 ? `npm install --save-dev ${install.join(' ')}` : 'npm install';
  const rerun = dryRun ? '' : ' (the files are rewritten: review them with `git diff`)';
  return (
    `--verify cannot judge the rewrite: the project's type environment is unusable${rerun}.\n` +
    problems.map((p) => `  ${p}\n`).join('') +
    `Install the project's dependencies first (\`npm ci\`, or \`${what}\`) and run \`migrate --verify\` again.\n`
  );
}

function verifyText(introduced: VerifyDiagnostic[]): string {
  if (introduced.length === 0) return '--verify: the rewrite introduced no type errors.\n';
  const lines = introduced.map((d) => `  ${d.path}:${d.line}  TS${d.code}: ${d.message}`);
  return `--verify: the rewrite introduced ${introduced.length} type error(s):\n${lines.join('\n')}\n`;
}

/** Test hook: stop starting files after this many until a signal arrives (interruption tests). */
const HOLD_AFTER_ENV = 'OPENAI_TO_AZURE_TEST_HOLD_AFTER';

/**
 * SIGINT/SIGTERM abort the run: files in flight finish (each write is atomic), no new one starts. A second signal
 * exits at once, still with 130. Returns the signal and a function that removes the handlers.
 */
function interruptOn(term: Terminal, progress: Progress): { signal: AbortSignal; release(): void } {
  const controller = new AbortController();
  const onSignal = (): void => {
    if (controller.signal.aborted) process.exit(EXIT.interrupted);
    controller.abort();
    progress.clear();
    term.err.write('interrupted: finishing the files in progress (press Ctrl-C again to stop at once)\n');
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return {
    signal: controller.signal,
    release() {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    },
  };
}

/** `openai-to-azure migrate [paths...]`: returns the exit code. */
export async function runMigrate(paths: string[], flags: MigrateFlags, term: Terminal): Promise<number> {
  const { cwd } = term;
  const targets = (paths.length > 0 ? paths : ['.']).map((p) => resolve(cwd, p));
  const missing = targets.find((t) => !existsSync(t));
  if (missing) throw new UsageError(`no such file or folder: ${displayPath(missing, cwd) || missing}`);
  const writeReport = flags.report ? reportWriterFor(flags.report) : undefined;
  if (flags.plan) planWriterFor(flags.plan, '--plan');
  const loaded = await loadConfig({ explicit: flags.config, startDir: targets[0]!, cwd });
  const plan = planFile(flags, loaded, cwd);
  const writePlan = plan ? planWriterFor(plan.file, plan.source) : undefined;
  const options = resolveOptions(flags, loaded.config);
  if (!flags.dryRun && !flags.force) await refuseDirtyTree(targets);

  const human = !flags.json;
  const progress = new Progress(term.err);
  const changed: FileResult[] = [];
  const interrupt = interruptOn(term, progress);
  const holdAfter = process.env[HOLD_AFTER_ENV] ? Number(process.env[HOLD_AFTER_ENV]) : undefined;
  const report = await migrate({
    signal: interrupt.signal,
    holdAfter,
    cwd,
    paths: targets,
    options,
    globs: globFilter(loaded),
    dryRun: flags.dryRun ?? false,
    workers: flags.workers ?? defaultWorkers(),
    maxFileSize: flags.maxFileSize ?? loaded.config.maxFileSize,
    diff: human && flags.dryRun,
    keepText: flags.verify,
    shard: flags.shard,
    onScan: (n) => progress.update(`scanning: ${n} files`),
    onPeerProgress: (done, total) => progress.update(`reading the other shards' files for the config files: ${done}/${total}`),
    onResult: (result, done, total) => {
      if (flags.verify && result.status === 'changed') changed.push(result);
      if (human && result.diff) {
        progress.clear();
        term.out.write(`${colorDiff(result.diff, term.outColors)}\n`);
      } else if (human && !flags.dryRun && result.status === 'changed') {
        progress.clear();
        term.out.write(`${term.outColors.green('changed')} ${result.path}\n`);
      }
      progress.update(`migrating: ${done}/${total} ${result.path}`);
    },
    onSkip: (result) => {
      progress.clear();
      term.err.write(`${term.errColors.yellow('skipped')} ${result.path}: ${result.reason}\n`);
    },
    onConfigResult: (result) => {
      if (human && result.diff) term.out.write(`${colorDiff(result.diff, term.outColors)}\n`);
      else if (human && !flags.dryRun && result.status === 'changed') {
        term.out.write(`${term.outColors.green('changed')} ${result.path}\n`);
      }
    },
    onWarning: (message) => {
      progress.clear();
      term.err.write(`${term.errColors.yellow('warning:')} ${message}\n`);
    },
  }).finally(() => interrupt.release());
  progress.clear();
  if (flags.verify && !report.interrupted) report.verify = await verify(cwd, changed);

  if (writeReport) {
    const file = resolve(cwd, flags.report!);
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, writeReport(report));
  }
  // Under --shard only the config shard knows every deployment: the plan is its to write.
  if (writePlan && plan && (flags.shard?.index ?? CONFIG_SHARD) === CONFIG_SHARD) {
    await mkdir(dirname(plan.file), { recursive: true });
    await writeFile(plan.file, writePlan(report.deployments ?? []));
  }
  if (flags.json) term.out.write(`${JSON.stringify(report, null, 2)}\n`);
  else {
    if (!flags.dryRun && report.summary.changed > 0) term.out.write('\n');
    term.out.write(summaryText(report, { dryRun: flags.dryRun ?? false, auth: options.auth }, term.outColors));
    if (report.verify && !report.verify.environment) term.out.write(`\n${verifyText(report.verify.introduced)}`);
  }
  if (report.verify?.environment) {
    term.err.write(`\n${environmentText(report.verify.environment, flags.dryRun ?? false)}`);
    return EXIT.usage;
  }
  if (report.interrupted) return EXIT.interrupted;
  const configFailed = report.configFiles?.some((f) => f.status === 'failed') ?? false;
  const failed = report.summary.failed > 0 || configFailed || (report.verify?.introduced.length ?? 0) > 0;
  return failed ? EXIT.failed : EXIT.ok;
}
