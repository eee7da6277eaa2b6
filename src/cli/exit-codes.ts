/** The CLI's exit codes (contract): TODO markers do not fail a run. */
export const EXIT = {
  ok: 0,
  /** migrate: some file failed (or `--verify` found new type errors); check: something was found. */
  failed: 1,
  /** Bad usage, bad config, or refused (dirty git tree). */
  usage: 2,
  /** Stopped by SIGINT/SIGTERM after finishing the writes in flight (128 + SIGINT's number, as shells report it). */
  interrupted: 130,
} as const;

/** Bad usage or a refusal: the message is printed as is and the exit code is 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}
