import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

const CONFIG_NAMES = ['tsconfig.json', 'jsconfig.json'];

/**
 * The nearest tsconfig.json (or jsconfig.json, as Next.js JS apps keep their `paths` there) at or above `dir`;
 * in `dir` alone when `above` is false.
 */
export function findConfigFile(dir: string, above = true): string | undefined {
  for (let current = path.resolve(dir); ; current = path.dirname(current)) {
    for (const name of CONFIG_NAMES) {
      const candidate = path.join(current, name);
      if (existsSync(candidate)) return candidate;
    }
    if (!above || path.dirname(current) === current) return undefined;
  }
}

/** What module resolution reads from a config: absolute `baseUrl`, and `paths` with the directory they are relative to. */
export interface AliasOptions {
  baseUrl?: string;
  paths?: Record<string, string[]>;
  /** The directory of the config that declared `paths` (TypeScript resolves them from there when `baseUrl` is unset). */
  pathsBase?: string;
}

/**
 * tsconfig's JSON dialect: `//` and `/* *\/` comments and trailing commas, dropped outside strings before `JSON.parse`.
 * Undefined when the text is not valid even so.
 */
export function parseJsonc(text: string): unknown {
  let out = '';
  let i = 0;
  const skipTrivia = (from: number): number => {
    let j = from;
    for (;;) {
      while (j < text.length && /\s/.test(text[j]!)) j++;
      if (text.startsWith('//', j)) j = text.includes('\n', j) ? text.indexOf('\n', j) : text.length;
      else if (text.startsWith('/*', j)) j = text.includes('*/', j + 2) ? text.indexOf('*/', j + 2) + 2 : text.length;
      else return j;
    }
  };
  while (i < text.length) {
    const c = text[i]!;
    if (c === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      out += text.slice(i, j + 1);
      i = j + 1;
    } else if (c === '/' && (text[i + 1] === '/' || text[i + 1] === '*')) {
      i = skipTrivia(i);
    } else if (c === ',' && (text[skipTrivia(i + 1)] === '}' || text[skipTrivia(i + 1)] === ']')) {
      i++;
    } else {
      out += c;
      i++;
    }
  }
  try {
    return JSON.parse(out);
  } catch {
    return undefined;
  }
}

interface ConfigFile {
  options: AliasOptions;
  /** Absolute paths of the referenced configs (`references`), when the config has the field. */
  references?: string[];
}

/** An `extends` target: a path (`.json` optional) or a package's config under node_modules. */
function extendedConfig(spec: string, dir: string): string | undefined {
  if (spec.startsWith('./') || spec.startsWith('../') || path.isAbsolute(spec)) {
    const file = path.resolve(dir, spec);
    return existsSync(file) || file.endsWith('.json') ? file : `${file}.json`;
  }
  for (let current = dir; ; current = path.dirname(current)) {
    const base = path.join(current, 'node_modules', spec);
    for (const file of [base, `${base}.json`, path.join(base, 'tsconfig.json')]) if (existsSync(file) && file.endsWith('.json')) return file;
    if (path.dirname(current) === current) return undefined;
  }
}

function readConfig(configFile: string, seen: Set<string>): ConfigFile | undefined {
  if (seen.has(configFile)) return undefined;
  seen.add(configFile);
  let raw: unknown;
  try {
    raw = parseJsonc(readFileSync(configFile, 'utf8'));
  } catch {
    return undefined;
  }
  if (typeof raw !== 'object' || raw === null) return undefined;
  const config = raw as { extends?: unknown; compilerOptions?: { baseUrl?: unknown; paths?: unknown }; references?: unknown };
  const dir = path.dirname(configFile);
  let options: AliasOptions = {};
  const bases = typeof config.extends === 'string' ? [config.extends] : Array.isArray(config.extends) ? config.extends : [];
  for (const base of bases) {
    const file = typeof base === 'string' ? extendedConfig(base, dir) : undefined;
    const inherited = file && readConfig(file, seen)?.options;
    if (inherited) options = { ...options, ...inherited };
  }
  const own = config.compilerOptions;
  if (typeof own?.baseUrl === 'string') options.baseUrl = path.resolve(dir, own.baseUrl);
  if (typeof own?.paths === 'object' && own.paths !== null) {
    options.paths = own.paths as Record<string, string[]>;
    options.pathsBase = dir;
  }
  if (!Array.isArray(config.references)) return { options };
  const references = config.references.flatMap((ref: { path?: unknown }) => {
    if (typeof ref?.path !== 'string') return [];
    const target = path.resolve(dir, ref.path);
    return [target.endsWith('.json') ? target : path.join(target, 'tsconfig.json')];
  });
  return { options, references };
}

/**
 * A config's aliases (`baseUrl`, `paths`), `extends` followed, read without TypeScript. Errors (a missing base, bad
 * JSON) leave whatever options could be read. A solution-style config (`"files": []` plus `references`, as Vite's
 * templates write) keeps its aliases in a referenced config: the first referenced config with `paths` stands in for it.
 */
export function readAliasOptions(configFile: string): AliasOptions {
  const parsed = readConfig(configFile, new Set());
  if (!parsed) return {};
  if (parsed.options.paths || !parsed.references) return parsed.options;
  for (const reference of parsed.references) {
    const options = readConfig(reference, new Set())?.options;
    if (options?.paths) return options;
  }
  return parsed.options;
}
