#!/usr/bin/env node
/** The `openai-to-azure` bin. */
import { enableCompileCache } from '../pipeline/compile-cache.js';
import { tuneJit } from './jit.js';

// Before the dependencies load: `program.js` imports them.
tuneJit();
enableCompileCache();
const { main } = await import('./program.js');

// `openai-to-azure migrate --dry-run | head`: a reader that went away is not an error worth a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(process.exitCode ?? 0);
});

process.exitCode = await main(process.argv.slice(2));
