#!/usr/bin/env node
// Benchmark: what the plugin costs on top of ESLint. On the generated tree (bench/generate-tree.mjs), in the same
// run, interleaved, each repetition in a fresh process:
//
//   parser        ESLint with @typescript-eslint/parser (as configs.recommended sets it up) and no rules
//   noop-rule     the same plus one rule that does nothing: what ESLint itself charges for running any rule
//   core-rule     the same plus one trivial core rule (`no-debugger`): ESLint running any rule, as users run it
//   recommended   configs.recommended                                  target: at most 5% over `core-rule`
//   check         `openai-to-azure check` end to end (discovery, text files too), for reference
//   paired        core-rule and recommended alternated in one process once warm: the plugin's per-file cost
//                 without the run-to-run swing of fresh processes (reported beside the target, not instead of it)
//
// and, on a subset of the TypeScript files (type-aware linting builds a TypeScript program, too slow for 5,000
// files on a small machine), with `openai` types resolvable:
//
//   parser, recommended                                   the same two on the subset
//   typed-parser  the parser with projectService (a TypeScript program) and no rules
//   typed         configs['recommended-type-checked']
//
//   npm run build && node bench/eslint.mjs [--files 5000] [--runs 5] [--typed-files 500] [--no-typed]
//
// Wall time is the whole process (startup, module loading, config, linting); lint time is `lintFiles` alone.
// Medians are reported. When `recommended` misses its target, a profiling run (ESLint `stats`) names the rules.
// Writes bench/eslint-results.json.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { generateTree, isTreeCurrent } from './generate-tree.mjs';

const BENCH = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.dirname(BENCH);
const DIST = path.join(ROOT, 'dist');
const CLI = path.join(DIST, 'src/cli/index.js');
const TARGET = 0.05;
/** Warm rounds of each config in the paired run. */
const PAIRED_ROUNDS = 4;
const CODE = /\.(?:[cm]?[jt]s|[jt]sx)$/;
const TS = /\.(?:[cm]?ts|tsx)$/;

const { values: opts } = parseArgs({
  options: {
    files: { type: 'string', default: '5000' },
    runs: { type: 'string', default: '5' },
    'typed-files': { type: 'string', default: '500' },
    'no-typed': { type: 'boolean', default: false },
    // Internal: one timed ESLint run in this (child) process.
    child: { type: 'string' },
    list: { type: 'string' },
    root: { type: 'string' },
    stats: { type: 'boolean', default: false },
  },
});

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
const pct = (x) => `${x >= 0 ? '+' : ''}${(x * 100).toFixed(1)}%`;

// ---------------------------------------------------------------------------------------------------------------
// Child: build the config for one mode, lint the listed files, print timings as JSON.

async function child(mode, listFile, root, stats) {
  const t0 = performance.now();
  const { ESLint } = await import('eslint');
  const plugin = (await import(pathToFileURL(path.join(DIST, 'rules/index.js')).href)).default;
  const { recommended } = plugin.configs;
  const typed = plugin.configs['recommended-type-checked'];
  const project = { ...typed.languageOptions.parserOptions, tsconfigRootDir: root };
  const parserOnly = { files: recommended.files, languageOptions: recommended.languageOptions };
  const noop = { rules: { noop: { meta: { type: 'problem', schema: [] }, create: () => ({}) } } };
  const configs = {
    parser: [parserOnly],
    'noop-rule': [{ ...parserOnly, plugins: { bench: noop }, rules: { 'bench/noop': 'error' } }],
    'core-rule': [{ ...parserOnly, rules: { 'no-debugger': 'error' } }],
    recommended: [recommended],
    'typed-parser': [{ files: typed.files, languageOptions: { ...typed.languageOptions, parserOptions: project } }],
    typed: [{ ...typed, languageOptions: { ...typed.languageOptions, parserOptions: project } }],
  };
  const files = JSON.parse(readFileSync(listFile, 'utf8'));
  if (mode === 'paired') return pairedChild(ESLint, configs, root, files);
  const eslint = new ESLint({ cwd: root, overrideConfigFile: true, overrideConfig: configs[mode], stats, warnIgnored: false });
  const t1 = performance.now();
  const cpu0 = process.cpuUsage();
  const results = await eslint.lintFiles(files);
  const lintMs = performance.now() - t1;
  const cpu = process.cpuUsage(cpu0);
  const out = {
    lintMs,
    // CPU time is what to compare on a busy machine: wall time also counts waiting for a core.
    lintCpuMs: (cpu.user + cpu.system) / 1000,
    setupMs: t1 - t0,
    files: results.length,
    problems: results.reduce((n, r) => n + r.messages.length, 0),
    fatal: results.reduce((n, r) => n + r.fatalErrorCount, 0),
  };
  if (stats) {
    const rules = {};
    let parseMs = 0;
    for (const pass of results.flatMap((r) => r.stats?.times.passes ?? [])) {
      parseMs += pass.parse?.total ?? 0;
      for (const [id, t] of Object.entries(pass.rules ?? {})) rules[id] = (rules[id] ?? 0) + t.total;
    }
    Object.assign(out, { parseMs, rules });
  }
  process.stdout.write(JSON.stringify(out));
}

/**
 * `core-rule` and `recommended` on the same files in one process, alternated round by round after a first round of
 * each (module loading and JIT warm-up): the plugin's cost per file once both are warm, which fresh processes on a
 * 2-core machine blur (their lint times swing by several percent from run to run).
 */
async function pairedChild(ESLint, configs, root, files) {
  const modes = ['core-rule', 'recommended'];
  const linters = modes.map((mode) => new ESLint({ cwd: root, overrideConfigFile: true, overrideConfig: configs[mode], warnIgnored: false }));
  const cpu = modes.map(() => []);
  for (let round = 0; round < PAIRED_ROUNDS + 1; round++) {
    for (const [i, eslint] of linters.entries()) {
      const cpu0 = process.cpuUsage();
      await eslint.lintFiles(files);
      const used = process.cpuUsage(cpu0);
      if (round > 0) cpu[i].push((used.user + used.system) / 1000);
    }
  }
  const [core, recommended] = cpu.map(median);
  process.stdout.write(JSON.stringify({ rounds: PAIRED_ROUNDS, coreCpuMs: core, recommendedCpuMs: recommended }));
}

// ---------------------------------------------------------------------------------------------------------------
// Parent: trees, file lists, interleaved timed runs, the summary.

function runChild(args, cwd = ROOT) {
  const t0 = performance.now();
  const res = spawnSync(process.execPath, args, { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const wallMs = performance.now() - t0;
  if (res.error || (res.status !== 0 && res.status !== 1)) {
    throw new Error(`${args.join(' ')} exited ${res.status}: ${res.stderr || res.error}`);
  }
  return { wallMs, stdout: res.stdout };
}

function lintRun(mode, listFile, root, stats = false) {
  const { wallMs, stdout } = runChild([fileURLToPath(import.meta.url), '--child', mode, '--list', listFile, '--root', root, ...(stats ? ['--stats'] : [])]);
  return { wallMs, ...JSON.parse(stdout) };
}

function checkRun(root) {
  return { wallMs: runChild([CLI, 'check', '--format', 'json'], root).wallMs };
}

/** Runs every mode `runs` times, interleaved (a b c a b c …) so drift hits them alike; medians per mode. */
function timeModes(label, modes, runs) {
  const samples = Object.fromEntries(Object.keys(modes).map((m) => [m, []]));
  for (let i = 0; i < runs; i++) {
    for (const [mode, run] of Object.entries(modes)) {
      const r = run();
      samples[mode].push(r);
      process.stderr.write(`  ${label} ${mode} #${i + 1}: ${(r.wallMs / 1000).toFixed(2)} s\n`);
    }
  }
  return Object.fromEntries(
    Object.entries(samples).map(([mode, rs]) => {
      const last = rs.at(-1);
      return [
        mode,
        {
          wallMs: Math.round(median(rs.map((r) => r.wallMs))),
          wallRangeMs: [Math.round(Math.min(...rs.map((r) => r.wallMs))), Math.round(Math.max(...rs.map((r) => r.wallMs)))],
          ...(last.lintMs !== undefined && {
            lintMs: Math.round(median(rs.map((r) => r.lintMs))),
            lintCpuMs: Math.round(median(rs.map((r) => r.lintCpuMs))),
          }),
          ...(last.files !== undefined && { files: last.files, problems: last.problems, fatal: last.fatal }),
        },
      ];
    }),
  );
}

async function codeFiles(root) {
  const { discoverFiles } = await import(pathToFileURL(path.join(DIST, 'src/check/discover.js')).href);
  return (await discoverFiles(['.'], root)).filter((f) => CODE.test(f));
}

/** A TypeScript-only slice of the tree with every OpenAI file in it, and the real `openai` types. */
function typedSubset(tree, files, count) {
  const ts = files.filter((f) => TS.test(f));
  const openai = ts.filter((f) => /from "openai"|require\("openai"\)/.test(readFileSync(f, 'utf8')));
  const picked = [...new Set([...openai, ...ts])].slice(0, count);
  const dir = path.join(BENCH, '.tree', `eslint-typed-${count}`);
  rmSync(dir, { recursive: true, force: true });
  for (const f of picked) {
    const to = path.join(dir, path.relative(tree, f));
    mkdirSync(path.dirname(to), { recursive: true });
    cpSync(f, to);
  }
  cpSync(path.join(tree, 'tsconfig.json'), path.join(dir, 'tsconfig.json'));
  mkdirSync(path.join(dir, 'node_modules'));
  symlinkSync(path.join(ROOT, 'node_modules/openai'), path.join(dir, 'node_modules/openai'), 'dir');
  return { dir, files: picked.map((f) => path.join(dir, path.relative(tree, f))), openai: Math.min(openai.length, count) };
}

function writeList(name, files) {
  const file = path.join(BENCH, '.tree', `${name}.json`);
  writeFileSync(file, JSON.stringify(files));
  return file;
}

async function main() {
  if (!existsSync(CLI)) throw new Error('dist/ is missing: run `npm run build` first');
  const runs = Math.max(1, Number(opts.runs));
  const size = Number(opts.files);
  const tree = path.join(BENCH, '.tree', `files-${size}`);
  if (!isTreeCurrent(tree, { files: size })) {
    process.stderr.write(`generating ${path.relative(ROOT, tree)} …\n`);
    generateTree(tree, { files: size });
  }
  const files = await codeFiles(tree);
  if (files.length === 0) throw new Error(`no JS/TS files found in ${tree}`); // ESLint would lint "." instead
  const list = writeList(`eslint-files-${size}`, files);
  process.stderr.write(`${files.length} JS/TS files in ${path.relative(ROOT, tree)}, ${runs} runs per mode\n`);

  const full = timeModes('full', {
    parser: () => lintRun('parser', list, tree),
    'noop-rule': () => lintRun('noop-rule', list, tree),
    'core-rule': () => lintRun('core-rule', list, tree),
    recommended: () => lintRun('recommended', list, tree),
    check: () => checkRun(tree),
  }, runs);
  // The plugin's cost: configs.recommended over ESLint running one trivial core rule (ESLint's own fixed cost of
  // running any rule, traversal and code-path analysis, is no plugin's doing).
  const overhead = full.recommended.wallMs / full['core-rule'].wallMs - 1;
  const cpuOverhead = full.recommended.lintCpuMs / full['core-rule'].lintCpuMs - 1;
  process.stderr.write('warm, in one process: core-rule and recommended alternated …\n');
  const paired = JSON.parse(runChild([fileURLToPath(import.meta.url), '--child', 'paired', '--list', list, '--root', tree]).stdout);
  paired.overhead = paired.recommendedCpuMs / paired.coreCpuMs - 1;
  const results = { node: process.version, tree: path.relative(ROOT, tree), files: files.length, runs, full, overhead, cpuOverhead, paired };

  if (overhead > TARGET) {
    process.stderr.write('recommended is over target: profiling rules …\n');
    const profile = lintRun('recommended', list, tree, true);
    results.profile = {
      parseMs: Math.round(profile.parseMs),
      rules: Object.fromEntries(Object.entries(profile.rules).sort((a, b) => b[1] - a[1]).map(([id, ms]) => [id, Math.round(ms)])),
    };
  }

  if (!opts['no-typed']) {
    const subset = typedSubset(tree, files, Number(opts['typed-files']));
    const subList = writeList(`eslint-typed-${subset.files.length}`, subset.files);
    process.stderr.write(`typed subset: ${subset.files.length} TS files (${subset.openai} use openai) in ${path.relative(ROOT, subset.dir)}\n`);
    const typed = timeModes('subset', {
      parser: () => lintRun('parser', subList, subset.dir),
      recommended: () => lintRun('recommended', subList, subset.dir),
      'typed-parser': () => lintRun('typed-parser', subList, subset.dir),
      typed: () => lintRun('typed', subList, subset.dir),
    }, runs);
    results.typed = { files: subset.files.length, ...typed };
  }

  writeFileSync(path.join(BENCH, 'eslint-results.json'), JSON.stringify(results, null, 2) + '\n');
  printSummary(results);
  return overhead <= TARGET ? 0 : 1;
}

const range = (m) => `${(m.wallRangeMs[0] / 1000).toFixed(2)}–${(m.wallRangeMs[1] / 1000).toFixed(2)} s`;

function printSummary(r) {
  const row = (name, m, base) =>
    `  ${name.padEnd(13)} wall ${(m.wallMs / 1000).toFixed(2).padStart(6)} s` +
    (m.lintMs !== undefined
      ? `   lint ${(m.lintMs / 1000).toFixed(2).padStart(6)} s (cpu ${(m.lintCpuMs / 1000).toFixed(2).padStart(6)} s)`
      : ''.padEnd(30)) +
    (base ? `   ${pct(m.wallMs / base.wallMs - 1).padStart(7)} wall vs parser` : '') +
    (m.problems !== undefined ? `   ${m.problems} problems` : '');
  const lines = [
    `ESLint on ${r.files} JS/TS files (${r.tree}), median of ${r.runs}, ${r.node}`,
    row('parser', r.full.parser),
    row('noop-rule', r.full['noop-rule'], r.full.parser),
    row('core-rule', r.full['core-rule'], r.full.parser),
    row('recommended', r.full.recommended, r.full.parser),
    row('check (CLI)', r.full.check, r.full.parser),
    `  plugin overhead over core-rule: ${pct(r.overhead)} wall, ${pct(r.cpuOverhead)} lint CPU (target: at most +${TARGET * 100}% wall) ` +
      (r.overhead <= TARGET ? 'OK' : 'MISSED'),
    `  the runs' wall range: core-rule ${range(r.full['core-rule'])}, recommended ${range(r.full.recommended)}`,
    `  warm, in one process (median of ${r.paired.rounds} alternated rounds): ${pct(r.paired.overhead)} lint CPU over core-rule ` +
      `(${(r.paired.coreCpuMs / 1000).toFixed(2)} → ${(r.paired.recommendedCpuMs / 1000).toFixed(2)} s)`,
  ];
  if (r.profile) {
    lines.push(`  profile (one run, ESLint stats): parse ${r.profile.parseMs} ms; rules:`);
    for (const [id, ms] of Object.entries(r.profile.rules)) lines.push(`    ${id.padEnd(40)} ${ms} ms`);
  }
  if (r.typed) {
    const t = r.typed;
    lines.push(
      `Type-aware, on ${t.files} TypeScript files:`,
      row('parser', t.parser),
      row('recommended', t.recommended, t.parser),
      row('typed-parser', t['typed-parser'], t.parser),
      row('typed', t.typed, t.parser),
      `  recommended-type-checked costs ${pct(t.typed.wallMs / t.recommended.wallMs - 1)} wall over recommended; ` +
        `its rules ${pct(t.typed.wallMs / t['typed-parser'].wallMs - 1)} over the typed parser alone`,
    );
  }
  process.stdout.write(lines.join('\n') + '\n');
}

if (opts.child) {
  await child(opts.child, opts.list, opts.root, opts.stats);
} else {
  process.exitCode = await main();
}
