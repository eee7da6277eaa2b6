#!/usr/bin/env node
// Where a migrate run's CPU goes, by thread, with V8's default JIT budget and with ours (src/cli/jit.ts), in
// alternating runs on the same tree: wall time, process CPU, the main thread's CPU and the rest (V8's background
// compiler and GC threads, the scan worker). Linux only: bench/thread-cpu.cjs reads each thread's CPU from /proc.
// `--multiples 2,4,16` adds runs with those multiples of V8's default budget (`node --interrupt-budget=N`).
//
//   node bench/jit.mjs <dir> [--runs 5] [--multiples 2,4,16]
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const ROOT = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const CLI = path.join(ROOT, 'dist/src/cli/index.js');
const { values: opts, positionals } = parseArgs({ allowPositionals: true, options: { runs: { type: 'string', default: '5' }, multiples: { type: 'string', default: '' } } });
const tree = positionals[0] && path.resolve(positionals[0]);
if (!tree || !existsSync(tree) || process.platform !== 'linux') {
  console.error('usage (Linux): node bench/jit.mjs <dir> [--runs N]');
  process.exit(2);
}
if (!existsSync(CLI)) throw new Error('dist/ is missing: run `npm run build` first');

const PROBE = path.join(ROOT, 'bench/thread-cpu.cjs');

/** V8's default `--interrupt-budget` on Node 20. */
const V8_BUDGET = 67_584;
const VARIANTS = [
  { name: "V8's default budget", env: { OPENAI_TO_AZURE_JIT: 'default' }, node: [] },
  { name: 'our budget', env: {}, node: [] },
  ...opts.multiples
    .split(',')
    .filter(Boolean)
    .map((m) => ({ name: `${m}× V8's budget`, env: {}, node: [`--interrupt-budget=${Math.round(Number(m) * V8_BUDGET)}`] })),
];

function run({ env, node }) {
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, [...node, '-r', PROBE, CLI, 'migrate', tree, '--dry-run', '--json'], {
    env: { ...process.env, ...env },
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const probe = result.stderr.split('\n').find((line) => line.startsWith('thread-cpu '));
  if (!probe) throw new Error(`the run printed no thread-cpu line:\n${result.stderr}`);
  const { main, process: cpu } = JSON.parse(probe.slice('thread-cpu '.length));
  return { ms, cpu, main, other: cpu - main };
}

const rounds = VARIANTS.map(() => []);
for (let i = 0; i < Number(opts.runs); i++) VARIANTS.forEach((variant, k) => rounds[k].push(run(variant)));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
const col = (k, key) => Math.round(median(rounds[k].map((r) => r[key])));
const ratio = (k) => median(rounds[k].map((r, i) => r.ms / rounds[0][i].ms)).toFixed(3);
console.log(`tree ${tree}, ${opts.runs} alternating runs (medians, ms; the ratio is the median of the rounds' ratios)`);
console.log('budget                 wall    cpu   main thread   other threads   wall / default');
VARIANTS.forEach((v, k) =>
  console.log(
    `${v.name.padEnd(20)} ${String(col(k, 'ms')).padStart(6)} ${String(col(k, 'cpu')).padStart(6)} ${String(col(k, 'main')).padStart(13)} ${String(col(k, 'other')).padStart(15)} ${ratio(k).padStart(16)}`,
  ),
);
