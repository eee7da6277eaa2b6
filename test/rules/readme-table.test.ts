import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import plugin from '../../rules/index.js';

const readme = join(dirname(fileURLToPath(import.meta.url)), '../../README.md');

/** The README's rule table, generated from the rules' meta so the two cannot drift apart. */
function table(): string {
  const recommended = plugin.configs.recommended.rules ?? {};
  const rows = Object.entries(plugin.rules).map(([name, rule]) => {
    const docs = rule.meta.docs!;
    const level = recommended[`openai-to-azure/${name}`];
    const cells = [
      `[\`${name}\`](docs/rules/${name}.md)`,
      docs.description,
      level === 'error' ? '✅' : level === 'warn' ? '⚠️' : '',
      docs.text ? '📄' : '',
      rule.meta.hasSuggestions ? '💡' : '',
      docs.typeAware ? '🔍' : '',
    ];
    return `| ${cells.join(' | ')} |`;
  });
  return [
    '| Rule | Description | Recommended | Text files | Suggestions | Type-aware |',
    '|---|---|---|---|---|---|',
    ...rows,
  ].join('\n');
}

it('README.md has a row for every rule, with its description', () => {
  const text = readFileSync(readme, 'utf8');
  // UPDATE_README=1 rewrites the block between the rules-table markers (the lead's call, not the test's default).
  if (process.env.UPDATE_README === '1') {
    writeFileSync(readme, text.replace(/(<!-- rules-table:start -->\n)[\s\S]*?(<!-- rules-table:end -->)/, `$1${table()}\n$2`));
    return;
  }
  const missing = table()
    .split('\n')
    .filter((row) => !text.includes(row));
  expect(missing, `README.md lacks these rows of the rule table:\n${table()}`).toEqual([]);
});
