import { setFlagsFromString } from 'node:v8';

/**
 * How much a function runs before V8 optimises it (`--interrupt-budget`, in bytecode executed; 67,584 by default on
 * Node 20). A migrate run is short and wide: thousands of functions (Babel's parser, recast, the transforms) each run
 * a few hundred times, and with the default budget V8 spends as much CPU optimising them on background threads as the
 * main thread spends transforming (vercel/ai: 2.2 s of TurboFan beside 2.3 s of main thread). On a 2-core machine
 * that work takes the second core from the scan and the pool's workers and the main thread itself. With 8× the
 * budget only the hottest functions are optimised: the background threads use about half the CPU, the main thread a
 * little more, and runs on 2 cores took 6–17% less wall time (bench/README.md, "The JIT budget").
 */
export const INTERRUPT_BUDGET = 8 * 67_584;

/**
 * The V8 flag to set for this process, if any: for `migrate` only (`check` runs ESLint, measured with V8's defaults),
 * and none when the user chose the budget (node's own arguments: Node refuses it in `NODE_OPTIONS`) or turned the
 * tuning off (`OPENAI_TO_AZURE_JIT=default`).
 */
export function jitFlag(args: readonly string[], env: NodeJS.ProcessEnv, execArgv: readonly string[]): string | undefined {
  if (args.find((arg) => !arg.startsWith('-')) !== 'migrate' || env.OPENAI_TO_AZURE_JIT === 'default') return undefined;
  if (execArgv.some((arg) => arg.startsWith('--interrupt-budget'))) return undefined;
  return `--interrupt-budget=${INTERRUPT_BUDGET}`;
}

/** Set the budget before the engine's code first runs (flags are process-wide: the worker threads get it too). */
export function tuneJit(): void {
  const flag = jitFlag(process.argv.slice(2), process.env, process.execArgv);
  if (flag) setFlagsFromString(flag);
}
