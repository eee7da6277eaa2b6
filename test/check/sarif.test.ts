/**
 * `check --format sarif` as code scanning receives it, validated by Microsoft's SARIF validator
 * (`sarif-multitool validate`, the native tool behind the @microsoft/sarif-multitool package).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { forCodeScanning, MAX_RESULTS } from '../../src/check/sarif.js';
import { git, project, run } from './cli.js';

const KEY = 'sk-proj-Zq3xT8vLm2Np5Rk7Wd9Yb4Hc6Jf1Gs0AeUoIiEyTt';
const VALIDATOR = createRequire(import.meta.url)('@microsoft/sarif-multitool') as string;

interface Sarif {
  $schema: string;
  runs: {
    tool: { driver: { name: string; version: string; rules: { id: string; name: string; helpUri: string }[] } };
    originalUriBaseIds: Record<string, { uri: string }>;
    results: {
      ruleId: string;
      message: { text: string };
      locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string } } }[];
    }[];
    invocations?: { toolExecutionNotifications: { message: { text: string } }[] }[];
  }[];
}

describe('check --format sarif', () => {
  let dir: string;
  let text: string;
  let sarif: Sarif;

  beforeAll(() => {
    dir = project({
      'packages/api/src/client.ts': `import OpenAI from 'openai';\nexport const client = new OpenAI({ apiKey: '${KEY}' });\n`,
      'config/endpoints.yaml': 'llm:\n  url: https://api.openai.com/v1\n',
      'docs/setup file.md': 'Point it at https://api.openai.com/v1 for now.\n',
    });
    git(dir, ['init', '-q']);
    // Run from a subfolder: locations stay relative to the repository root, where code scanning resolves them.
    const res = run(path.join(dir, 'packages'), ['check', '--format', 'sarif', '..']);
    expect(res.code).toBe(1);
    text = res.stdout;
    sarif = JSON.parse(text) as Sarif;
  });

  it("passes Microsoft's SARIF validator with no error or warning", () => {
    const input = path.join(dir, 'results.sarif');
    const output = path.join(dir, 'validation.sarif');
    writeFileSync(input, text);
    const res = spawnSync(VALIDATOR, ['validate', input, '--output', output, '--log', 'ForceOverwrite', '--level', 'Error;Warning'], {
      encoding: 'utf8',
    });
    expect(res.status, res.stdout + res.stderr).toBe(0);
    const validation = JSON.parse(readFileSync(output, 'utf8')) as { runs: { results: { ruleId: string; message: unknown }[] }[] };
    expect(validation.runs[0]!.results.map((r) => `${r.ruleId} ${JSON.stringify(r.message)}`)).toEqual([]);
  });

  it('names the tool and links every rule to its documentation page', () => {
    const run0 = sarif.runs[0]!;
    expect(sarif.$schema).toBe('https://json.schemastore.org/sarif-2.1.0.json');
    expect(run0.tool.driver.name).toBe('openai-to-azure');
    expect(run0.tool.driver.version).toMatch(/^\d+\.\d+\.\d+/);
    const rules = Object.fromEntries(run0.tool.driver.rules.map((r) => [r.id, r]));
    expect(Object.keys(rules).sort()).toEqual([
      'openai-to-azure/no-hardcoded-key',
      'openai-to-azure/no-openai-client',
      'openai-to-azure/no-openai-endpoint',
    ]);
    for (const [id, rule] of Object.entries(rules)) {
      const name = id.split('/')[1]!;
      expect(rule.helpUri).toBe(`https://github.com/openai-to-azure/openai-to-azure/blob/main/docs/rules/${name}.md`);
      expect(readFileSync(path.join(import.meta.dirname, '../../docs/rules', `${name}.md`), 'utf8')).toContain(name);
    }
    expect(rules['openai-to-azure/no-openai-client']!.name).toBe('NoOpenaiClient');
  });

  it('gives file locations relative to the repository root, under %SRCROOT%', () => {
    const run0 = sarif.runs[0]!;
    expect(run0.originalUriBaseIds).toEqual({ '%SRCROOT%': { uri: pathToFileURL(`${dir}/`).href } });
    const uris = run0.results.flatMap((r) => r.locations.map((l) => l.physicalLocation.artifactLocation));
    expect(new Set(uris.map((u) => `${u.uriBaseId} ${u.uri}`))).toEqual(
      new Set(['%SRCROOT% packages/api/src/client.ts', '%SRCROOT% config/endpoints.yaml', '%SRCROOT% docs/setup%20file.md']),
    );
  });

  it('never carries the key itself, only its masked form', () => {
    expect(text).not.toContain(KEY);
    expect(text).not.toMatch(/sk-[A-Za-z0-9_-]{20,}/);
    const key = sarif.runs[0]!.results.find((r) => r.ruleId === 'openai-to-azure/no-hardcoded-key');
    expect(key?.message.text).toContain('sk-proj-…');
  });
});

describe('forCodeScanning', () => {
  it(`keeps at most ${MAX_RESULTS} results per run (code scanning's limit) and says so`, () => {
    const result = { ruleId: 'r', message: { text: 'm' }, locations: [] };
    const log = { version: '2.1.0', $schema: 'x', runs: [{ tool: { driver: { name: 'ESLint', rules: [] } }, results: Array(MAX_RESULTS + 5).fill(result) }] };
    const out = JSON.parse(forCodeScanning(JSON.stringify(log), { root: '/repo', version: '1.0.0' })) as Sarif;
    expect(out.runs[0]!.results).toHaveLength(MAX_RESULTS);
    expect(out.runs[0]!.invocations?.[0]?.toolExecutionNotifications[0]?.message.text).toContain(`${MAX_RESULTS + 5} results`);
  });
});
