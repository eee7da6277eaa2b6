/**
 * The ESLint instance `check` runs: the plugin's recommended rules on JS/TS and its text rules on config, docs
 * and env files, from a built-in configuration. The user's eslint.config.* is never loaded, so the check works
 * the same in any project and in hook runners that cannot resolve an ESM config's plugins (pre-commit #3321).
 */
import path from 'node:path';
import { ESLint, type Linter } from 'eslint';
import plugin from '../../rules/index.js';
import { CODE_GLOBS, TEXT_GLOBS } from './files.js';

const NAMESPACE = 'openai-to-azure';

/** The plugin's configs, scoped to exactly the files discovery picks (see files.ts). */
export function builtInConfig(): Linter.Config[] {
  return [
    { ...plugin.configs.recommended, files: [...CODE_GLOBS] },
    { ...plugin.configs.text, files: [...TEXT_GLOBS] },
    // Directives written for the user's own rule set are none of our business.
    { linterOptions: { reportUnusedDisableDirectives: 'off', reportUnusedInlineConfigs: 'off' } },
  ];
}

/** ESLint 10 applies bulk suppressions through its Node API; ESLint 9 (a supported peer) only in its own CLI. */
const NODE_API_SUPPRESSIONS = Number.parseInt(ESLint.version, 10) >= 10;

/**
 * The folder holding the working directory and every file: ESLint ignores files outside its `cwd` without a word,
 * so `check ..` from a subfolder would report nothing.
 */
export function baseDir(cwd: string, files: readonly string[]): string {
  let base = cwd;
  for (const file of files) {
    while (path.relative(base, file).startsWith('..')) base = path.dirname(base);
  }
  return base;
}

/** `cwd`: where the run started (eslint-suppressions.json lives there); `base`: see baseDir. */
export function createESLint(cwd: string, base = cwd): ESLint {
  return new ESLint({
    cwd: base,
    overrideConfigFile: true,
    overrideConfig: builtInConfig(),
    ignore: true,
    warnIgnored: false,
    errorOnUnmatchedPattern: false,
    // Honour eslint-suppressions.json (ESLint bulk suppressions) when the project has one.
    ...(NODE_API_SUPPRESSIONS && {
      applySuppressions: true,
      suppressionsLocation: path.join(cwd, 'eslint-suppressions.json'),
    }),
  });
}

/** ESLint's own wording for a file its parser rejected (lib/services/parser-service.js). */
const PARSE_ERROR = 'Parsing error:';

function isOurs(m: Linter.LintMessage): boolean {
  if (m.ruleId === null) return m.fatal === true && m.message.startsWith(PARSE_ERROR);
  return m.ruleId.startsWith(`${NAMESPACE}/`);
}

/**
 * What `check` reports: our rules' findings and parse errors, and no file sources. A user's inline comments about
 * their own setup (an `eslint-env` comment, which ESLint 10 reports as fatal; configuration for rules we do not load)
 * make ESLint report problems that are not ours to report. ESLint also puts the text of every file with a problem
 * in `source`, which the json format would print: a flagged key would end up in CI logs.
 */
export function reportable(results: ESLint.LintResult[]): ESLint.LintResult[] {
  return results.map(({ source: _source, ...result }) => {
    const messages = result.messages.filter(isOurs);
    if (messages.length === result.messages.length) return result;
    const errors = messages.filter((m) => m.severity === 2);
    const warnings = messages.filter((m) => m.severity === 1);
    return {
      ...result,
      messages,
      errorCount: errors.length,
      fatalErrorCount: errors.filter((m) => m.fatal === true).length,
      warningCount: warnings.length,
      fixableErrorCount: errors.filter((m) => m.fix !== undefined).length,
      fixableWarningCount: warnings.filter((m) => m.fix !== undefined).length,
    };
  });
}
