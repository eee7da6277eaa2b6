/**
 * The programmatic API of openai-to-azure: the `migrate` pipeline, its config and report, and the detection core.
 * The ESLint plugin is a separate entry point (`openai-to-azure/eslint-plugin`).
 */
export * from './core/index.js';
export {
  CONFIG_SCHEMA,
  ConfigError,
  findConfig,
  loadConfig,
  parseConfig,
  resolveOptions,
  type Config,
  type LoadedConfig,
  type OptionFlags,
} from './config/index.js';
export { discover, isSourceFile, type GlobFilter } from './pipeline/discover.js';
export { gitState, type GitState } from './pipeline/git.js';
export { globToRegExp } from './pipeline/glob.js';
export { migrate, type MigrateRequest } from './pipeline/migrate.js';
export { defaultWorkers } from './pipeline/pool.js';
export { processFile } from './pipeline/process-file.js';
export type { Report, ReportFile, ReportSummary, VerifyDiagnostic } from './pipeline/report.js';
export { reportMarkdown } from './pipeline/report-markdown.js';
export type { FileResult, FileStatus, ProcessSettings } from './pipeline/types.js';
