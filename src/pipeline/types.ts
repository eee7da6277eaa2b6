import type { MigrationOptions } from '../core/index.js';
import type { Change, DeploymentUse, PackageNeeds, SecretFinding, Todo } from '../../transforms/lib/types.js';

/** `skipped`: over a limit (size, minified, binary) and never parsed; `reason` says which. */
export type FileStatus = 'changed' | 'unchanged' | 'failed' | 'skipped';

/** What processing one file produced: plain data, so it crosses worker threads as is. */
export interface FileResult {
  /** Absolute path. */
  file: string;
  /** Relative to the working directory, with `/`. */
  path: string;
  status: FileStatus;
  changes: Change[];
  todos: Todo[];
  /** Masked forms only. */
  secrets: SecretFinding[];
  env: string[];
  notes: string[];
  /** Models the file sends as deployments (code files). */
  deployments?: DeploymentUse[];
  /** Dependencies the migrated file needs or stopped importing (code files). */
  packages?: PackageNeeds;
  /** Each api-version variable the migrated code reads, with the version it falls back to (code files). */
  apiVersions?: Record<string, string>;
  /** OpenAI variables the code still reads after the run (code files): config files keep them. */
  staleEnv?: string[];
  /** Replaced packages (`@ai-sdk/openai`, …) the file still imports after the run (code files). */
  imports?: string[];
  /** Why the file failed (secrets masked). */
  error?: string;
  /** Why the file was skipped (`too large: 8.1 MB > 1 MB`, `minified`, `binary`). */
  reason?: string;
  /** With `diff`: the unified diff of a changed file (secrets masked). */
  diff?: string;
  /** With `keepText`: the text before and after, for `--verify`. */
  before?: string;
  after?: string;
}

/** The same for every file of a run (a worker gets one copy). */
export interface ProcessSettings {
  cwd: string;
  options: MigrationOptions;
  /** Write nothing. */
  dryRun: boolean;
  /** Produce the unified diff of each changed file. */
  diff: boolean;
  /** Keep the before/after text of each changed file. */
  keepText: boolean;
}
