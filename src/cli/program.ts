import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { ConfigError } from '../config/index.js';
import { AUTH_MODES, DEFAULT_API_VERSION, TARGETS } from '../core/index.js';
import { EXIT, UsageError } from './exit-codes.js';
import type { MigrateFlags } from './migrate.js';
import { parseShard, type Shard } from '../pipeline/shard.js';
import { processTerminal, type Terminal } from './terminal.js';
import { packageVersion } from './version.js';

const CHECK_FORMATS = ['stylish', 'json', 'sarif'] as const;

const EXAMPLES = `
Examples:
  $ openai-to-azure migrate --dry-run                     preview the rewrite of the current folder as a diff
  $ openai-to-azure migrate src --deployment gpt-4o=chat  rewrite src/, model gpt-4o → deployment "chat"
  $ openai-to-azure migrate --target v1 --auth entra-id   OpenAI client on <endpoint>/openai/v1/, keyless
  $ openai-to-azure migrate --json --report report.md     machine-readable report on stdout, summary file
  $ openai-to-azure migrate . --shard 2/4                 part 2 of 4 of a CI matrix (see the README's recipe)
  $ openai-to-azure check --format sarif > results.sarif  what still talks to OpenAI, for code scanning
  $ openai-to-azure init --yes                            write openai-to-azure.config.json with defaults

Exit codes: 0 done (TODO markers do not fail), 1 a file failed (check: findings), 2 bad usage, config or refusal.`;

function positiveInteger(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a whole number of at least 1.');
  return n;
}

const collect = (value: string, previous: string[]): string[] => [...previous, value];

function shard(value: string): Shard {
  const parsed = parseShard(value);
  if (typeof parsed === 'string') throw new InvalidArgumentError(`${parsed}.`);
  return parsed;
}

/** Each command's module is loaded only when it runs: `--help` should not pay for the parsers or ESLint. */
function buildProgram(term: Terminal, setExit: (code: number) => void): Command {
  const program = new Command('openai-to-azure')
    .description('Move JavaScript/TypeScript code from the OpenAI API to Azure OpenAI, and keep it there.')
    .version(packageVersion(), '-v, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .addHelpText('after', EXAMPLES)
    .showSuggestionAfterError()
    .exitOverride()
    .configureOutput({ writeOut: (s) => term.out.write(s), writeErr: (s) => term.err.write(s) });

  program
    .command('migrate')
    .description('rewrite files in place to use Azure OpenAI')
    .argument('[paths...]', 'files or folders (default: .)')
    .option('--dry-run', 'write nothing; print a unified diff of every file that would change, then the summary')
    .addOption(new Option('--target <target>', 'classic: AzureOpenAI + api-version; v1: OpenAI on <endpoint>/openai/v1/').choices(TARGETS))
    .addOption(new Option('--auth <auth>', 'api-key: AZURE_OPENAI_API_KEY; entra-id: keyless via @azure/identity').choices(AUTH_MODES))
    .option('--api-version <version>', `api-version for the classic target (default: ${DEFAULT_API_VERSION})`)
    .option('--deployment <model=name>', 'map a model to a deployment (repeatable; wins over the config)', collect, [])
    .option('--config <file>', 'config file (default: searched upward from the first path)')
    .option('--json', 'print the report as JSON on stdout, and nothing else')
    .option('--report <file>', 'also write the report to a file (.json, or .md for a human summary)')
    .option('--max-file-size <bytes>', 'skip files larger than this (default: 1000000)', positiveInteger)
    .option('--workers <n>', 'parallel workers, the main thread one of them (default: CPUs - 1, at least 1)', positiveInteger)
    .option('--force', 'run even when the git working tree has uncommitted changes')
    .option('--verify', 'type-check the project before and after; new type errors fail the run')
    .option('--plan <file>', 'write the Azure deployments the migrated code needs: .sh (Azure CLI) or .bicep')
    .option('--shard <i>/<n>', 'transform only part i of n (by path hash) for CI matrices; part 1 also edits the config files', shard)
    .action(async (paths: string[], flags: MigrateFlags) => {
      const { runMigrate } = await import('./migrate.js');
      setExit(await runMigrate(paths, flags, term));
    });

  program
    .command('check')
    .description('report what still talks to OpenAI directly (ESLint with a built-in config)')
    .argument('[paths...]', 'files or folders (default: .)')
    .addOption(new Option('--format <format>', 'output format').choices(CHECK_FORMATS).default('stylish'))
    .option('--staged', 'check only the files staged in git (for pre-commit hooks)', false)
    .action(async (paths: string[], flags: { format: (typeof CHECK_FORMATS)[number]; staged: boolean }) => {
      const { runCheck } = await import('./check.js');
      setExit(await runCheck(paths.length > 0 ? paths : ['.'], { ...flags, cwd: term.cwd }));
    });

  program
    .command('init')
    .description('write a starter openai-to-azure.config.json (asks on a TTY)')
    .option('-y, --yes', 'use the defaults without asking')
    .action(async (flags: { yes?: boolean }) => {
      const { runInit } = await import('./init.js');
      setExit(await runInit(flags, term));
    });

  return program;
}

/** Exit code of an unexpected failure, per command: `check` must not look like "findings" (1). */
const CRASH_CODES: Readonly<Record<string, number>> = { migrate: EXIT.failed, check: EXIT.usage, init: EXIT.failed };

/** Runs the CLI and returns the exit code; errors become messages, never stack traces. */
export async function main(argv: readonly string[], term: Terminal = processTerminal()): Promise<number> {
  let code: number = EXIT.ok;
  let command = '';
  try {
    const program = buildProgram(term, (c) => (code = c));
    program.hook('preAction', (_program, action) => void (command = action.name()));
    await program.parseAsync([...argv], { from: 'user' });
    return code;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    const message = error instanceof Error ? error.message : String(error);
    const known = error instanceof UsageError || error instanceof ConfigError;
    term.err.write(`${term.errColors.red('error:')} ${known ? message : `unexpected failure: ${message}`}\n`);
    return known ? EXIT.usage : (CRASH_CODES[command] ?? EXIT.failed);
  }
}
