#!/usr/bin/env node
// The regions way's two walks (transforms/lib/regions.js) over every candidate of a tree, timed in one process: each
// file parsed once (Babel's plain tree, as the runner gets it), then `--rounds` rounds that each take the snapshot of
// every file and compare every file with it (`changedRegions` on an unchanged tree: every node compared, as for the
// unchanged bulk of a changed file). With `--dist <other build>` the two builds alternate round by round, the first
// one to run swapped each round. Run with `node --expose-gc` to collect garbage before each timed part.
//
//   node --expose-gc bench/regions.mjs <dir> [--dist <other dist>] [--rounds 10]
import path from 'node:path';
import { abOptions, load, parsedCandidates } from './ab-builds.mjs';

const { tree, dists, rounds } = abOptions('node --expose-gc bench/regions.mjs <dir> [--dist <other dist>] [--rounds 10]', 10);

const asts = [];
for await (const { ast } of parsedCandidates(tree, dists[0])) asts.push(ast);
const regions = await Promise.all(dists.map((dist) => load(dist, 'transforms/lib/regions.js')));
const nodes = asts.reduce((sum, ast) => sum + regions[0].snapshot(ast).size, 0);
console.log(`${tree}: ${asts.length} candidates parsed, ${nodes} nodes`);

const timed = (work) => {
  globalThis.gc?.();
  const started = performance.now();
  const result = work();
  return { ms: performance.now() - started, result };
};
const times = dists.map(() => ({ snapshot: [], compare: [] }));
for (let round = 0; round < rounds; round++) {
  const order = round % 2 === 0 ? regions.map((_, i) => i) : regions.map((_, i) => i).reverse();
  for (const i of order) {
    const snapshots = timed(() => asts.map((ast) => regions[i].snapshot(ast)));
    times[i].snapshot.push(snapshots.ms);
    times[i].compare.push(timed(() => asts.forEach((ast, k) => regions[i].changedRegions(ast, snapshots.result[k], []))).ms);
  }
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
dists.forEach((dist, i) => {
  const parts = Object.entries(times[i]).map(([part, ms]) => `${part} median ${median(ms).toFixed(0)} ms (${ms.map((m) => m.toFixed(0)).join(', ')})`);
  console.log(`${path.relative(process.cwd(), dist) || dist}: ${parts.join('; ')}`);
});
