// Preloaded into a run by bench/jit.mjs (`node -r`): at exit, the main thread's CPU and the process's, in ms, on one
// stderr line. Linux: each thread's user + system time is in /proc/self/task/<id>/stat (clock ticks of 10 ms); the
// main thread is the first task.
const { readdirSync, readFileSync } = require('node:fs');
const { isMainThread } = require('node:worker_threads');

if (isMainThread) {
  process.on('exit', () => {
    const [main] = readdirSync('/proc/self/task');
    const fields = readFileSync(`/proc/self/task/${main}/stat`, 'utf8').split(') ')[1].split(' ');
    const { user, system } = process.cpuUsage();
    const line = { main: (Number(fields[11]) + Number(fields[12])) * 10, process: Math.round((user + system) / 1000) };
    process.stderr.write(`\nthread-cpu ${JSON.stringify(line)}\n`);
  });
}
