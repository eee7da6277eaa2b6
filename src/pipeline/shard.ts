import { createHash } from 'node:crypto';

/**
 * `--shard <i>/<n>`: this run transforms and writes only the files whose path hashes to part `index` of `count`.
 * Discovery and the project index still cover the whole tree, so every shard knows the same cross-file facts.
 */
export interface Shard {
  /** 1-based. */
  index: number;
  count: number;
}

const SHAPE = /^(\d+)\/(\d+)$/;

/** `"2/4"` → `{ index: 2, count: 4 }`; a message saying what is wrong otherwise. */
export function parseShard(text: string): Shard | string {
  const match = SHAPE.exec(text.trim());
  if (!match) return `expected <i>/<n> (e.g. 2/4), got ${JSON.stringify(text)}`;
  const index = Number(match[1]);
  const count = Number(match[2]);
  if (!Number.isSafeInteger(count) || count < 1) return `the shard count must be at least 1, got ${match[2]}`;
  if (!Number.isSafeInteger(index) || index < 1 || index > count) {
    return `the shard index must be between 1 and ${count}, got ${match[1]}`;
  }
  return { index, count };
}

/**
 * The part (1-based) of `count` that owns a file, from its path relative to the working directory with `/`
 * separators (the report's path): SHA-256, so every machine, OS and Node version agrees.
 */
export function shardOf(path: string, count: number): number {
  if (count === 1) return 1;
  return (createHash('sha256').update(path, 'utf8').digest().readUInt32BE(0) % count) + 1;
}

/** Whether `shard` owns the file at report path `path` (every file, without a shard). */
export function ownedBy(path: string, shard: Shard | undefined): boolean {
  return !shard || shardOf(path, shard.count) === shard.index;
}

/**
 * The shard that edits the config files (env templates, YAML, package.json) and writes the plan. They follow the
 * whole tree's env list, deployments and imports, so that shard also runs the other shards' files in memory.
 */
export const CONFIG_SHARD = 1;
