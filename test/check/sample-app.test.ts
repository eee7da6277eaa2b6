// Acceptance: after `migrate` on the bundled example app, `check` finds nothing but the TODO markers migrate
// leaves where it could not migrate safely.
import { cpSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { project, ROOT, run, type JsonResult } from './cli.js';

it('check reports only no-migration-todo on the example app after migrate', () => {
  const dir = project({});
  cpSync(path.join(ROOT, 'fixtures/sample-app'), dir, { recursive: true });

  expect(run(dir, ['check']).code).toBe(1);

  const migrated = run(dir, ['migrate', '--force']);
  expect(migrated.stderr).toBe('');
  expect(migrated.code).toBe(0);

  const after = run(dir, ['check', '--format', 'json']);
  const results = JSON.parse(after.stdout) as JsonResult[];
  const found = results.flatMap((r) =>
    r.messages.map((m) => `${path.relative(dir, r.filePath)}:${m.line} ${m.ruleId ?? m.message}`),
  );
  expect(found.filter((f) => !f.endsWith(' openai-to-azure/no-migration-todo'))).toEqual([]);
  expect(found.length).toBeGreaterThan(0); // the moderations call is left with a marker
});
