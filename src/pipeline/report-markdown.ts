import type { Report } from './report.js';

const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** The report as a human summary (`--report x.md`), e.g. for a pull-request description. */
export function reportMarkdown(report: Report, title = 'openai-to-azure migration report'): string {
  const { summary } = report;
  const lines = [
    `# ${title}`,
    '',
    `Target: \`${report.target}\``,
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
  if (secrets.length > 0) {
    lines.push('', '## Secrets removed from source (rotate them)', '');
    for (const s of secrets) lines.push(`- \`${s.path}:${s.line}\`: \`${s.masked}\``);
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
  if (report.env.length > 0) {
    lines.push('', '## Environment variables the migrated code reads', '');
    for (const name of report.env) lines.push(`- \`${name}\``);
  }
  return `${lines.join('\n')}\n`;
}
