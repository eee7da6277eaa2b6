import { planDeployments } from '../config-files/plan.js';
import type { Report } from './report.js';

const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** The report as a human summary (`--report x.md`), e.g. for a pull-request description. */
export function reportMarkdown(report: Report, title = 'openai-to-azure migration report'): string {
  const { summary } = report;
  const lines = [
    `# ${title}`,
    '',
    `Target: \`${report.target}\``,
    ...(summary.shard ? ['', `Shard: ${summary.shard.index}/${summary.shard.count} (the counts and files are that part's)`] : []),
    '',
    '| scanned | candidates | changed | unchanged | failed | skipped | TODO markers | time |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|',
    `| ${summary.scanned} | ${summary.candidates} | ${summary.changed} | ${summary.unchanged} | ${summary.failed} | ${summary.skipped} | ${summary.todos} | ${(summary.ms / 1000).toFixed(1)} s |`,
  ];
  const changed = report.files.filter((f) => f.status === 'changed');
  if (changed.length > 0) {
    lines.push('', '## Changed files', '');
    for (const f of changed) lines.push(`- \`${f.path}\`: ${f.changes?.length ?? 0} change(s)`);
  }
  const todos = report.files.flatMap((f) => (f.todos ?? []).map((t) => ({ path: f.path, ...t })));
  if (todos.length > 0) {
    lines.push('', '## To review (TODO markers)', '', '| file | line | why |', '|---|---:|---|');
    for (const t of todos) lines.push(`| \`${t.path}\` | ${t.line} | ${cell(t.message)} |`);
  }
  const secrets = report.files.flatMap((f) => (f.secrets ?? []).map((s) => ({ path: f.path, ...s })));
  for (const [kept, title] of [
    [false, 'Secrets removed from source (rotate them)'],
    [true, 'Secrets left in source, with a marker (rotate them, move them out)'],
  ] as const) {
    const these = secrets.filter((s) => !!s.kept === kept);
    if (these.length === 0) continue;
    lines.push('', `## ${title}`, '');
    for (const s of these) lines.push(`- \`${s.path}:${s.line}\`: \`${s.masked}\``);
  }
  const failed = report.files.filter((f) => f.status === 'failed');
  if (failed.length > 0) {
    lines.push('', '## Failed (left unchanged)', '');
    for (const f of failed) lines.push(`- \`${f.path}\`: ${cell(f.error ?? '')}`);
  }
  const skipped = report.files.filter((f) => f.status === 'skipped');
  if (skipped.length > 0) {
    lines.push('', '## Skipped (not parsed, left as they are)', '');
    for (const f of skipped) lines.push(`- \`${f.path}\`: ${cell(f.reason ?? '')}`);
  }
  const plan = planDeployments(report.deployments ?? []);
  if (plan.length > 0) {
    lines.push('', '## Deployments to create', '', '| model | deployment | model version | SKU | env variable | files |', '|---|---|---|---|---|---|');
    for (const d of plan) {
      const files = (report.deployments ?? []).find((x) => x.model === d.model)?.files ?? [];
      const version = d.retired
        ? 'none: retired on Azure, pick a current model'
        : (d.version ?? 'set it (unknown to this tool)') + (d.retires ? ` (retires ${d.retires.date})` : '');
      lines.push(`| \`${d.model}\` | \`${d.deployment}\` | ${version} | ${d.sku} | ${d.env ? `\`${d.env}\`` : ''} | ${files.map((f) => `\`${f}\``).join(', ')} |`);
    }
  }
  const configFiles = (report.configFiles ?? []).filter((f) => f.status !== 'unchanged' || (f.notes ?? []).length > 0);
  if (configFiles.length > 0) {
    lines.push('', '## Config files', '');
    for (const f of configFiles) {
      const detail =
        f.status === 'failed'
          ? `failed, left unchanged: ${cell(f.error ?? '')}`
          : f.status === 'skipped'
            ? `skipped (not parsed): ${cell(f.reason ?? '')}`
            : f.status;
      lines.push(`- \`${f.path}\`: ${[detail, ...(f.notes ?? []).map(cell)].join('; ')}`);
    }
  }
  if (report.env.length > 0) {
    lines.push('', '## Environment variables the migrated code reads', '');
    for (const name of report.env) lines.push(`- \`${name}\``);
  }
  return `${lines.join('\n')}\n`;
}
