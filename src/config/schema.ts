import type { AuthMode, DeploymentSetting, Target } from '../core/index.js';
import rawSchema from './schema.json' with { type: 'json' };
import type { JsonSchema } from './validate.js';

/** The shipped JSON Schema (`openai-to-azure/config-schema.json`), typed for the validator. */
export const CONFIG_SCHEMA = rawSchema as JsonSchema;

/** A valid config file's content. */
export interface Config {
  target?: Target;
  auth?: AuthMode;
  apiVersion?: string;
  deployments?: Record<string, DeploymentSetting>;
  maxFileSize?: number;
  /** The deployment plan file (`.sh` or `.bicep`), relative to the config file's folder; `--plan` wins. */
  plan?: string;
  include?: string[];
  exclude?: string[];
}

/** The schema of one top-level key, for validating the flag that overrides it. */
export function keySchema(key: keyof Config): JsonSchema {
  return CONFIG_SCHEMA.properties![key]!;
}
