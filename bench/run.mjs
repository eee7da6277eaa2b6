#!/usr/bin/env node
// Benchmark: our whole `migrate --dry-run` against jscodeshift's own CLI running our transform, on the same
// generated tree, in the same run. Reports median wall time, peak memory of all processes, and the ratios.
//
//   npm run bench                       (builds first)
//   node bench/run.mjs [--files 5000] [--runs 3] [--big 20000] [--no-verify] [--no-jscodeshift]
//
//   --files N      tree for the head-to-head comparison (default 5000)
//   --runs N       timed runs per command; the median time and the highest peak are reported (default 3)
//   --big N        a second, bigger tree timed for our CLI only, to show memory stays flat (default 20000; 0 = skip)
//   --no-verify    skip the separate `migrate --verify` cost measurement
//
// A third row times jscodeshift with a no-op transform: the floor of its CLI, for reading the ratio.
//
// Writes bench/results.json. Dry runs must leave the tree as it was: the tree's content hash is checked after.
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { generateTree, isTreeCurrent, MANIFEST } from './generate-tree.mjs';
import { jscodeshiftSummary } from './jscodeshift-summary.mjs';
import { measure } from './peak-rss.mjs';

const BENCH = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.dirname(BENCH);
const CLI = path.join(ROOT, 'dist/src/cli/index.js');
const TRANSFORM = path.join(ROOT, 'dist/transforms/openai-client.js');
const JSCODESHIFT = path.join(ROOT, 'node_modules/jscodeshift/bin/jscodeshift.js');
const NOOP = path.join(BENCH, 'jscodeshift-noop.cjs');
// Issue 8: the synthetic tree stays at or under 0.05× jscodeshift's time.
const TARGETS = { timeRatio: 0.05, peakRssMB: 500 };

const { values: opts } = parseArgs({
  options: {
    files: { type: 'string', default: '5000' },
    runs: { type: 'string', default: '3' },
    big: { type: 'string', default: '20000' },
    'no-verify': { type: 'boolean', default: false },
    'no-jscodeshift': { type: 'boolean', default: false },
  },
});
const RUNS = Math.max(1, Number(opts.runs));

const rel = (p) => path.relative(ROOT, p) || '.';
const seconds = (ms) => (ms === null ? '–' : (ms / 1000).toFixed(2));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];

function ensureTree(files) {
  const dir = path.join(BENCH, '.tree', `files-${files}`);
  if (!isTreeCurrent(dir, { files })) {
    process.stderr.write(`generating ${rel(dir)} …\n`);
    generateTree(dir, { files });
  }
  return { dir, manifest: JSON.parse(readFileSync(path.join(dir, MANIFEST), 'utf8')) };
}

/** Content hash of every file under `dir` (but `.git`, which git may touch on its own): proves a dry run wrote nothing. */
function treeHash(dir) {
  const hash = createHash('sha256');
  const walk = (d) => {
    for (const entry of readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = path.join(d, entry.name);
      if (entry.name === '.git') continue;
      if (entry.isDirectory()) walk(p);
      else hash.update(p).update(readFileSync(p));
    }
  };
  walk(dir);
  return hash.digest('hex');
}

// jscodeshift gets the same exclusions our CLI applies on its own (node_modules, .gitignore'd and hidden folders),
// so both tools process the same files.
const jscodeshiftArgs = (tree, transform = TRANSFORM) => [
  JSCODESHIFT,
  '-t', transform,
  '--parser=ts',
  '--dry',
  '--extensions=ts,tsx,js,mjs,cjs',
  '--ignore-pattern=**/node_modules/**',
  '--ignore-pattern=**/dist/**',
  '--ignore-pattern=**/generated/**',
  '--ignore-pattern=**/.cache/**',
  tree,
];

/** Time one command RUNS times; keep the last run's parsed output for the report. */
async function timeCommand(name, command, args, parse) {
  const runs = [];
  let detail;
  for (let i = 0; i < RUNS; i++) {
    const r = await measure(command, args, { cwd: ROOT, env: { ...process.env, NO_COLOR: '1' } });
    process.stderr.write(`  ${name} run ${i + 1}/${RUNS}: ${seconds(r.ms)} s, cpu ${seconds(r.cpuMs)} s, ${r.peakRssMB.toFixed(0)} MB, exit ${r.code}\n`);
    if (r.code !== 0) process.stderr.write(`    stderr: ${r.stderr.trim().split('\n').slice(-5).join('\n    ')}\n`);
    runs.push({ ms: Math.round(r.ms), cpuMs: r.cpuMs, peakRssMB: Math.round(r.peakRssMB), code: r.code });
    detail = parse(r);
  }
  return {
    name,
    command: [command === process.execPath ? 'node' : command, ...args.map((a) => (path.isAbsolute(a) ? rel(a) : a))].join(' '),
    runs,
    medianMs: median(runs.map((r) => r.ms)),
    medianCpuMs: runs[0].cpuMs === null ? null : median(runs.map((r) => r.cpuMs)),
    peakRssMB: Math.max(...runs.map((r) => r.peakRssMB)),
    detail,
  };
}

const ourReport = (r) => {
  try {
    return JSON.parse(r.stdout).summary;
  } catch {
    return { unparsedStdout: r.stdout.slice(0, 200) };
  }
};
const jscodeshiftStats = (r) => jscodeshiftSummary(r.stdout) ?? { unparsedStdout: r.stdout.slice(-200) };

async function ours(tree, extra = []) {
  return timeCommand(`openai-to-azure migrate ${extra.join(' ')}`.trim(), process.execPath, [CLI, 'migrate', tree, '--json', ...extra], ourReport);
}

/** `--verify` needs a real run: migrate a throw-away copy with and without it (outside git, `node_modules` linked). */
async function verifyCost(tree) {
  const help = await measure(process.execPath, [CLI, 'migrate', '--help'], { cwd: ROOT });
  if (!help.stdout.includes('--verify')) return { skipped: 'migrate has no --verify option' };
  const result = {};
  for (const [key, extra] of [['plain', []], ['verify', ['--verify']]]) {
    const copy = mkdtempSync(path.join(os.tmpdir(), 'o2a-bench-'));
    cpSync(tree, copy, { recursive: true, filter: (src) => path.basename(src) !== '.git' });
    // The copy's own node_modules is fake bench content; verify resolves `openai` types through the repo's.
    rmSync(path.join(copy, 'node_modules'), { recursive: true, force: true });
    symlinkSync(path.join(ROOT, 'node_modules'), path.join(copy, 'node_modules'), 'dir');
    const r = await measure(process.execPath, [CLI, 'migrate', copy, '--json', ...extra], { cwd: ROOT });
    process.stderr.write(`  migrate ${extra.join(' ') || '(real run)'}: ${seconds(r.ms)} s, cpu ${seconds(r.cpuMs)} s, ${r.peakRssMB.toFixed(0)} MB, exit ${r.code}\n`);
    result[key] = {
      command: `node dist/src/cli/index.js migrate <copy of tree> --json ${extra.join(' ')}`.trim(),
      ms: Math.round(r.ms),
      cpuMs: r.cpuMs,
      peakRssMB: Math.round(r.peakRssMB),
      code: r.code,
      summary: ourReport(r),
    };
    rmSync(copy, { recursive: true, force: true });
  }
  result.extraMs = result.verify.ms - result.plain.ms;
  return result;
}

function row(cells, widths) {
  return cells.map((c, i) => String(c)[i === 0 ? 'padEnd' : 'padStart'](widths[i])).join('  ');
}

async function main() {
  if (!existsSync(CLI)) throw new Error(`${rel(CLI)} is missing: run \`npm run build\` first (or \`npm run bench\`).`);
  const files = Number(opts.files);
  // Other work on the machine inflates wall times; the load average is recorded so readers can judge.
  const load = { before: os.loadavg()[0].toFixed(2) };
  const { dir: tree, manifest } = ensureTree(files);
  const before = treeHash(tree);
  const results = [];

  process.stderr.write(`tree ${rel(tree)}: ${manifest.sourceFiles} source files, ${manifest.openaiFiles} using openai\n`);
  results.push({ ...(await ours(tree, ['--dry-run'])), files });
  if (!opts['no-jscodeshift']) {
    if (!existsSync(TRANSFORM)) throw new Error(`${rel(TRANSFORM)} is missing: the transform has not been built.`);
    results.push({ ...(await timeCommand('jscodeshift -t openai-client', process.execPath, jscodeshiftArgs(tree), jscodeshiftStats)), files });
    results.push({ ...(await timeCommand('jscodeshift -t no-op (its floor)', process.execPath, jscodeshiftArgs(tree, NOOP), jscodeshiftStats)), files });
  }
  const unchanged = treeHash(tree) === before;

  const big = Number(opts.big);
  let bigManifest;
  if (big > 0) {
    const bigTree = ensureTree(big);
    bigManifest = bigTree.manifest;
    process.stderr.write(`tree ${rel(bigTree.dir)}: ${bigManifest.sourceFiles} source files, ${bigManifest.openaiFiles} using openai\n`);
    results.push({ ...(await ours(bigTree.dir, ['--dry-run'])), files: big });
  }

  const verify = opts['no-verify'] ? { skipped: '--no-verify' } : await verifyCost(tree);

  const [oursMain, jscs] = results;
  const ratio = (a, b) => (a === null || b === null ? null : +(a / b).toFixed(3));
  const ratios = jscs?.name.startsWith('jscodeshift')
    ? {
        time: ratio(oursMain.medianMs, jscs.medianMs),
        cpu: ratio(oursMain.medianCpuMs, jscs.medianCpuMs),
        memory: ratio(oursMain.peakRssMB, jscs.peakRssMB),
      }
    : undefined;

  const widths = [34, 7, 10, 16, 8, 9, 8];
  console.log(row(['command', 'files', 'median s', 'runs s', 'cpu s', 'peak MB', 'files/s'], widths));
  for (const r of results) {
    console.log(
      row(
        [
          r.name,
          r.files,
          seconds(r.medianMs),
          r.runs.map((x) => (x.ms / 1000).toFixed(1)).join('/'),
          seconds(r.medianCpuMs),
          r.peakRssMB,
          Math.round(r.files / (r.medianMs / 1000)),
        ],
        widths,
      ),
    );
  }
  if (ratios) {
    console.log(
      `\nours / jscodeshift: time ${ratios.time} (target ≤ ${TARGETS.timeRatio}), cpu ${ratios.cpu}, memory ${ratios.memory}; ` +
        `our peak ${oursMain.peakRssMB} MB (target < ${TARGETS.peakRssMB} MB)`,
    );
  }
  if (verify.skipped) console.log(`verify: skipped (${verify.skipped})`);
  else console.log(`verify: real migrate ${seconds(verify.plain.ms)} s → with --verify ${seconds(verify.verify.ms)} s (${verify.verify.peakRssMB} MB)`);
  console.log(`load average (1 min) before → after: ${load.before} → ${os.loadavg()[0].toFixed(2)} on ${os.cpus().length} CPUs`);
  console.log(`tree unchanged by dry runs: ${unchanged ? 'yes' : 'NO'}`);

  const out = {
    date: new Date().toISOString(),
    machine: { node: process.version, platform: `${os.platform()} ${os.arch()}`, cpus: os.cpus().length, memMB: Math.round(os.totalmem() / 2 ** 20) },
    loadAverage1m: { before: Number(load.before), after: +os.loadavg()[0].toFixed(2) },
    runsPerCommand: RUNS,
    trees: [manifest, bigManifest].filter(Boolean),
    results,
    ratios,
    targets: {
      ...TARGETS,
      timeMet: ratios ? ratios.time <= TARGETS.timeRatio : undefined,
      memoryMet: results.filter((r) => r.name.startsWith('openai-to-azure')).every((r) => r.peakRssMB < TARGETS.peakRssMB),
    },
    verify,
    treeUnchangedByDryRuns: unchanged,
  };
  writeFileSync(path.join(BENCH, 'results.json'), JSON.stringify(out, null, 2) + '\n');
  console.log(`\nwrote ${rel(path.join(BENCH, 'results.json'))}`);
  if (!unchanged) process.exitCode = 1;
}

await main();
