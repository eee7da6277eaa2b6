/** `check --format`: ESLint's own stylish and json formatters, and SARIF 2.1.0 for code scanning. */
import { createRequire } from 'node:module';
import type { ESLint } from 'eslint';
import { gitRootOf } from '../pipeline/gitignore.js';
import { packageVersion } from '../cli/version.js';
import { forCodeScanning } from './sarif.js';

export const FORMATS = ['stylish', 'json', 'sarif'] as const;
export type CheckFormat = (typeof FORMATS)[number];

export function isFormat(value: string): value is CheckFormat {
  return (FORMATS as readonly string[]).includes(value);
}

type SarifFormatter = (results: ESLint.LintResult[], data: { cwd: string; rulesMeta: Record<string, unknown> }) => string;

export async function formatResults(
  eslint: ESLint,
  results: ESLint.LintResult[],
  format: CheckFormat,
  { cwd, color }: { cwd: string; color: boolean },
): Promise<string> {
  if (format === 'sarif') {
    // CommonJS, no types; loaded only when asked for. Rule metadata gives the SARIF rules their help URIs.
    const sarif = createRequire(import.meta.url)('@microsoft/eslint-formatter-sarif') as SarifFormatter;
    const text = sarif(results, { cwd, rulesMeta: eslint.getRulesMetaForResults(results) });
    return `${forCodeScanning(text, { root: (await gitRootOf(cwd)) ?? cwd, version: packageVersion() })}\n`;
  }
  const formatter = await eslint.loadFormatter(format);
  const text = await formatter.format(results, { color });
  return format === 'json' ? `${text}\n` : text;
}
