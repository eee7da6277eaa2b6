/** A bad config file or flag: the CLI prints the message and exits 2. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}
