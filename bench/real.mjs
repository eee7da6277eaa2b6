#!/usr/bin/env node
// Real-repository benchmark: on any tree, in one run, our `migrate --dry-run --json` against jscodeshift running
// our openai-client transform and against jscodeshift running a minimal hand-written transform, over the same files
// (code extensions; node_modules, hidden folders and .d.ts excluded, the tree's .gitignore honoured; a .gitignore
// with negations, which jscodeshift misreads, makes it get our discovered files by name). Wall time,
// CPU time and peak memory summed over every process (bench/peak-rss.mjs), and our ratios to each.
//
//   npm run bench:real -- <dir> [--runs 1]
//
// Nothing is written: both tools run dry. Prints a table and one JSON line (for the README and bench/README.md).
import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { describeSummary, jscodeshiftSummary } from './jscodeshift-summary.mjs';
import { measure } from './peak-rss.mjs';

const BENCH = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.dirname(BENCH);
const CLI = path.join(ROOT, 'dist/src/cli/index.js');
const TRANSFORM = path.join(ROOT, 'dist/transforms/openai-client.js');
const MINIMAL = path.join(BENCH, 'minimal-transform.cjs');
const JSCODESHIFT = path.join(ROOT, 'node_modules/jscodeshift/bin/jscodeshift.js');

const { values: opts, positionals } = parseArgs({ allowPositionals: true, options: { runs: { type: 'string', default: '1' } } });
const tree = positionals[0] && path.resolve(positionals[0]);
if (!tree || !existsSync(tree)) {
  console.error('usage: npm run bench:real -- <dir> [--runs N]');
  process.exit(2);
}
if (!existsSync(CLI) || !existsSync(TRANSFORM)) throw new Error('dist/ is missing: run `npm run build` first');
const RUNS = Math.max(1, Number(opts.runs));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];

const EXTENSIONS = ['ts', 'mts', 'cts', 'tsx', 'js', 'jsx', 'mjs', 'cjs'];
const gitignore = path.join(tree, '.gitignore');
// jscodeshift's --ignore-config turns each line into a glob and a negation (`!src/**/*.js`) into "ignore everything
// else": such a tree would give it no file at all. It then gets the files our discovery finds, by name, instead.
const negates = existsSync(gitignore) && readFileSync(gitignore, 'utf8').split(/\r?\n/).some((line) => line.startsWith('!'));
const listed = negates ? await discoveredFiles() : undefined;
if (listed) process.stderr.write(`  ${gitignore} has negations jscodeshift cannot read: it gets our ${listed.length} discovered files by name\n`);

async function discoveredFiles() {
  const { discover } = await import(path.join(ROOT, 'dist/src/pipeline/discover.js'));
  const files = [];
  for await (const file of discover([tree])) {
    if (EXTENSIONS.includes(path.extname(file).slice(1)) && !/\.d\.[cm]?ts$/.test(file)) files.push(file);
  }
  return files;
}

const jscodeshift = (transform) => [
  JSCODESHIFT,
  '-t', transform,
  '--parser=ts',
  '--dry',
  `--extensions=${EXTENSIONS.join(',')}`,
  ...(listed ?? [
    '--ignore-pattern=**/node_modules/**',
    '--ignore-pattern=**/.*/**',
    '--ignore-pattern=**/*.d.ts',
    '--ignore-pattern=**/*.d.mts',
    '--ignore-pattern=**/*.d.cts',
    ...(existsSync(gitignore) ? [`--ignore-config=${gitignore}`] : []),
    tree,
  ]),
];

const commands = [
  { name: 'openai-to-azure migrate --dry-run', args: [CLI, 'migrate', tree, '--dry-run', '--json'] },
  { name: 'jscodeshift -t openai-client', args: jscodeshift(TRANSFORM) },
  { name: 'jscodeshift -t minimal transform', args: jscodeshift(MINIMAL) },
];

// Rounds interleave the commands (ours, then each jscodeshift row, then ours again…): this host's speed drifts by
// a quarter within minutes, so each round's ratio compares runs made side by side, and the medians of those ratios
// are the figures to quote.
const runs = commands.map(() => []);
const details = commands.map(() => '');
for (let i = 0; i < RUNS; i++) {
  for (const [c, command] of commands.entries()) {
    const r = await measure(process.execPath, command.args, { cwd: ROOT, env: { ...process.env, NO_COLOR: '1' } });
    runs[c].push(r);
    details[c] = command.name.startsWith('openai') ? ourDetail(r) : describeSummary(jscodeshiftSummary(r.stdout));
    process.stderr.write(`  ${command.name} run ${i + 1}/${RUNS}: ${(r.ms / 1000).toFixed(1)} s, ${r.peakRssMB.toFixed(0)} MB (${details[c]})\n`);
  }
}

function ourDetail(r) {
  try {
    const s = JSON.parse(r.stdout).summary;
    return `${s.scanned ?? s.files ?? '?'} files, ${s.candidates ?? '?'} candidates, ${s.changed ?? '?'} changed, ${s.failed ?? 0} failed`;
  } catch {
    return `exit ${r.code}`;
  }
}

const results = commands.map((command, c) => ({
  name: command.name,
  ms: Math.round(median(runs[c].map((r) => r.ms))),
  cpuMs: runs[c][0].cpuMs === null ? null : median(runs[c].map((r) => r.cpuMs)),
  peakRssMB: Math.round(Math.max(...runs[c].map((r) => r.peakRssMB))),
  detail: details[c],
}));

const [ours, ...others] = results;
const ratio = (a, b) => (a === null || b === null || !b ? null : +(a / b).toFixed(3));
console.log(`tree ${tree} (load ${os.loadavg()[0].toFixed(2)}, ${os.cpus().length} CPUs)`);
console.log(['command'.padEnd(36), 'wall s'.padStart(8), 'cpu s'.padStart(8), 'peak MB'.padStart(8), '  files'].join(''));
for (const r of results) {
  const cpu = r.cpuMs === null ? '–' : (r.cpuMs / 1000).toFixed(1);
  console.log([r.name.padEnd(36), (r.ms / 1000).toFixed(1).padStart(8), cpu.padStart(8), String(r.peakRssMB).padStart(8), `  ${r.detail}`].join(''));
}
/** Our time over another command's, round by round (the runs made side by side), and their median. */
const roundRatios = (c) => runs[0].map((r, i) => ratio(r.ms, runs[c][i].ms));
const ratios = others.map((other, k) => {
  const rounds = roundRatios(k + 1);
  return { versus: other.name, time: ratio(ours.ms, other.ms), cpu: ratio(ours.cpuMs, other.cpuMs), rounds, roundMedian: median(rounds) };
});
for (const [k, other] of others.entries()) {
  const { rounds, roundMedian } = ratios[k];
  const byRound = RUNS > 1 ? `; round by round ${rounds.map((x) => `${x}×`).join(', ')} (median ${roundMedian}×)` : '';
  console.log(`ours / ${other.name}: time ${ratio(ours.ms, other.ms)}×, cpu ${ratio(ours.cpuMs, other.cpuMs)}×, memory ${ratio(ours.peakRssMB, other.peakRssMB)}×${byRound}`);
}
console.log(JSON.stringify({ tree, results, ratios }));
