import { basename, dirname, sep } from 'node:path';
import { ENV_FILE_STEMS } from '../core/env.js';

/** The non-code files `migrate` edits, by kind. */
export type ConfigKind = 'env-template' | 'env-file' | 'yaml' | 'package-json' | 'import-map' | 'turbo';

/** Deno's import maps: a `deno.json(c)` (its `imports`) or a standalone map (Supabase functions keep one beside them). */
export const IMPORT_MAP_FILES: readonly string[] = ['deno.json', 'deno.jsonc', 'import_map.json', 'import-map.json'];

const STEMS = ENV_FILE_STEMS.map((stem) => stem.replace(/\./g, '\\.')).join('|');
/** `.env.example`, `.env.local.example`, `.env.sample`, `.env.template`, `.env-example`, `example.env`, `.dev.vars.example`, … */
const ENV_TEMPLATE = new RegExp(
  `^(?:(?:${STEMS})(?:[.-][\\w-]+)*[.-](?:example|sample|template|dist|defaults?)|(?:example|sample|template)\\.env|env\\.(?:example|sample|template))$`,
  'i',
);
const ENV_FILE = new RegExp(`^(?:${STEMS})(?:\\.[\\w-]+)*$`);
const YAML = /\.ya?ml$/i;

/** The config kind of a file by its path, or undefined when it is none of ours. */
export function configKind(path: string): ConfigKind | undefined {
  const name = basename(path);
  if (name === 'package.json') return 'package-json';
  if (IMPORT_MAP_FILES.includes(name)) return 'import-map';
  if (name === 'turbo.json') return 'turbo';
  if (ENV_TEMPLATE.test(name)) return 'env-template';
  if (ENV_FILE.test(name)) return 'env-file';
  if (YAML.test(name)) return 'yaml';
  return undefined;
}

/** The hidden folders a config walk enters: `.github` (for `.github/workflows/` only). */
export function entersHiddenDir(name: string): boolean {
  return name === '.github';
}

/** Under `.github/`, only workflows are ours (not dependabot, issue templates, …). */
export function acceptsConfigPath(path: string): boolean {
  const parts = dirname(path).split(sep);
  const github = parts.lastIndexOf('.github');
  return github < 0 || parts[github + 1] === 'workflows';
}
