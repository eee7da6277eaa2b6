import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../../rules/index.js';

const KEY = `sk-proj-${'a1B2c3D4e5'.repeat(5)}f6G7h8I9T3BlbkFJ${'Z'.repeat(54)}Qr7s`;

function lint(filename: string, text: string) {
  const linter = new Linter({ configType: 'flat' });
  return linter.verify(text, [plugin.configs.text], filename).map(({ ruleId, message, line, column, endColumn }) => ({
    ruleId,
    message,
    line,
    column,
    endColumn,
  }));
}

describe('text language (JSON, Markdown, YAML, .env)', () => {
  it('reports OpenAI settings, hosts and keys in .env files, with 1-based columns', () => {
    const problems = lint('.env', `# OpenAI\nOPENAI_API_KEY=${KEY}\nexport OPENAI_BASE_URL=https://api.openai.com/v1\nOPENAI_API_VERSION=2024-10-21\n`);
    expect(problems).toEqual([
      {
        ruleId: 'openai-to-azure/no-openai-env',
        message: 'OPENAI_API_KEY configures OpenAI; on Azure OpenAI read AZURE_OPENAI_API_KEY instead.',
        line: 2,
        column: 1,
        endColumn: 15,
      },
      expect.objectContaining({ ruleId: 'openai-to-azure/no-hardcoded-key', line: 2, column: 16, endColumn: 16 + KEY.length }),
      expect.objectContaining({ ruleId: 'openai-to-azure/no-openai-env', line: 3, column: 8 }),
      expect.objectContaining({ ruleId: 'openai-to-azure/no-openai-endpoint', line: 3, column: 32, endColumn: 46 }),
    ]);
  });

  it('reports a low-confidence sk- token only on an OpenAI line, and never other vendors\' keys', () => {
    const generic = `sk-${'9e8d7c'.repeat(5)}Ab34`;
    const anthropic = `sk-ant-api03-${'Xy1'.repeat(31)}AA`;
    const problems = lint('.env.example', `OPENAI_API_KEY=${generic}\nDEEPSEEK_API_KEY=${generic}\nANTHROPIC_API_KEY=${anthropic}\n`);
    expect(problems.filter((p) => p.ruleId === 'openai-to-azure/no-hardcoded-key').map((p) => p.line)).toEqual([1]);
  });

  it('leaves comment lines alone, as comments in code', () => {
    const problems = lint('.env.template', '# Default: https://api.openai.com\n# OPENAI_API_KEY=sk-...\nBASE_URL=https://api.openai.com\n');
    expect(problems.map((p) => [p.ruleId, p.line])).toEqual([['openai-to-azure/no-openai-endpoint', 3]]);
  });

  it('leaves settings of other OpenAI-compatible providers alone', () => {
    expect(lint('.env.example', 'OPENAI_COMPATIBLE_API_KEY=ollama\nOPENAI_COMPATIBLE_BASE_URL=http://localhost:11434/v1\n')).toEqual([]);
  });

  it('masks the key in messages', () => {
    const [problem] = lint('.env.local', `AZURE_OPENAI_API_KEY=${KEY}\n`);
    expect(problem?.message).toContain('sk-proj-…Qr7s');
    expect(problem?.message).not.toContain(KEY.slice(8, 20));
  });

  it('reads JSON keys, not values that merely mention a name', () => {
    const problems = lint(
      'config/settings.json',
      '{\n  "OPENAI_ORG_ID": "org-1",\n  "baseUrl": "https://eu.api.openai.com/v1",\n  "note": "set OPENAI_API_KEY first",\n  "hint": "run `cli config set OPENAI_KEY=<key>`"\n}\n',
    );
    expect(problems).toEqual([
      expect.objectContaining({ ruleId: 'openai-to-azure/no-openai-env', line: 2, column: 4, message: 'OPENAI_ORG_ID has no meaning on Azure OpenAI; stop reading it.' }),
      expect.objectContaining({ ruleId: 'openai-to-azure/no-openai-endpoint', line: 3, column: 23 }),
    ]);
  });

  it("reads package.json's scripts, which run commands with settings", () => {
    const problems = lint('package.json', '{\n  "scripts": { "dev": "OPENAI_API_KEY=test node server.js" }\n}\n');
    expect(problems.map((p) => [p.ruleId, p.line])).toEqual([['openai-to-azure/no-openai-env', 2]]);
  });

  it('reads YAML (compose files, workflows) and leaves docs links alone', () => {
    const problems = lint(
      'docker-compose.yml',
      'services:\n  app:\n    environment:\n      OPENAI_API_KEY: ${{ secrets.OPENAI_API_KEY }}\n      - OPENAI_MODEL=gpt-4o\n    # see https://platform.openai.com/docs\n',
    );
    expect(problems.map((p) => [p.ruleId, p.line])).toEqual([
      ['openai-to-azure/no-openai-env', 4],
      ['openai-to-azure/no-openai-env', 5],
    ]);
  });

  it('reads Markdown snippets', () => {
    const problems = lint(
      'README.md',
      '# Setup\n\nDocs: https://platform.openai.com/docs\n\n```bash\ncurl https://api.openai.com/v1/models -H "Authorization: Bearer $OPENAI_API_KEY"\nexport OPENAI_API_KEY=xyz\n```\n',
    );
    expect(problems.map((p) => [p.ruleId, p.line, p.column])).toEqual([
      ['openai-to-azure/no-openai-endpoint', 6, 14],
      ['openai-to-azure/no-openai-env', 7, 8],
    ]);
  });

  it('handles CRLF line endings and an empty file', () => {
    expect(lint('.env', 'A=1\r\nOPENAI_PROJECT_ID=p\r\n').map((p) => [p.line, p.column])).toEqual([[2, 1]]);
    expect(lint('empty.json', '')).toEqual([]);
  });

  it('refuses language options it does not know', () => {
    const linter = new Linter({ configType: 'flat' });
    expect(() =>
      linter.verify('{}', [{ ...plugin.configs.text, languageOptions: { parser: 'x' } }], 'a.json'),
    ).toThrow(/takes no language options/);
  });
});
