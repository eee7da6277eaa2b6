import { describe, expect, it } from 'vitest';
import { ReportBuilder } from '../../src/pipeline/report.js';
import { reportMarkdown } from '../../src/pipeline/report-markdown.js';
import type { FileResult } from '../../src/pipeline/types.js';

const result = (over: Partial<FileResult>): FileResult => ({
  file: `/repo/${over.path}`,
  path: 'x.ts',
  status: 'unchanged',
  changes: [],
  todos: [],
  secrets: [],
  env: [],
  notes: [],
  ...over,
});

describe('report', () => {
  const builder = new ReportBuilder('v1');
  builder.scanned = 10;
  builder.add(
    result({
      path: 'src/a.ts',
      status: 'changed',
      changes: [{ line: 1, kind: 'client' }],
      todos: [{ line: 4, message: 'no moderations | on Azure' }],
      secrets: [{ line: 2, masked: 'sk-proj-…Ab12' }],
      env: ['AZURE_OPENAI_ENDPOINT', 'AZURE_OPENAI_API_KEY'],
      notes: ['uses a preview api-version'],
    }),
  );
  builder.add(result({ path: 'src/b.ts', env: ['AZURE_OPENAI_ENDPOINT'] }));
  builder.add(result({ path: 'src/c.ts', status: 'failed', error: 'Unexpected token (3:52)', env: ['IGNORED'] }));
  const report = builder.build();

  it('counts, and lists files in the contract shape (secrets and notes only when present)', () => {
    expect(report).toMatchObject({
      version: 1,
      target: 'v1',
      summary: { scanned: 10, candidates: 3, changed: 1, unchanged: 1, failed: 1, skipped: 0, todos: 1 },
    });
    expect(report.files).toEqual([
      {
        path: 'src/a.ts',
        status: 'changed',
        changes: [{ line: 1, kind: 'client' }],
        todos: [{ line: 4, message: 'no moderations | on Azure' }],
        secrets: [{ line: 2, masked: 'sk-proj-…Ab12' }],
        notes: ['uses a preview api-version'],
      },
      { path: 'src/b.ts', status: 'unchanged', changes: [], todos: [] },
      { path: 'src/c.ts', status: 'failed', error: 'Unexpected token (3:52)' },
    ]);
  });

  it('lists the env variables sorted and unique, not those of failed files', () => {
    expect(report.env).toEqual(['AZURE_OPENAI_API_KEY', 'AZURE_OPENAI_ENDPOINT']);
  });

  it('renders a Markdown summary with escaped table cells', () => {
    const md = reportMarkdown(report);
    expect(md).toContain('| 10 | 3 | 1 | 1 | 1 | 0 | 1 |');
    expect(md).toContain('| `src/a.ts` | 4 | no moderations \\| on Azure |');
    expect(md).toContain('- `src/c.ts`: Unexpected token (3:52)');
    expect(md).toContain('`sk-proj-…Ab12`');
  });
});
