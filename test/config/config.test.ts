import { afterEach, describe, expect, it } from 'vitest';
import {
  CONFIG_SCHEMA,
  ConfigError,
  findConfig,
  loadConfig,
  parseConfig,
  resolveOptions,
  validate,
} from '../../src/config/index.js';
import { AUTH_MODES, DEFAULT_OPTIONS, TARGETS } from '../../src/core/index.js';
import { makeTree } from '../pipeline/tree.js';

let cleanup = (): void => {};
afterEach(() => cleanup());

const errors = (value: unknown): string[] => validate(value, CONFIG_SCHEMA, '');

describe('config schema', () => {
  it('agrees with the core tables', () => {
    expect(CONFIG_SCHEMA.properties?.target?.enum).toEqual(TARGETS);
    expect(CONFIG_SCHEMA.properties?.auth?.enum).toEqual(AUTH_MODES);
    expect(CONFIG_SCHEMA.additionalProperties).toBe(false);
  });

  it('accepts the contract example', () => {
    expect(
      errors({
        target: 'classic',
        auth: 'api-key',
        apiVersion: '2024-10-21',
        deployments: { 'gpt-4o': 'chat-prod', 'text-embedding-3-small': { env: 'AZURE_OPENAI_EMBEDDINGS_DEPLOYMENT' } },
        include: ['src/**'],
        exclude: ['**/*.test.ts'],
        maxFileSize: 2_000_000,
        plan: 'infra/deployments.bicep',
      }),
    ).toEqual([]);
  });

  it.each([
    [{ targt: 'v1' }, /unknown key "targt"/],
    [{ target: 'azure' }, /"target" must be one of "classic", "v1", got "azure"/],
    [{ auth: 1 }, /"auth" must be a string, got 1/],
    [{ apiVersion: 'latest' }, /"apiVersion" has an invalid value "latest"/],
    [{ deployments: [] }, /"deployments" must be an object/],
    [{ deployments: { 'gpt-4o': 3 } }, /"deployments.gpt-4o" must be a string or an object like \{ "env": … \}/],
    [{ deployments: { 'gpt-4o': { env: 'X', name: 'y' } } }, /unknown key "deployments.gpt-4o.name"/],
    [{ deployments: { 'gpt-4o': {} } }, /"deployments.gpt-4o.env" is required/],
    [{ deployments: { 'gpt-4o': '' } }, /"deployments.gpt-4o" must not be empty/],
    [{ include: 'src/**' }, /"include" must be an array/],
    [{ exclude: ['ok', 2] }, /"exclude\[1\]" must be a string/],
    [{ maxFileSize: '1MB' }, /"maxFileSize" must be an integer, got "1MB"/],
    [{ maxFileSize: 1.5 }, /"maxFileSize" must be an integer/],
    [{ maxFileSize: 0 }, /"maxFileSize" must be at least 1, got 0/],
    [{ plan: 'deployments.txt' }, /"plan" has an invalid value "deployments.txt": .*`\.sh` for an Azure CLI script/],
    [{ plan: true }, /"plan" must be a string, got true/],
    [[], /must be an object/],
  ])('rejects %j', (value, message) => {
    expect(errors(value).join('\n')).toMatch(message);
  });

  it('parseConfig throws a ConfigError naming the file and the key', () => {
    expect(() => parseConfig({ nope: true }, 'cfg.json')).toThrow(ConfigError);
    expect(() => parseConfig({ nope: true }, 'cfg.json')).toThrow(/cfg\.json[\s\S]*unknown key "nope"/);
  });
});

describe('config discovery', () => {
  it('finds the nearest config upward, in order, and a package.json only with the key', async () => {
    const t = makeTree({
      'openai-to-azure.config.json': '{"target":"v1"}',
      'a/package.json': '{"name":"a"}',
      'a/b/.openai-to-azurerc.json': '{"auth":"entra-id"}',
      'a/b/c/d.ts': '',
      'p/package.json': '{"openai-to-azure":{"apiVersion":"2025-04-01-preview"}}',
      'p/src/x.ts': '',
    });
    cleanup = t.cleanup;
    expect(await findConfig(`${t.dir}/a/b/c`)).toBe(`${t.dir}/a/b/.openai-to-azurerc.json`);
    expect(await findConfig(`${t.dir}/a`)).toBe(`${t.dir}/openai-to-azure.config.json`);
    const loaded = await loadConfig({ startDir: `${t.dir}/p/src`, cwd: t.dir });
    expect(loaded).toEqual({ config: { apiVersion: '2025-04-01-preview' }, file: `${t.dir}/p/package.json`, dir: `${t.dir}/p` });
  });

  it('loads --config relative to the working directory and reports bad JSON', async () => {
    const t = makeTree({ 'cfg/my.json': '{"target":"v1"}', 'bad.json': '{"target":' });
    cleanup = t.cleanup;
    expect((await loadConfig({ explicit: 'cfg/my.json', startDir: t.dir, cwd: t.dir })).config).toEqual({ target: 'v1' });
    await expect(loadConfig({ explicit: 'bad.json', startDir: t.dir, cwd: t.dir })).rejects.toThrow(/not valid JSON/);
    await expect(loadConfig({ explicit: 'none.json', startDir: t.dir, cwd: t.dir })).rejects.toThrow(ConfigError);
  });
});

describe('resolveOptions', () => {
  it('uses the defaults with nothing set', () => {
    expect(resolveOptions({}, {})).toEqual({ ...DEFAULT_OPTIONS, apiVersionExplicit: false });
  });

  it('lets flags win over the config, and --deployment win per model', () => {
    const options = resolveOptions(
      { target: 'v1', deployment: ['gpt-4o=flag-chat'] },
      {
        target: 'classic',
        auth: 'entra-id',
        apiVersion: '2025-04-01-preview',
        deployments: { 'gpt-4o': 'cfg-chat', 'o3-mini': { env: 'REASONING' } },
      },
    );
    expect(options).toEqual({
      target: 'v1',
      auth: 'entra-id',
      apiVersion: '2025-04-01-preview',
      apiVersionExplicit: true,
      deployments: { 'gpt-4o': 'flag-chat', 'o3-mini': { env: 'REASONING' } },
    });
  });

  it('rejects bad flags, naming them', () => {
    expect(() => resolveOptions({ target: 'x' }, {})).toThrow(/^--target must be one of/);
    expect(() => resolveOptions({ apiVersion: 'soon' }, {})).toThrow(/--api-version has an invalid value "soon"/);
    expect(() => resolveOptions({ deployment: ['gpt-4o'] }, {})).toThrow(/--deployment expects <model>=<name>/);
  });
});
