import { AI_SDK, AZURE_ENV, AZURE_IDENTITY_PACKAGE, type AuthMode } from '../core/index.js';
import type { Report } from '../pipeline/report.js';
import { CONFIG_SHARD } from '../pipeline/shard.js';
import type { Colors } from './terminal.js';

/** Role the identity needs for keyless (Entra ID) calls to Azure OpenAI. */
export const ENTRA_ROLE = 'Cognitive Services OpenAI User';

function section(title: string, lines: string[]): string[] {
  return lines.length === 0 ? [] : ['', title, ...lines.map((line) => `  ${line}`)];
}

/** What an interrupted run did and did not do (contract: exit 130, "run again to continue"). */
function interruptedLines(report: Report, dryRun: boolean, c: Colors): string[] {
  if (!report.interrupted) return [];
  const { done, total } = report.interrupted;
  const written = report.files.filter((f) => f.status === 'changed').length;
  return [
    c.yellow(`  interrupted after ${done} of ${total} files: run again to continue`),
    dryRun
      ? `  nothing was written; ${total - done} file(s) were not looked at`
      : `  ${written} file(s) written (each whole: writes are atomic), ${total - done} not processed; the files written` +
        ` so far leave the git tree uncommitted, so run again with --force (migrating them again changes nothing)`,
  ];
}

function configLines(report: Report, c: Colors): string[] {
  return (report.configFiles ?? []).flatMap((f) => {
    if (f.status === 'failed') return [`${c.red(f.path)}: ${f.error} (left unchanged)`];
    const head = f.status === 'changed' ? [`${f.path}: changed`] : [];
    return [...head, ...(f.notes ?? []).map((n) => `${f.path}: ${n}`)];
  });
}

function deploymentLines(report: Report): string[] {
  return (report.deployments ?? []).map((d) => `${d.model} → ${d.deployment ?? d.env}  (${d.files.join(', ')})`);
}

/** What a shard other than the config shard leaves to it. */
function shardLines({ summary: { shard } }: Report): string[] {
  if (!shard || shard.index === CONFIG_SHARD) return [];
  return [
    `this run transformed part ${shard.index} of ${shard.count} of the files (the counts above are that part's);`,
    `the config files (env templates, YAML, package.json) and the deployment plan are part ${CONFIG_SHARD}'s`,
  ];
}

/** The closing summary of a `migrate` run: counts, failures, what to review, and the env the code now reads. */
export function summaryText(report: Report, run: { dryRun: boolean; auth: AuthMode }, c: Colors): string {
  const { summary: s, files } = report;
  const counts: [string, string | number][] = [
    ['files scanned', s.scanned],
    ['candidates', s.candidates],
    ['changed', s.changed],
    ['unchanged', s.unchanged],
    ['failed', s.failed],
    ['skipped', s.skipped],
    ['TODO markers', s.todos],
    ...(s.shard ? [['shard', `${s.shard.index}/${s.shard.count}`] as [string, string]] : []),
    ['time', `${(s.ms / 1000).toFixed(1)} s`],
  ];
  const failed = files.filter((f) => f.status === 'failed').map((f) => `${c.red(f.path)}: ${f.error}`);
  const skipped = files.filter((f) => f.status === 'skipped').map((f) => `${f.path}: ${f.reason}`);
  const todos = files.flatMap((f) => (f.todos ?? []).map((t) => `${f.path}:${t.line}  ${t.message}`));
  const secretLines = (kept: boolean) => files.flatMap((f) => (f.secrets ?? []).filter((x) => !!x.kept === kept).map((x) => `${f.path}:${x.line}  ${x.masked}`));
  const [secrets, keptSecrets] = [secretLines(false), secretLines(true)];
  const notes = files.flatMap((f) => (f.notes ?? []).map((n) => `${f.path}: ${n}`));
  const lines = [
    c.bold(run.dryRun ? 'openai-to-azure migrate (dry run: nothing was written)' : 'openai-to-azure migrate'),
    ...interruptedLines(report, run.dryRun, c),
    ...counts.map(([label, value]) => `  ${label.padEnd(14)}${String(value).padStart(8)}`),
    ...section(c.red('Failed (left unchanged):'), failed),
    ...section(c.yellow('Skipped (not parsed, left as they are):'), skipped),
    ...section(c.yellow('TODO markers to review:'), todos),
    ...section(c.yellow('Secrets removed from source (rotate these keys):'), secrets),
    ...section(c.yellow('Secrets left in source, with a marker (rotate these keys, move them out):'), keptSecrets),
    ...section('Notes:', notes),
    ...section('The migrated code reads these environment variables:', [...report.env, ...sameResourceLines(report.env)]),
    ...section('Config files:', configLines(report, c)),
    ...section('Deployments the migrated code needs (model → env variable or deployment):', deploymentLines(report)),
    ...section('Sharded run:', shardLines(report)),
  ];
  if (run.auth === 'entra-id' && s.changed > 0) {
    lines.push(
      '',
      `Keyless auth: run \`npm i ${AZURE_IDENTITY_PACKAGE}\`, and grant the identity the code runs as the`,
      `"${ENTRA_ROLE}" role on the Azure OpenAI resource.`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/**
 * The openai SDK (and LangChain) and the AI SDK's Azure provider read the same resource and key under different
 * names: with both in the list, say so (files and vector stores one makes are found by the other only on one resource).
 */
function sameResourceLines(env: readonly string[]): string[] {
  const sdk = [AZURE_ENV.endpoint, AZURE_ENV.apiKey].filter((name) => env.includes(name));
  const aiSdk = [AI_SDK.env.resourceName, AI_SDK.env.apiKey].filter((name) => env.includes(name));
  if (sdk.length === 0 || aiSdk.length === 0) return [];
  return [`(${aiSdk.join(' and ')}, read by the AI SDK's Azure provider, name the same resource and key as ${sdk.join(' and ')}: set them to match)`];
}
