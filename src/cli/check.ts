/**
 * `openai-to-azure check [paths...] [--format stylish|json|sarif] [--staged]`: lint for code and config that still
 * talks to OpenAI directly. Exit 0 nothing found, 1 anything found (parse errors included), 2 bad usage.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { discoverFiles, MissingPathError } from '../check/discover.js';
import { formatResults, FORMATS, isFormat } from '../check/format.js';
import { NotAGitRepositoryError, stagedFiles } from '../check/staged.js';
import { DEFAULT_MAX_FILE_SIZE, screenFile } from '../pipeline/limits.js';
import { EXIT, UsageError } from './exit-codes.js';
import { useColor } from './terminal.js';

export interface CheckOptions {
  format: 'stylish' | 'json' | 'sarif';
  staged: boolean;
  cwd: string;
}

function write(text: string): Promise<void> {
  // Wait for the flush: the caller may exit right after, and a large SARIF log to a pipe must not be cut short.
  return new Promise((resolve, reject) => process.stdout.write(text, (err) => (err ? reject(err) : resolve())));
}

async function filesInScope(args: string[], opts: CheckOptions): Promise<string[]> {
  if (!opts.staged) return discoverFiles(args, opts.cwd);
  const scopes = args.map((arg) => path.resolve(opts.cwd, arg));
  const missing = args.find((_, i) => !existsSync(scopes[i]!));
  if (missing !== undefined) throw new MissingPathError(missing);
  return stagedFiles(scopes, opts.cwd);
}

/**
 * The migration's text pre-filter and limits: every rule in the built-in configuration needs text it looks for
 * (`openai`, `sk-`, a model name), so a file without any cannot yield a finding and is never parsed; files over the
 * size limit, minified bundles and binary files are skipped with a note on stderr. Unreadable files stay.
 */
function mayHaveFindings(file: string, cwd: string): boolean {
  const screening = screenFile(file, DEFAULT_MAX_FILE_SIZE);
  if (screening.kind === 'skipped') {
    process.stderr.write(`openai-to-azure check: skipped ${path.relative(cwd, file).split(path.sep).join('/')}: ${screening.reason}\n`);
  }
  return screening.kind === 'text' || screening.kind === 'unreadable';
}

async function filesToCheck(args: string[], opts: CheckOptions): Promise<string[]> {
  return (await filesInScope(args, opts)).filter((file) => mayHaveFindings(file, opts.cwd));
}

export async function runCheck(paths: string[], opts: CheckOptions): Promise<number> {
  try {
    if (!isFormat(opts.format)) {
      throw new UsageError(`unknown format "${String(opts.format)}" (expected ${FORMATS.join(', ')})`);
    }
    const files = await filesToCheck(paths.length > 0 ? paths : ['.'], opts);
    // Nothing to check in stylish means nothing to print: skip loading ESLint (hooks on unrelated commits).
    if (files.length === 0 && opts.format === 'stylish') return EXIT.ok;

    const { baseDir, createESLint, reportable } = await import('../check/eslint.js');
    const eslint = createESLint(opts.cwd, baseDir(opts.cwd, files));
    const results = files.length > 0 ? reportable(await eslint.lintFiles(files)) : [];
    await write(await formatResults(eslint, results, opts.format, { cwd: opts.cwd, color: useColor(process.stdout) }));
    return results.some((r) => r.messages.length > 0) ? EXIT.failed : EXIT.ok;
  } catch (err) {
    const usage = err instanceof UsageError || err instanceof MissingPathError || err instanceof NotAGitRepositoryError;
    const message = err instanceof Error ? err.message : String(err);
    process.stderr.write(`openai-to-azure check: ${usage ? message : `internal error: ${message}`}\n`);
    return EXIT.usage;
  }
}
