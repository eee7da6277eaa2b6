// What bench/index-build.mjs and bench/regions.mjs share: their command line (a tree, `--dist <other build>`,
// `--rounds N`), loading a module from either build, and the candidates of a tree read and parsed as a run parses them.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The tree and the builds to alternate (this checkout's `dist/` first), or the usage line and exit 2. */
export function abOptions(usage, defaultRounds) {
  const { values: opts, positionals } = parseArgs({
    allowPositionals: true,
    options: { dist: { type: 'string' }, rounds: { type: 'string', default: String(defaultRounds) } },
  });
  const tree = positionals[0] && path.resolve(positionals[0]);
  if (!tree) {
    console.error(`usage: ${usage}`);
    process.exit(2);
  }
  const dists = [path.join(ROOT, 'dist'), ...(opts.dist ? [path.resolve(opts.dist)] : [])];
  return { tree, dists, rounds: Number(opts.rounds) };
}

export const load = (dist, file) => import(path.join(dist, file));

/** Each candidate of `tree` (discovery and the pre-filter of `dist`) with Babel's plain tree of it, as a run parses it; files that do not parse are left out. */
export async function* parsedCandidates(tree, dist) {
  const { discover } = await load(dist, 'src/pipeline/discover.js');
  const { screenFile } = await load(dist, 'src/pipeline/limits.js');
  const { isMigrationCandidate } = await load(dist, 'src/core/index.js');
  const { plainParserFor, parserNameFor } = await load(dist, 'transforms/lib/parser.js');
  for await (const file of discover([tree])) {
    if (screenFile(file, 1_000_000, isMigrationCandidate).kind !== 'text') continue;
    const source = readFileSync(file, 'utf8');
    const parser = plainParserFor(parserNameFor(file, source) ?? 'ts');
    let ast;
    try {
      ast = parser.parse(source);
    } catch {
      continue;
    }
    yield { file, parser, ast };
  }
}
