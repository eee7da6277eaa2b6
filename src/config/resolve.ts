import { DEFAULT_OPTIONS, type DeploymentSetting, type MigrationOptions } from '../core/index.js';
import { ConfigError } from './errors.js';
import { keySchema, type Config } from './schema.js';
import { validate } from './validate.js';

/** The `migrate` flags that override config keys, as the CLI parsed them. */
export interface OptionFlags {
  target?: string;
  auth?: string;
  apiVersion?: string;
  /** `--deployment <model>=<name>`, repeatable. */
  deployment?: readonly string[];
}

/** Which config key each flag overrides, so a bad flag is checked by the same schema and named as the flag. */
const FLAG_KEYS: readonly (readonly [keyof OptionFlags & keyof Config, string])[] = [
  ['target', '--target'],
  ['auth', '--auth'],
  ['apiVersion', '--api-version'],
];

export function parseDeploymentFlags(pairs: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    if (eq <= 0 || eq === pair.length - 1) {
      throw new ConfigError(`--deployment expects <model>=<name>, got ${JSON.stringify(pair)}`);
    }
    out[pair.slice(0, eq).trim()] = pair.slice(eq + 1).trim();
  }
  return out;
}

/** Flags win over the config file, the config file over the defaults; `--deployment` wins per model. */
export function resolveOptions(flags: OptionFlags, config: Config): MigrationOptions {
  for (const [key, flag] of FLAG_KEYS) {
    const value = flags[key];
    const errors = value === undefined ? [] : validate(value, keySchema(key), flag);
    if (errors.length > 0) throw new ConfigError(errors.join('\n').replaceAll(`"${flag}"`, flag));
  }
  const deployments: Record<string, DeploymentSetting> = {
    ...config.deployments,
    ...parseDeploymentFlags(flags.deployment ?? []),
  };
  const apiVersion = flags.apiVersion ?? config.apiVersion;
  return {
    target: (flags.target as MigrationOptions['target'] | undefined) ?? config.target ?? DEFAULT_OPTIONS.target,
    auth: (flags.auth as MigrationOptions['auth'] | undefined) ?? config.auth ?? DEFAULT_OPTIONS.auth,
    apiVersion: apiVersion ?? DEFAULT_OPTIONS.apiVersion,
    apiVersionExplicit: apiVersion !== undefined,
    deployments,
  };
}
