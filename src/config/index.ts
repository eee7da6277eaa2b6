export { ConfigError } from './errors.js';
export { CONFIG_FILES, PACKAGE_KEY, findConfig, loadConfig, parseConfig, type LoadedConfig } from './load.js';
export { parseDeploymentFlags, resolveOptions, type OptionFlags } from './resolve.js';
export { CONFIG_SCHEMA, type Config } from './schema.js';
export { validate, type JsonSchema } from './validate.js';
