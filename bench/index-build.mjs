#!/usr/bin/env node
// The per-file index (transforms/lib/file-index.js) built over every candidate of a tree, timed in one process:
// each file parsed once (Babel's plain tree, as the transforms get it), then `--rounds` rounds that each build the
// index of every file twice. With `--dist <other build>` (a scratch build of main, say) the two builds alternate
// round by round, so both see the same machine and the same warmed-up parser output.
//
//   node bench/index-build.mjs <dir> [--dist <other dist>] [--rounds 6]
import { createRequire } from 'node:module';
import path from 'node:path';
import { abOptions, load, parsedCandidates, ROOT } from './ab-builds.mjs';

const { tree, dists, rounds } = abOptions('node bench/index-build.mjs <dir> [--dist <other dist>] [--rounds 6]', 6);
const jscodeshift = createRequire(import.meta.url)(path.join(ROOT, 'node_modules/jscodeshift'));

const roots = [];
let nodes = 0;
for await (const { parser, ast } of parsedCandidates(tree, dists[0])) roots.push(jscodeshift.withParser(parser)(ast));
const indexes = await Promise.all(dists.map((dist) => load(dist, 'transforms/lib/file-index.js')));
for (const root of roots) nodes += indexes[0].indexOfRoot(root).nodes('Identifier').length;
console.log(`${tree}: ${roots.length} candidates parsed, ${nodes} identifiers`);

const times = dists.map(() => []);
for (let round = 0; round < rounds; round++) {
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
