import { existsSync } from 'node:fs';
import path from 'node:path';
import { ts } from 'ts-morph';

const CONFIG_NAMES = ['tsconfig.json', 'jsconfig.json'];

/** The nearest tsconfig.json (or jsconfig.json, as Next.js JS apps keep their `paths` there) at or above `dir`. */
export function findConfigFile(dir: string): string | undefined {
  for (let current = path.resolve(dir); ; current = path.dirname(current)) {
    for (const name of CONFIG_NAMES) {
      const candidate = path.join(current, name);
      if (existsSync(candidate)) return candidate;
    }
    if (path.dirname(current) === current) return undefined;
  }
}

function parseConfig(configFile: string): ts.ParsedCommandLine | undefined {
  const read = ts.readConfigFile(configFile, ts.sys.readFile);
  if (read.error || typeof read.config !== 'object' || read.config === null) return undefined;
  const host: ts.ParseConfigHost = {
    useCaseSensitiveFileNames: ts.sys.useCaseSensitiveFileNames,
    readDirectory: () => [],
    fileExists: ts.sys.fileExists,
    readFile: ts.sys.readFile,
  };
  return ts.parseJsonConfigFileContent(read.config, host, path.dirname(configFile), undefined, configFile);
}

/**
 * A config's compiler options, `extends` followed, without expanding its `include` globs (a directory walk the
 * index does not need). Errors (a missing base, "no inputs") leave whatever options could be read. A solution-style
 * config (`"files": []` plus `references`, as Vite's templates write) keeps its aliases in a referenced config:
 * the first referenced config with `paths` stands in for it.
 */
export function readCompilerOptions(configFile: string): ts.CompilerOptions {
  const parsed = parseConfig(configFile);
  if (!parsed) return {};
  if (parsed.options.paths || !parsed.projectReferences) return parsed.options;
  for (const reference of parsed.projectReferences) {
    const options = parseConfig(ts.resolveProjectReferencePath(reference))?.options;
    if (options?.paths) return options;
  }
  return parsed.options;
}
