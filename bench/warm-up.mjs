#!/usr/bin/env node
// What a run pays for V8 warming up: every candidate of a tree transformed (as `migrate` does ahead of the index:
// read, parse, all transforms, summary, regions printed; nothing written) several rounds in one process, and
// Babel's plain parse of the same files alone. Round 1 is what a run costs; the last rounds are the same work on
// warm code. Wall ms per round, changed and unchanged files apart, then the costliest files of the last round.
//
//   node bench/warm-up.mjs <dir> [--rounds 3] [--top 8] [--dist <build folder>]   (default dist: this checkout's)
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const { values, positionals } = parseArgs({
  options: { dist: { type: 'string' }, rounds: { type: 'string', default: '3' }, top: { type: 'string', default: '8' } },
  allowPositionals: true,
});
if (positionals.length !== 1) {
  console.error('usage: node bench/warm-up.mjs <dir> [--rounds 3] [--top 8] [--dist <build folder>]');
  process.exit(2);
}
const dist = path.resolve(values.dist ?? path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'dist'));
const load = (module) => import(pathToFileURL(path.join(dist, module)).href);
const root = path.resolve(positionals[0]);

const { discover } = await load('src/pipeline/discover.js');
const { screenFile, DEFAULT_MAX_FILE_SIZE } = await load('src/pipeline/limits.js');
const { isMigrationCandidate, DEFAULT_OPTIONS } = await load('src/core/index.js');
const { transformFile } = await load('src/pipeline/process-file.js');
const { plainParserFor, parserNameFor } = await load('transforms/lib/parser.js');

const candidates = [];
for await (const file of discover([root])) {
  if (screenFile(file, DEFAULT_MAX_FILE_SIZE, isMigrationCandidate).kind !== 'irrelevant') candidates.push(file);
}
const settings = { cwd: root, options: DEFAULT_OPTIONS, dryRun: true, diff: false, keepText: false };
const ms = (n) => Math.round(n);

let last = [];
for (let round = 1; round <= Number(values.rounds); round++) {
  const rows = [];
  for (const file of candidates) {
    const text = readFileSync(file, 'utf8');
    let start = performance.now();
    try {
      plainParserFor(parserNameFor(file, text) ?? 'ts').parse(text);
    } catch {
      // A file that does not parse fails in the transform pass too.
    }
    const parse = performance.now() - start;
    start = performance.now();
    const { result } = await transformFile(file, undefined, settings, true);
    rows.push({ file, status: result.status, ms: performance.now() - start, parse });
  }
  const sum = (list, key) => ms(list.reduce((total, row) => total + row[key], 0));
  const changed = rows.filter((row) => row.status === 'changed');
  const others = rows.filter((row) => row.status !== 'changed');
  console.log(
    `round ${round}: ${sum(rows, 'ms')} ms for ${rows.length} candidates (their parse alone ${sum(rows, 'parse')} ms); ` +
      `${changed.length} changed ${sum(changed, 'ms')} ms, ${others.length} unchanged or failed ${sum(others, 'ms')} ms`,
  );
  last = rows;
}
console.log(`costliest in the last round (ms, parse alone ms, status, file):`);
for (const row of [...last].sort((a, b) => b.ms - a.ms).slice(0, Number(values.top))) {
  console.log(`  ${row.ms.toFixed(1)}  ${row.parse.toFixed(1)}  ${row.status}  ${path.relative(root, row.file)}`);
}
