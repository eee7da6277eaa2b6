#!/usr/bin/env node
// The fixed costs of a `migrate` run before any parse, in one process: loading the discovery modules, the walk for
// code and config files (one walk, as `migrate` makes it), the pre-filter's reads (`screenFile` with the candidate
// test). Wall and CPU (user + sys of this process) of each, in ms.
//
//   node bench/scan.mjs <dir> [--dist <build folder>]     (default dist: this checkout's dist/)
//
// `--dist` points at another build (e.g. a scratch copy of main's dist/ inside this checkout) for an A/B.
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const { values, positionals } = parseArgs({ options: { dist: { type: 'string' } }, allowPositionals: true });
if (positionals.length !== 1) {
  console.error('usage: node bench/scan.mjs <dir> [--dist <build folder>]');
  process.exit(2);
}
const dist = path.resolve(values.dist ?? path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'dist'));
const load = (module) => import(pathToFileURL(path.join(dist, module)).href);
const root = path.resolve(positionals[0]);

const out = [];
let wall = performance.now();
let cpu = process.cpuUsage();
function lap(name) {
  const used = process.cpuUsage(cpu);
  out.push(`${name} ${Math.round(performance.now() - wall)}/${Math.round((used.user + used.system) / 1000)}`);
  wall = performance.now();
  cpu = process.cpuUsage();
}

const discovery = await load('src/pipeline/discover.js');
const { screenFile, DEFAULT_MAX_FILE_SIZE } = await load('src/pipeline/limits.js');
const { isMigrationCandidate } = await load('src/core/index.js');
lap('load');
const files = [];
const configFiles = [];
if (discovery.discoverCodeAndConfig) {
  // One walk finds both, as `migrate` does.
  for await (const file of discovery.discoverCodeAndConfig([root])) (discovery.isSourceFile(path.basename(file)) ? files : configFiles).push(file);
} else {
  // A build from before that walked the tree twice.
  for await (const file of discovery.discover([root])) files.push(file);
  for await (const file of discovery.discoverConfigFiles([root])) configFiles.push(file);
}
lap('discover');
const candidates = files.filter((file) => screenFile(file, DEFAULT_MAX_FILE_SIZE, isMigrationCandidate).kind !== 'irrelevant');
lap('screen');
console.log(`${out.join('  ')}  (wall/cpu ms; ${files.length} files, ${candidates.length} candidates, ${configFiles.length} config files)`);
