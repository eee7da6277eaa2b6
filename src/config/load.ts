import { readFile, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { ConfigError } from './errors.js';
import { CONFIG_SCHEMA, type Config } from './schema.js';
import { validate } from './validate.js';

/** Looked for in each folder from the first path upward, in this order. */
export const CONFIG_FILES: readonly string[] = ['openai-to-azure.config.json', '.openai-to-azurerc.json'];
/** The key read from `package.json` when a folder has no config file. */
export const PACKAGE_KEY = 'openai-to-azure';

export interface LoadedConfig {
  config: Config;
  /** The file it came from; undefined when none was found (defaults). */
  file?: string;
  /** The folder `include`/`exclude` globs are relative to. */
  dir: string;
}

async function readJson(file: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new ConfigError(`cannot read config file ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new ConfigError(`${file} is not valid JSON: ${(error as Error).message}`);
  }
}

/** The config inside a file: the whole file, or the `"openai-to-azure"` key of a package.json. */
async function configIn(file: string): Promise<unknown> {
  const json = await readJson(file);
  if (basename(file) !== 'package.json') return json;
  return (json as Record<string, unknown> | null)?.[PACKAGE_KEY];
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    (s) => s.isFile(),
    () => false,
  );
}

/** The nearest config file from `startDir` upward (a package.json counts only if it has the key). */
export async function findConfig(startDir: string): Promise<string | undefined> {
  for (let dir = resolve(startDir); ; dir = dirname(dir)) {
    for (const name of CONFIG_FILES) if (await exists(join(dir, name))) return join(dir, name);
    const pkg = join(dir, 'package.json');
    if ((await exists(pkg)) && (await configIn(pkg)) !== undefined) return pkg;
    if (dirname(dir) === dir) return undefined;
  }
}

export function parseConfig(value: unknown, file: string): Config {
  const errors = validate(value, CONFIG_SCHEMA, '');
  if (errors.length > 0) throw new ConfigError(`invalid config ${file}:\n  ${errors.join('\n  ')}`);
  return value as Config;
}

/** The config given by `--config`, else the nearest one from `startDir`, else none (defaults). */
export async function loadConfig(input: { explicit?: string; startDir: string; cwd: string }): Promise<LoadedConfig> {
  const file = input.explicit ? resolve(input.cwd, input.explicit) : await findConfig(input.startDir);
  if (!file) return { config: {}, dir: input.cwd };
  const value = await configIn(file);
  if (value === undefined) throw new ConfigError(`${file} has no "${PACKAGE_KEY}" key`);
  return { config: parseConfig(value, file), file, dir: dirname(file) };
}
