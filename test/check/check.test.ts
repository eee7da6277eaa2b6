// `openai-to-azure check`: exit codes, file types, formats, and the built-in configuration.
import { describe, expect, it } from 'vitest';
import { findingsByFile, project, run, type JsonResult } from './cli.js';
import { CLEAN, OFFENDERS } from './fixtures.js';

describe('check: exit codes', () => {
  it('exits 0 with no output on code and config already on Azure', () => {
    const dir = project(CLEAN);
    const res = run(dir, ['check']);
    expect(res.stderr).toBe('');
    expect(res.stdout).toBe('');
    expect(res.code).toBe(0);
  });

  it.each(Object.entries(OFFENDERS))('exits 1 on %s', (file, content) => {
    const dir = project({ ...CLEAN, [file]: content });
    const res = run(dir, ['check', '--format', 'json']);
    expect(res.code).toBe(1);
    const findings = findingsByFile(dir, res.stdout);
    expect(Object.keys(findings)).toEqual([file]);
    expect(findings[file]!.every((id) => id.startsWith('openai-to-azure/'))).toBe(true);
  });

  it('reports a file that does not parse as a problem (exit 1), and still checks the others', () => {
    const dir = project({
      'src/broken.ts': "import OpenAI from 'openai';\nexport const = ;\n",
      'src/client.ts': OFFENDERS['src/client.ts']!,
    });
    const res = run(dir, ['check', '--format', 'json']);
    expect(res.code).toBe(1);
    const results = JSON.parse(res.stdout) as JsonResult[];
    const broken = results.find((r) => r.filePath.endsWith('broken.ts'))!;
    expect(broken.messages).toHaveLength(1);
    expect(broken.messages[0]).toMatchObject({ ruleId: null, fatal: true });
    expect(findingsByFile(dir, res.stdout)['src/client.ts']).toContain('openai-to-azure/no-openai-client');
  });

  it('never parses a file that cannot involve OpenAI (the pre-filter), so an unrelated syntax error is not ours', () => {
    const dir = project({ 'src/unrelated.ts': 'export const = ;\n', 'src/ok.ts': 'export const answer = 42;\n' });
    const res = run(dir, ['check', '--format', 'json']);
    expect(res.code).toBe(0);
    expect(JSON.parse(res.stdout)).toEqual([]);
  });

  it('skips a huge bundle and a minified file with a note, and lints the rest', () => {
    const bundle = 'var a=function(e){return new OpenAI({apiKey:e,baseURL:"https://api.openai.com/v1"})};'.repeat(40_000);
    const dir = project({ 'dist/app.js': bundle, 'src/vendor.js': bundle.slice(0, 5000), 'src/client.ts': OFFENDERS['src/client.ts']! });
    const res = run(dir, ['check', '--format', 'json']);
    expect(res.code).toBe(1);
    expect(Object.keys(findingsByFile(dir, res.stdout))).toEqual(['src/client.ts']);
    expect(res.stderr).toContain('skipped dist/app.js: too large: 3.4 MB > 1 MB');
    expect(res.stderr).toContain('skipped src/vendor.js: minified');
  });

  it('exits 2 on an unknown format, naming the choices', () => {
    const res = run(project(CLEAN), ['check', '--format', 'nope']);
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(/stylish/);
    expect(res.stdout).toBe('');
  });

  it('exits 2 on a path that does not exist', () => {
    const res = run(project(CLEAN), ['check', 'no/such/dir']);
    expect(res.code).toBe(2);
    expect(res.stderr).toContain('no/such/dir');
  });
});

describe('check: built-in configuration', () => {
  it("does not read the project's eslint.config.*", () => {
    const dir = project({
      ...CLEAN,
      'eslint.config.js': 'throw new Error("the user config must not be loaded");\n',
      'eslint.config.mjs': 'export default [{ rules: { "no-undef": "error", semi: ["error", "never"] } }];\n',
    });
    const res = run(dir, ['check']);
    expect(res.stderr).toBe('');
    expect(res.code).toBe(0);
    expect(run(dir, ['check', 'src/client.ts']).code).toBe(0);
  });

  it('still lets a user silence a finding with an eslint-disable comment', () => {
    const dir = project({
      'src/probe.ts': '// eslint-disable-next-line openai-to-azure/no-openai-endpoint\nexport const PROBE = "https://api.openai.com/v1/models";\n',
    });
    expect(run(dir, ['check']).code).toBe(0);
  });
});

describe('check: formats', () => {
  it('stylish (default) names the file, the rule and the problem count', () => {
    const dir = project({ 'src/client.ts': OFFENDERS['src/client.ts']! });
    const res = run(dir, ['check']);
    expect(res.code).toBe(1);
    expect(res.stdout).toContain('src/client.ts');
    expect(res.stdout).toContain('openai-to-azure/no-openai-client');
    expect(res.stdout).toMatch(/\d+ problems?/);
    expect(res.stdout).not.toMatch(/\u001b\[/); // NO_COLOR
  });

  it("json is ESLint's result format, without file sources", () => {
    const dir = project({ ...CLEAN, 'src/client.ts': OFFENDERS['src/client.ts']! });
    const res = run(dir, ['check', '--format', 'json']);
    const results = JSON.parse(res.stdout) as (JsonResult & Record<string, unknown>)[];
    expect(Array.isArray(results)).toBe(true);
    for (const r of results) {
      expect(r).toMatchObject({ filePath: expect.any(String), messages: expect.any(Array), errorCount: expect.any(Number) });
      expect(r.source).toBeUndefined();
    }
    expect(findingsByFile(dir, res.stdout)).toEqual({ 'src/client.ts': expect.arrayContaining(['openai-to-azure/no-openai-client']) });
  });

  it('json prints an empty result list when nothing is found', () => {
    const res = run(project(CLEAN), ['check', '--format', 'json']);
    expect(res.code).toBe(0);
    expect((JSON.parse(res.stdout) as JsonResult[]).every((r) => r.messages.length === 0)).toBe(true);
  });

  it('sarif is SARIF 2.1.0 with our rule ids and their help URIs', () => {
    const dir = project({ ...CLEAN, ...OFFENDERS });
    const res = run(dir, ['check', '--format', 'sarif']);
    expect(res.code).toBe(1);
    const log = JSON.parse(res.stdout) as {
      version: string;
      runs: {
        tool: { driver: { rules: { id: string; helpUri: string }[] } };
        results: { ruleId: string; level: string; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[];
      }[];
    };
    expect(log.version).toBe('2.1.0');
    const [runLog] = log.runs;
    expect(runLog!.results.length).toBeGreaterThan(0);
    for (const r of runLog!.results) {
      expect(r.ruleId).toMatch(/^openai-to-azure\/[a-z-]+$/);
      // Relative to the project root, resolved through %SRCROOT% (test/check/sarif.test.ts has the details).
      expect(r.locations[0]!.physicalLocation.artifactLocation.uri).not.toMatch(/^file:|^\//);
    }
    const rules = runLog!.tool.driver.rules;
    expect(rules.map((r) => r.id).sort()).toEqual([...new Set(runLog!.results.map((r) => r.ruleId))].sort());
    for (const rule of rules) expect(rule.helpUri).toMatch(/^https:\/\/.+\.md$/);
  });

  it('sarif is a valid empty log when nothing is found', () => {
    const res = run(project(CLEAN), ['check', '--format', 'sarif']);
    expect(res.code).toBe(0);
    expect(JSON.parse(res.stdout)).toMatchObject({ version: '2.1.0', runs: [{ results: [] }] });
  });

  it('never prints a key it flags, in any format', () => {
    // Built at run time so this test file itself holds nothing that looks like a key.
    const key = ['sk', 'proj', 'A'.repeat(58) + 'T3BlbkFJ' + 'b'.repeat(58)].join('-');
    const dir = project({ 'src/key.ts': `export const apiKey = "${key}";\n`, '.env.local': `OPENAI_KEY=${key}\n` });
    for (const format of ['stylish', 'json', 'sarif']) {
      const res = run(dir, ['check', '--format', format]);
      expect(res.code).toBe(1);
      expect(res.stdout).not.toContain(key);
      expect(res.stdout).not.toContain('A'.repeat(20));
    }
  });
});
