#!/usr/bin/env node
// The per-file index (transforms/lib/file-index.js) built over every candidate of a tree, timed in one process:
// each file parsed once (Babel's plain tree, as the transforms get it), then `--rounds` rounds that each build the
// index of every file twice. With `--dist <other build>` (a scratch build of main, say) the two builds alternate
// round by round, so both see the same machine and the same warmed-up parser output.
//
//   node bench/index-build.mjs <dir> [--dist <other dist>] [--rounds 6]
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values: opts, positionals } = parseArgs({
  allowPositionals: true,
  options: { dist: { type: 'string' }, rounds: { type: 'string', default: '6' } },
});
const tree = positionals[0] && path.resolve(positionals[0]);
if (!tree) {
  console.error('usage: node bench/index-build.mjs <dir> [--dist <other dist>] [--rounds 6]');
  process.exit(2);
}
const dists = [path.join(ROOT, 'dist'), ...(opts.dist ? [path.resolve(opts.dist)] : [])];
const load = (dist, file) => import(path.join(dist, file));

const { discover } = await load(dists[0], 'src/pipeline/discover.js');
const { screenFile } = await load(dists[0], 'src/pipeline/limits.js');
const { isMigrationCandidate } = await load(dists[0], 'src/core/index.js');
const { plainParserFor, parserNameFor } = await load(dists[0], 'transforms/lib/parser.js');
const jscodeshift = createRequire(import.meta.url)(path.join(ROOT, 'node_modules/jscodeshift'));

const roots = [];
let nodes = 0;
for await (const file of discover([tree])) {
  if (screenFile(file, 1_000_000, isMigrationCandidate).kind !== 'text') continue;
  const source = readFileSync(file, 'utf8');
  const parser = parserNameFor(file, source) ?? 'ts';
  try {
    roots.push(jscodeshift.withParser(plainParserFor(parser))(plainParserFor(parser).parse(source)));
  } catch {
    // A file that does not parse has no index.
  }
}
const indexes = await Promise.all(dists.map((dist) => load(dist, 'transforms/lib/file-index.js')));
for (const root of roots) nodes += indexes[0].indexOfRoot(root).nodes('Identifier').length;
console.log(`${tree}: ${roots.length} candidates parsed, ${nodes} identifiers`);

const times = dists.map(() => []);
for (let round = 0; round < Number(opts.rounds); round++) {
  indexes.forEach((index, i) => {
    const started = performance.now();
    for (let k = 0; k < 2; k++) {
      for (const root of roots) {
        index.invalidateIndex(root);
        index.indexOfRoot(root);
      }
    }
    times[i].push(performance.now() - started);
  });
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
dists.forEach((dist, i) => {
  const rounds = times[i].map((ms) => ms.toFixed(0)).join(', ');
  console.log(`${path.relative(process.cwd(), dist) || dist}: median ${median(times[i]).toFixed(0)} ms per round (${rounds})`);
});
