#!/usr/bin/env node
// Runs a command and measures its wall time and the PEAK of the summed resident memory of its whole process tree
// (the command plus every child it forks: jscodeshift's workers are processes, ours are threads). GNU time's
// "Maximum resident set size" reports one process only, so we poll instead: /proc on Linux, `ps` elsewhere.
// Summing RSS counts shared pages once per process, so the figure is an upper bound.
// CPU seconds (user + sys of the whole tree) come from GNU time when installed: on a busy machine they are a steadier
// figure than wall time.
//
//   node bench/peak-rss.mjs [--interval 50] -- <command> [args...]   prints {"ms","cpuMs","peakRssMB","code"} as JSON
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const GNU_TIME = '/usr/bin/time';
const PAGE_KB = existsSync('/proc/self/statm') ? Number(execFileSync('getconf', ['PAGESIZE']).toString()) / 1024 : 0;

/** [pid, ppid, rssKB] for every process, from /proc (cheap) or `ps`. */
function processTable() {
  if (PAGE_KB) {
    const rows = [];
    for (const name of readdirSync('/proc')) {
      if (!/^\d+$/.test(name)) continue;
      try {
        const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
        // Field 4 is the ppid; the command name (field 2) may hold spaces, so split after its closing paren.
        const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
        const rssPages = Number(readFileSync(`/proc/${name}/statm`, 'utf8').split(' ')[1]);
        rows.push([Number(name), ppid, rssPages * PAGE_KB]);
      } catch {
        // The process exited between readdir and read.
      }
    }
    return rows;
  }
  return execFileSync('ps', ['-A', '-o', 'pid=,ppid=,rss='])
    .toString()
    .trim()
    .split('\n')
    .map((line) => line.trim().split(/\s+/).map(Number));
}

/** Summed RSS (KB) of `root` and all its descendants. */
export function treeRssKB(root) {
  const children = new Map();
  const rss = new Map();
  for (const [pid, ppid, kb] of processTable()) {
    rss.set(pid, kb);
    if (!children.has(ppid)) children.set(ppid, []);
    children.get(ppid).push(pid);
  }
  let total = 0;
  const stack = [root];
  while (stack.length) {
    const pid = stack.pop();
    total += rss.get(pid) ?? 0;
    stack.push(...(children.get(pid) ?? []));
  }
  return total;
}

/**
 * Spawn `command args`, sample its process tree every `intervalMs`, resolve when it exits.
 * stdout/stderr are collected (stdout is needed to parse `--json` reports). `cpuMs` is null without GNU time.
 */
export function measure(command, args, { cwd, env, intervalMs = 50 } = {}) {
  return new Promise((resolve, reject) => {
    // GNU time writes "user sys" (seconds, children included) to its own file, leaving the command's stderr alone.
    const timeDir = existsSync(GNU_TIME) ? mkdtempSync(path.join(os.tmpdir(), 'peak-rss-')) : undefined;
    const timeFile = timeDir && path.join(timeDir, 'cpu');
    const [cmd, argv] = timeFile ? [GNU_TIME, ['-f', '%U %S', '-o', timeFile, command, ...args]] : [command, args];
    const started = process.hrtime.bigint();
    const child = spawn(cmd, argv, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const out = [];
    const err = [];
    child.stdout.on('data', (b) => out.push(b));
    child.stderr.on('data', (b) => err.push(b));
    let peakKB = 0;
    const sample = () => {
      peakKB = Math.max(peakKB, treeRssKB(child.pid));
    };
    const timer = setInterval(sample, intervalMs);
    sample();
    child.on('error', (e) => {
      clearInterval(timer);
      reject(e);
    });
    child.on('close', (code) => {
      clearInterval(timer);
      let cpuMs = null;
      if (timeDir) {
        const [user, sys] = readFileSync(timeFile, 'utf8').trim().split('\n').at(-1).split(' ').map(Number);
        cpuMs = Math.round((user + sys) * 1000);
        rmSync(timeDir, { recursive: true, force: true });
      }
      resolve({
        ms: Number(process.hrtime.bigint() - started) / 1e6,
        cpuMs,
        peakRssMB: peakKB / 1024,
        code,
        stdout: Buffer.concat(out).toString(),
        stderr: Buffer.concat(err).toString(),
      });
    });
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const argv = process.argv.slice(2);
  const dash = argv.indexOf('--');
  if (dash < 0 || dash === argv.length - 1) {
    console.error('usage: node bench/peak-rss.mjs [--interval 50] -- <command> [args...]');
    process.exit(2);
  }
  const interval = argv.indexOf('--interval');
  const intervalMs = interval >= 0 && interval < dash ? Number(argv[interval + 1]) : 50;
  const [command, ...args] = argv.slice(dash + 1);
  const r = await measure(command, args, { intervalMs });
  console.log(JSON.stringify({ ms: Math.round(r.ms), cpuMs: r.cpuMs, peakRssMB: Math.round(r.peakRssMB), code: r.code }));
  process.exitCode = r.code ?? 1;
}
