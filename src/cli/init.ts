import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { CONFIG_FILES, parseConfig, validate, type Config } from '../config/index.js';
import { keySchema } from '../config/schema.js';
import { DEFAULT_OPTIONS } from '../core/index.js';
import { EXIT, UsageError } from './exit-codes.js';
import type { Terminal } from './terminal.js';

export const INIT_FILE = CONFIG_FILES[0]!;
/** Where the schema is once the package is installed, for editor completion. */
const SCHEMA_REF = './node_modules/openai-to-azure/src/config/schema.json';

/** The questions asked on a TTY; answers are checked against the config schema, choices come from its enums. */
const QUESTIONS: readonly { key: 'target' | 'auth' | 'apiVersion'; prompt: string }[] = [
  { key: 'target', prompt: 'Target (classic: AzureOpenAI + api-version; v1: OpenAI on /openai/v1/)' },
  { key: 'auth', prompt: 'Auth (api-key, or keyless entra-id)' },
  { key: 'apiVersion', prompt: 'api-version for the classic target' },
];

function defaults(): Required<Pick<Config, 'target' | 'auth' | 'apiVersion'>> {
  return { target: DEFAULT_OPTIONS.target, auth: DEFAULT_OPTIONS.auth, apiVersion: DEFAULT_OPTIONS.apiVersion };
}

async function ask(term: Terminal): Promise<Config> {
  const answers: Record<string, string> = defaults();
  const rl = createInterface({ input: process.stdin, output: term.err });
  try {
    for (const q of QUESTIONS) {
      const schema = keySchema(q.key);
      const hint = schema.enum ? ` [${schema.enum.join('/')}]` : '';
      for (;;) {
        const answer = (await rl.question(`${q.prompt}${hint} (${answers[q.key]}): `)).trim();
        const errors = answer ? validate(answer, schema, q.key) : [];
        if (errors.length === 0) {
          if (answer) answers[q.key] = answer;
          break;
        }
        term.err.write(`  ${errors.join('; ')}\n`);
      }
    }
  } finally {
    rl.close();
  }
  return answers;
}

/** `openai-to-azure init`: write a starter config in the working directory, never over an existing one. */
export async function runInit(flags: { yes?: boolean }, term: Terminal): Promise<number> {
  const file = join(term.cwd, INIT_FILE);
  if (existsSync(file)) throw new UsageError(`${INIT_FILE} already exists; edit it or remove it first`);
  const interactive = !flags.yes && process.stdin.isTTY === true;
  const answers = interactive ? await ask(term) : defaults();
  const config = { $schema: SCHEMA_REF, ...answers, deployments: {} };
  parseConfig(config, INIT_FILE);
  await writeFile(file, `${JSON.stringify(config, null, 2)}\n`, { flag: 'wx' });
  term.out.write(
    `wrote ${INIT_FILE}: map models to your deployments under "deployments" (e.g. "gpt-4o": "chat-prod"),\n` +
      'then run `npx openai-to-azure migrate --dry-run`.\n',
  );
  return EXIT.ok;
}
