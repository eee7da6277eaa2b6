#!/usr/bin/env node
/**
 * `npm run smoke -- <dir> [--no-second-run]`: the real built CLI over any tree (a public repository fetched for
 * trying, never committed). Prints failures grouped by error message (count and first files), skipped files by
 * reason, `check`'s parse errors and findings per rule, and a second-run check: migrate a copy, then a dry run over
 * the result must change nothing and fail nothing. Exits 1 when anything failed.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const CLI = fileURLToPath(new URL('../dist/src/cli/index.js', import.meta.url));
const SHOWN = 3;

const args = process.argv.slice(2);
const target = args.find((a) => !a.startsWith('--'));
if (!target) {
  console.error('usage: npm run smoke -- <dir> [--no-second-run]');
  process.exit(2);
}
if (!existsSync(CLI)) {
  console.error('dist/ is missing: run `npm run build` first');
  process.exit(2);
}
const dir = resolve(process.env.INIT_CWD ?? process.cwd(), target);

function run(cwd, ...cliArgs) {
  const started = performance.now();
  const res = spawnSync(process.execPath, [CLI, ...cliArgs], { cwd, encoding: 'utf8', maxBuffer: 1 << 30, env: { ...process.env, NO_COLOR: '1' } });
  return { code: res.status, signal: res.signal, stdout: res.stdout, stderr: res.stderr, seconds: (performance.now() - started) / 1000 };
}

function parseJson(label, res) {
  try {
    return JSON.parse(res.stdout);
  } catch {
    console.log(`${label}: exit ${res.code ?? res.signal}, no JSON on stdout\n${res.stderr.slice(0, 2000)}`);
    return undefined;
  }
}

/** The same message wherever it happened: positions and quoted names vary per file. */
const normalise = (message) =>
  message
    .replace(/\(\d+:\d+\)/g, '(L:C)')
    .replace(/line \d+/gi, 'line N')
    .replace(/too large: .*/, 'too large');

function grouped(title, entries) {
  const groups = new Map();
  for (const { key, path } of entries) groups.set(key, [...(groups.get(key) ?? []), path]);
  if (groups.size === 0) return;
  console.log(`\n${title}`);
  for (const [key, paths] of [...groups].sort((a, b) => b[1].length - a[1].length)) {
    console.log(`  ${String(paths.length).padStart(5)}  ${key}`);
    for (const path of paths.slice(0, SHOWN)) console.log(`         ${path}`);
    if (paths.length > SHOWN) console.log(`         … and ${paths.length - SHOWN} more`);
  }
}

let problems = 0;
console.log(`smoke: ${dir}`);

// 1. migrate --dry-run --json
const migrate = run(dir, 'migrate', '.', '--dry-run', '--json');
const report = parseJson('migrate', migrate);
if (!report) problems++;
else {
  const s = report.summary;
  console.log(
    `\nmigrate --dry-run: exit ${migrate.code}, ${migrate.seconds.toFixed(1)} s; scanned ${s.scanned}, candidates ${s.candidates}, ` +
      `changed ${s.changed}, unchanged ${s.unchanged}, failed ${s.failed}, skipped ${s.skipped ?? 0}, TODO markers ${s.todos}`,
  );
  const failed = report.files.filter((f) => f.status === 'failed');
  problems += failed.length + (migrate.code === 0 || migrate.code === 1 ? 0 : 1);
  grouped('Failed files, by error:', failed.map((f) => ({ key: normalise(f.error ?? ''), path: f.path })));
  grouped('Skipped files, by reason:', report.files.filter((f) => f.status === 'skipped').map((f) => ({ key: normalise(f.reason ?? ''), path: f.path })));
  grouped('TODO markers, by message:', report.files.flatMap((f) => (f.todos ?? []).map((t) => ({ key: t.message, path: `${f.path}:${t.line}` }))));
}

// 2. check --format json
const check = run(dir, 'check', '.', '--format', 'json');
const results = parseJson('check', check);
if (!results || check.code === 2) {
  problems++;
  console.log(`\ncheck: exit ${check.code ?? check.signal}\n${check.stderr.slice(0, 2000)}`);
} else {
  const messages = results.flatMap((r) => r.messages.map((m) => ({ ...m, path: r.filePath.slice(dir.length + 1) })));
  const fatal = messages.filter((m) => m.fatal || !m.ruleId);
  problems += fatal.length;
  console.log(`\ncheck: exit ${check.code}, ${check.seconds.toFixed(1)} s; ${results.length} files linted, ${messages.length - fatal.length} findings, ${fatal.length} parse errors`);
  grouped('check parse errors, by message:', fatal.map((m) => ({ key: normalise(m.message), path: `${m.path}:${m.line}` })));
  grouped('check findings, by rule:', messages.filter((m) => m.ruleId).map((m) => ({ key: m.ruleId, path: `${m.path}:${m.line}` })));
  const skipped = check.stderr.split('\n').filter((l) => l.includes(': skipped '));
  if (skipped.length > 0) console.log(`\ncheck skipped ${skipped.length} file(s) over a limit`);
}

// 3. Second run: migrate a copy for real, then a dry run over the result must change and fail nothing.
if (report && !args.includes('--no-second-run') && report.summary.changed > 0) {
  const copy = join(mkdtempSync(join(tmpdir(), 'o2a-smoke-')), basename(dir));
  try {
    cpSync(dir, copy, { recursive: true, filter: (src) => !/[/\\](?:node_modules|\.git)$/.test(src) });
    const first = run(copy, 'migrate', '.', '--json', '--force');
    const second = run(copy, 'migrate', '.', '--dry-run', '--json');
    const again = parseJson('second run', second);
    if (!again) problems++;
    else {
      const changed = again.files.filter((f) => f.status === 'changed');
      const failedBefore = new Set(report.files.filter((f) => f.status === 'failed').map((f) => f.path));
      const broken = again.files.filter((f) => f.status === 'failed' && !failedBefore.has(f.path));
      problems += changed.length + broken.length + (first.code === 0 || first.code === 1 ? 0 : 1);
      console.log(`\nsecond run: migrate exit ${first.code}, then --dry-run: ${changed.length} file(s) would change again, ${broken.length} output(s) no longer parse`);
      grouped('Not idempotent:', changed.map((f) => ({ key: 'changes on a second run', path: f.path })));
      grouped('Output that stopped parsing, by error:', broken.map((f) => ({ key: normalise(f.error ?? ''), path: f.path })));
    }
  } finally {
    rmSync(join(copy, '..'), { recursive: true, force: true });
  }
}

console.log(problems === 0 ? '\nsmoke: OK' : `\nsmoke: ${problems} problem(s)`);
process.exit(problems === 0 ? 0 : 1);
