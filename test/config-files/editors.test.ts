import { describe, expect, it } from 'vitest';
import type { ConfigContext } from '../../src/config-files/env-plan.js';
import { editEnvTemplate, envFileNotes } from '../../src/config-files/env-template.js';
import { editImportMap } from '../../src/config-files/import-map.js';
import { editPackageJson } from '../../src/config-files/package-json.js';
import { editTurbo } from '../../src/config-files/turbo.js';
import { editYaml } from '../../src/config-files/yaml-env.js';

const classic: ConfigContext = {
  env: ['AZURE_OPENAI_API_KEY', 'AZURE_OPENAI_DEPLOYMENT_GPT_4O', 'AZURE_OPENAI_ENDPOINT', 'OPENAI_API_VERSION'],
  target: 'classic',
  apiVersion: '2024-10-21',
  deployments: [{ model: 'gpt-4o', env: 'AZURE_OPENAI_DEPLOYMENT_GPT_4O' }],
};
const v1Entra: ConfigContext = { ...classic, target: 'v1', auth: 'entra-id', env: ['AZURE_OPENAI_DEPLOYMENT_GPT_4O', 'AZURE_OPENAI_ENDPOINT'] };
const KEY = 'sk-proj-abcdefghijklmnopqrstuvwxyz0123';

describe('env templates', () => {
  it('renames in place, removes what nothing reads, adds what is missing, keeps other comments', () => {
    const input = ['# OpenAI', `OPENAI_API_KEY=${KEY}`, 'OPENAI_ORG_ID=org-1', 'OPENAI_MODEL=gpt-4o', '', '# server', 'PORT=3000', ''].join('\n');
    const edit = editEnvTemplate(input, classic);
    // `# OpenAI` heads only variables that were rewritten: it goes with them.
    expect(edit.output).toBe(
      [
        'AZURE_OPENAI_ENDPOINT=https://<your-resource>.openai.azure.com',
        'OPENAI_API_VERSION=2024-10-21',
        'AZURE_OPENAI_API_KEY=',
        '# Name of your Azure OpenAI deployment of gpt-4o (a deployment name, not a model name)',
        'AZURE_OPENAI_DEPLOYMENT_GPT_4O=gpt-4o',
        '',
        '# server',
        'PORT=3000',
        '',
      ].join('\n'),
    );
    expect(edit.secrets).toEqual([{ line: 2, masked: 'sk-proj-…0123' }]);
    expect(edit.output).not.toContain(KEY);
    expect(editEnvTemplate(edit.output, classic).output).toBe(edit.output);
  });

  it('drops the key and the api-version on v1 with Entra ID', () => {
    const input = 'OPENAI_API_KEY=\nOPENAI_API_VERSION=2024-10-21\nAZURE_OPENAI_DEPLOYMENT_GPT_4O=chat\n';
    expect(editEnvTemplate(input, v1Entra).output).toBe(
      'AZURE_OPENAI_ENDPOINT=https://<your-resource>.openai.azure.com\nAZURE_OPENAI_DEPLOYMENT_GPT_4O=chat\n',
    );
  });

  it('keeps OpenAI names it does not know (the code may still read them) and leaves unrelated templates alone', () => {
    expect(editEnvTemplate('OPENAI_TEMPERATURE=0.2\n', { ...classic, env: ['AZURE_OPENAI_ENDPOINT'] }).output).toBe(
      'OPENAI_TEMPERATURE=0.2\nAZURE_OPENAI_ENDPOINT=https://<your-resource>.openai.azure.com\n',
    );
    expect(editEnvTemplate('PORT=3000\n', classic).output).toBe('PORT=3000\n');
  });

  it('changes nothing when the code migration read nothing', () => {
    expect(editEnvTemplate('OPENAI_API_KEY=\n', { ...classic, env: [] }).output).toBe('OPENAI_API_KEY=\n');
  });

  it('comments follow their variables: removed with them, names renamed, OpenAI-only lines dropped, headers kept', () => {
    const input = [
      '# Organization, from the OpenAI dashboard',
      '# (optional)',
      'OPENAI_ORG_ID=',
      '',
      '# Billing',
      'OPENAI_PROJECT_ID=',
      'STRIPE_KEY=',
      '',
      '# Required: get one at https://platform.openai.com/api-keys',
      '# keep it secret',
      'OPENAI_API_KEY=',
      '',
      '# OPENAI_MODEL: the chat model',
      'OPENAI_MODEL=gpt-4o',
      '',
    ].join('\n');
    expect(editEnvTemplate(input, classic).output).toBe(
      [
        'AZURE_OPENAI_ENDPOINT=https://<your-resource>.openai.azure.com',
        'OPENAI_API_VERSION=2024-10-21',
        '',
        '# Billing',
        'STRIPE_KEY=',
        '',
        '# keep it secret',
        'AZURE_OPENAI_API_KEY=',
        '',
        '# AZURE_OPENAI_DEPLOYMENT_GPT_4O: the chat model',
        '# Name of your Azure OpenAI deployment of gpt-4o (a deployment name, not a model name)',
        'AZURE_OPENAI_DEPLOYMENT_GPT_4O=gpt-4o',
        '',
      ].join('\n'),
    );
  });

  it("a comment about OpenAI's key stays with the renamed key and names Azure OpenAI's", () => {
    const input = [
      '# Do not share your OpenAI API key with anyone, it should remain a secret.',
      '# Your OpenAI key, from https://platform.openai.com/api-keys',
      'OPENAI_API_KEY=',
      '',
    ].join('\n');
    const output = editEnvTemplate(input, classic).output;
    // The line pointing at OpenAI's site goes; the one about keeping the key secret stays, above the key.
    expect(output.split('\n').slice(-3)).toEqual([
      '# Do not share your Azure OpenAI API key with anyone, it should remain a secret.',
      'AZURE_OPENAI_API_KEY=',
      '',
    ]);
    expect(editEnvTemplate(output, classic).output).toBe(output);
  });

  it('a sentence about OpenAI that runs over two comment lines goes whole, not its first line only', () => {
    const input = [
      '# Set this to use the real OpenAI model. Leave it empty to get a canned',
      '# demo reply, so the UI works offline.',
      '# Keep it out of git.',
      'OPENAI_API_KEY=',
      '',
    ].join('\n');
    const output = editEnvTemplate(input, classic).output;
    expect(output).not.toContain('demo reply');
    expect(output.split('\n').slice(-3)).toEqual(['# Keep it out of git.', 'AZURE_OPENAI_API_KEY=', '']);
  });

  it('a comment naming the key "for OpenAI" names Azure OpenAI, its own casing kept; other OpenAI prose is left', () => {
    const input = ['# Your API Key for OpenAI', 'OPENAI_API_KEY=', '# Proxy for the OpenAI API', 'HTTPS_PROXY=', ''].join('\n');
    expect(editEnvTemplate(input, classic).output.split('\n').slice(-5, -1)).toEqual([
      '# Your API Key for Azure OpenAI',
      'AZURE_OPENAI_API_KEY=',
      '# Proxy for the OpenAI API',
      'HTTPS_PROXY=',
    ]);
  });

  it('a section heading naming OpenAI between rulers names Azure OpenAI; prose about OpenAI\'s site goes', () => {
    const ctx = { ...classic, env: ['AZURE_OPENAI_API_KEY'] };
    const input = ['# ====', '# OpenAI Configuration', '# ====', '# Get your API key from: https://platform.openai.com/api-keys', 'OPENAI_API_KEY=sk-your-key', ''];
    const output = editEnvTemplate(input.join('\n'), ctx).output;
    expect(output).toBe(['# ====', '# Azure OpenAI Configuration', '# ====', 'AZURE_OPENAI_API_KEY=', ''].join('\n'));
    expect(editEnvTemplate(output, ctx).output).toBe(output);
    expect(editEnvTemplate('# ----\n## OpenAI API settings\nOPENAI_API_KEY=\n', ctx).output).toBe('# ----\n## Azure OpenAI API settings\nAZURE_OPENAI_API_KEY=\n');
    // Without rulers a heading goes with its variables (see above); a sentence about OpenAI is no heading.
    expect(editEnvTemplate('# ====\n# OpenAI is used for chat\nOPENAI_API_KEY=\n', ctx).output).toBe('# ====\nAZURE_OPENAI_API_KEY=\n');
  });

  it('removes a first-line variable like any other', () => {
    expect(editEnvTemplate('OPENAI_API_KEY=\nSTORE_URL=\n', { ...classic, env: ['AZURE_API_KEY'] }).output).toBe(
      'AZURE_API_KEY=\nSTORE_URL=\n',
    );
  });

  it('keeps a variable the code still reads after the run (beside a marker, in an unmigrated client)', () => {
    const input = '# Organization\nOPENAI_ORG_ID=org-1\nOPENAI_API_KEY=\n';
    const ctx = { ...classic, env: ['AZURE_OPENAI_API_KEY'], staleEnv: ['OPENAI_ORG_ID', 'OPENAI_API_KEY'] };
    expect(editEnvTemplate(input, ctx).output).toBe('# Organization\nOPENAI_ORG_ID=org-1\nOPENAI_API_KEY=\nAZURE_OPENAI_API_KEY=\n');
    expect(envFileNotes('OPENAI_ORG_ID=org-1\n', ctx)).toEqual(['not rewritten (a real env file): set AZURE_OPENAI_API_KEY']);
  });

  it('gives each api-version variable the version the code falls back to: added, empty or older values get it', () => {
    const ctx: ConfigContext = {
      ...classic,
      env: ['AZURE_OPENAI_API_VERSION', 'OPENAI_API_VERSION'],
      apiVersions: { OPENAI_API_VERSION: '2025-04-01-preview', AZURE_OPENAI_API_VERSION: '2024-10-21' },
    };
    // No migrated code reads a key here (api-key auth): the key stays, for code the run did not see reading it.
    expect(editEnvTemplate('OPENAI_API_KEY=\n', ctx).output).toBe('OPENAI_API_KEY=\nOPENAI_API_VERSION=2025-04-01-preview\nAZURE_OPENAI_API_VERSION=2024-10-21\n');
    expect(editEnvTemplate('OPENAI_API_VERSION=2024-10-21\nexport AZURE_OPENAI_API_VERSION=\n', ctx).output).toBe(
      'OPENAI_API_VERSION=2025-04-01-preview\nexport AZURE_OPENAI_API_VERSION=2024-10-21\n',
    );
    // A later version, or one that is not dated, is the user's choice.
    const chosen = 'OPENAI_API_VERSION=2025-05-01-preview\nAZURE_OPENAI_API_VERSION=preview\n';
    expect(editEnvTemplate(chosen, ctx).output).toBe(chosen);
  });

  it("adds no OpenAI variable the code still reads: a base URL or model override left out (or commented out) stays out", () => {
    // The code reads OPENAI_BASE_URL and OPENAI_MODEL with fallbacks; set empty, both would override them.
    const ctx: ConfigContext = { ...classic, env: [...classic.env, 'OPENAI_BASE_URL', 'OPENAI_MODEL'] };
    const output = editEnvTemplate('# OPENAI_MODEL=\nOPENAI_API_KEY=\n', ctx).output;
    expect(output).not.toMatch(/^OPENAI_(?:BASE_URL|MODEL)=/m);
    expect(output).toContain('# OPENAI_MODEL=\n');
    expect(output).toMatch(/^AZURE_OPENAI_ENDPOINT=/m);
    expect(envFileNotes('OPENAI_API_KEY=x\n', ctx).join('\n')).not.toMatch(/set .*OPENAI_(?:BASE_URL|MODEL)/);
  });

  it('a commented-out OpenAI variable is edited as a set one: renamed in place, the Azure variables added, all commented out', () => {
    const input = ['# Uncomment to enable chat', '# OPENAI_API_KEY=sk-xxxx', '', 'PORT=3000', ''].join('\n');
    const edit = editEnvTemplate(input, classic);
    expect(edit.output).toBe(
      [
        '# AZURE_OPENAI_ENDPOINT=https://<your-resource>.openai.azure.com',
        '# OPENAI_API_VERSION=2024-10-21',
        '# Name of your Azure OpenAI deployment of gpt-4o (a deployment name, not a model name)',
        '# AZURE_OPENAI_DEPLOYMENT_GPT_4O=gpt-4o',
        '# Uncomment to enable chat',
        '# AZURE_OPENAI_API_KEY=',
        '',
        'PORT=3000',
        '',
      ].join('\n'),
    );
    expect(editEnvTemplate(edit.output, classic).output).toBe(edit.output);
    // Beside set OpenAI variables, the Azure ones are set: a commented-out OpenAI one names one of them, and goes.
    const mixed = editEnvTemplate('OPENAI_API_KEY=\n# OPENAI_API_KEY=sk-xxxx\n# OPENAI_MODEL=gpt-4o\n', classic).output;
    expect(mixed).not.toMatch(/^# (?:OPENAI|AZURE)_/m);
    expect(mixed).toMatch(/^AZURE_OPENAI_API_KEY=$/m);
    expect(mixed).toMatch(/^AZURE_OPENAI_DEPLOYMENT_GPT_4O=gpt-4o$/m);
  });

  it('lists what to set in a real .env instead of rewriting it', () => {
    expect(envFileNotes('OPENAI_API_KEY=x\n', classic)).toEqual([
      'not rewritten (a real env file): set AZURE_OPENAI_ENDPOINT, AZURE_OPENAI_API_KEY, OPENAI_API_VERSION, AZURE_OPENAI_DEPLOYMENT_GPT_4O',
      'not rewritten (a real env file): the migrated code no longer reads OPENAI_API_KEY',
    ]);
  });
});

describe('YAML', () => {
  it('the endpoint added beside the key reads its variable the way the key does ($X, ${X:-}, env.X)', () => {
    const input = [
      'services:',
      '  a:',
      '    environment:',
      '      - OPENAI_API_KEY=$OPENAI_API_KEY',
      '  b:',
      '    environment:',
      '      OPENAI_API_KEY: ${OPENAI_API_KEY:-}',
      'jobs:',
      '  c:',
      '    env:',
      '      OPENAI_API_KEY: ${{ env.OPENAI_API_KEY }}',
      '',
    ].join('\n');
    const v1 = { ...classic, target: 'v1' as const, env: ['AZURE_OPENAI_API_KEY', 'AZURE_OPENAI_ENDPOINT'] };
    expect(editYaml(input, v1).output).toBe(
      [
        'services:',
        '  a:',
        '    environment:',
        '      - AZURE_OPENAI_API_KEY=$AZURE_OPENAI_API_KEY',
        '      - AZURE_OPENAI_ENDPOINT=$AZURE_OPENAI_ENDPOINT',
        '  b:',
        '    environment:',
        '      AZURE_OPENAI_API_KEY: ${AZURE_OPENAI_API_KEY:-}',
        '      AZURE_OPENAI_ENDPOINT: ${AZURE_OPENAI_ENDPOINT}',
        'jobs:',
        '  c:',
        '    env:',
        '      AZURE_OPENAI_API_KEY: ${{ env.AZURE_OPENAI_API_KEY }}',
        '      AZURE_OPENAI_ENDPOINT: ${{ env.AZURE_OPENAI_ENDPOINT }}',
        '',
      ].join('\n'),
    );
  });

  it('compose: list and map forms, comments and layout kept', () => {
    const input = [
      'services:',
      '  app:',
      '    image: app # the app',
      '    environment:',
      '      - OPENAI_API_KEY=${OPENAI_API_KEY}',
      '      - OPENAI_ORG_ID',
      '      - PORT=3000',
      '  worker:',
      '    environment:',
      '      OPENAI_API_KEY: ${OPENAI_API_KEY}   # from host',
      "      OPENAI_BASE_URL: 'https://api.openai.com/v1'",
      '',
    ].join('\n');
    expect(editYaml(input, classic).output).toBe(
      [
        'services:',
        '  app:',
        '    image: app # the app',
        '    environment:',
        '      - AZURE_OPENAI_API_KEY=${AZURE_OPENAI_API_KEY}',
        '      - AZURE_OPENAI_ENDPOINT=${AZURE_OPENAI_ENDPOINT}',
        '      - OPENAI_API_VERSION=2024-10-21',
        '      - PORT=3000',
        '  worker:',
        '    environment:',
        '      AZURE_OPENAI_API_KEY: ${AZURE_OPENAI_API_KEY}   # from host',
        '      AZURE_OPENAI_ENDPOINT: ${AZURE_OPENAI_ENDPOINT}',
        '      OPENAI_API_VERSION: "2024-10-21"',
        '',
      ].join('\n'),
    );
  });

  it('workflows: env at workflow and step level, secrets renamed, endpoint beside the key', () => {
    const input = [
      'env:',
      '  OPENAI_API_KEY: ${{ secrets.OPENAI_API_KEY }}',
      'jobs:',
      '  test:',
      '    steps:',
      '      - run: npm test',
      '        env:',
      '          OPENAI_API_KEY: ${{ secrets.OPENAI_API_KEY }}',
      '',
    ].join('\n');
    const keyless = editYaml(input, v1Entra);
    // Once for the file: the job needs an identity now.
    expect(keyless.notes).toEqual([expect.stringContaining('needs an Azure identity with the Cognitive Services OpenAI User role (GitHub Actions: azure/login with OIDC')]);
    const out = keyless.output;
    expect(out).toBe(
      [
        'env:',
        '  AZURE_OPENAI_ENDPOINT: ${{ secrets.AZURE_OPENAI_ENDPOINT }}',
        'jobs:',
        '  test:',
        '    steps:',
        '      - run: npm test',
        '        env:',
        '          AZURE_OPENAI_ENDPOINT: ${{ secrets.AZURE_OPENAI_ENDPOINT }}',
        '',
      ].join('\n'),
    );
    const keyed = editYaml(input, classic).output;
    expect(keyed).toContain('  AZURE_OPENAI_API_KEY: ${{ secrets.AZURE_OPENAI_API_KEY }}\n  AZURE_OPENAI_ENDPOINT:');
    expect(editYaml(keyed, classic).output).toBe(keyed);
  });

  it("leaves the env of a workflow step that runs another repository's action (it reads its own names); a local action's follows the code", () => {
    const workflow = [
      'jobs:',
      '  review:',
      '    steps:',
      '      - uses: coderabbitai/ai-pr-reviewer@latest',
      '        env:',
      '          OPENAI_API_KEY: ${{ secrets.OPENAI_API_KEY }}',
      '      - uses: ./.github/actions/ask',
      '        env:',
      '          OPENAI_API_KEY: ${{ secrets.OPENAI_API_KEY }}',
      '',
    ].join('\n');
    const out = editYaml(workflow, classic).output.split('\n');
    expect(out[5]).toBe('          OPENAI_API_KEY: ${{ secrets.OPENAI_API_KEY }}');
    expect(out[8]).toBe('          AZURE_OPENAI_API_KEY: ${{ secrets.AZURE_OPENAI_API_KEY }}');
  });

  it('keeps a key no migrated code replaces (api-key auth, no Azure key read): code the run did not see may read it', () => {
    const urlOnly: ConfigContext = { ...classic, env: ['AZURE_OPENAI_ENDPOINT'] };
    const block = ['env:', '  OPENAI_API_KEY: ${{ secrets.OPENAI_API_KEY }}', '  OPENAI_API_BASE: ${{ secrets.OPENAI_API_BASE }}', ''].join('\n');
    expect(editYaml(block, urlOnly).output).toBe(['env:', '  OPENAI_API_KEY: ${{ secrets.OPENAI_API_KEY }}', '  AZURE_OPENAI_ENDPOINT: ${{ secrets.AZURE_OPENAI_ENDPOINT }}', ''].join('\n'));
  });

  it('a key the code left still reads stays, and the Azure settings the migrated code reads join it (map, list, named)', () => {
    const still: ConfigContext = { ...classic, staleEnv: ['OPENAI_API_KEY'] };
    const workflow = ['jobs:', '  e2e:', '    steps:', '      - run: npm test', '        env:', '          OPENAI_API_KEY: ${{ secrets.OPENAI_API_KEY }}', ''].join('\n');
    const edited = editYaml(workflow, still);
    expect(edited.output).toBe(
      [
        'jobs:',
        '  e2e:',
        '    steps:',
        '      - run: npm test',
        '        env:',
        '          OPENAI_API_KEY: ${{ secrets.OPENAI_API_KEY }}',
        '          AZURE_OPENAI_ENDPOINT: ${{ secrets.AZURE_OPENAI_ENDPOINT }}',
        '          AZURE_OPENAI_API_KEY: ${{ secrets.AZURE_OPENAI_API_KEY }}',
        '          OPENAI_API_VERSION: "2024-10-21"',
        '',
      ].join('\n'),
    );
    expect(edited.changes).toEqual([{ line: 6, kind: 'env' }]);
    expect(editYaml(edited.output, still).output).toBe(edited.output);
    const compose = ['services:', '  app:', '    environment:', '      - OPENAI_API_KEY=${OPENAI_API_KEY}', ''].join('\n');
    expect(editYaml(compose, still).output).toContain('      - OPENAI_API_KEY=${OPENAI_API_KEY}\n      - AZURE_OPENAI_ENDPOINT=${AZURE_OPENAI_ENDPOINT}\n      - AZURE_OPENAI_API_KEY=${AZURE_OPENAI_API_KEY}\n');
    const pod = ['env:', '  - name: OPENAI_API_KEY', '    value: ""', ''].join('\n');
    expect(editYaml(pod, still).output).toContain('  - name: OPENAI_API_KEY\n    value: ""\n  - name: AZURE_OPENAI_ENDPOINT\n');
  });

  it("the AI SDK's Azure provider: the key becomes AZURE_API_KEY, its resource name and the code's other settings join it", () => {
    // Code on @ai-sdk/azure (createAzure reads AZURE_API_KEY and AZURE_RESOURCE_NAME) and raw requests to the endpoint.
    const aiSdk: ConfigContext = { ...classic, env: ['AZURE_API_KEY', 'AZURE_OPENAI_ENDPOINT', 'AZURE_RESOURCE_NAME'] };
    const compose = ['services:', '  app:', '    environment:', '      - OPENAI_API_KEY=${OPENAI_API_KEY}', '      - PORT=5173', ''].join('\n');
    expect(editYaml(compose, aiSdk).output).toBe(
      [
        'services:',
        '  app:',
        '    environment:',
        '      - AZURE_API_KEY=${AZURE_API_KEY}',
        '      - AZURE_OPENAI_ENDPOINT=${AZURE_OPENAI_ENDPOINT}',
        '      - AZURE_RESOURCE_NAME=${AZURE_RESOURCE_NAME}',
        '      - PORT=5173',
        '',
      ].join('\n'),
    );
    // Both clients' keys read: the OpenAI key becomes the openai SDK's, the AI SDK's joins it; a literal gets "".
    const both: ConfigContext = { ...classic, env: [...classic.env, 'AZURE_API_KEY', 'AZURE_RESOURCE_NAME'] };
    const workflow = ['env:', '  OPENAI_API_KEY: ${{ secrets.OPENAI_API_KEY }}', '  OPENAI_BASE_URL: https://api.openai.com/v1', ''].join('\n');
    expect(editYaml(workflow, both).output).toBe(
      [
        'env:',
        '  AZURE_OPENAI_API_KEY: ${{ secrets.AZURE_OPENAI_API_KEY }}',
        '  AZURE_OPENAI_ENDPOINT: ${{ secrets.AZURE_OPENAI_ENDPOINT }}',
        '  AZURE_API_KEY: ${{ secrets.AZURE_API_KEY }}',
        '  AZURE_RESOURCE_NAME: ${{ secrets.AZURE_RESOURCE_NAME }}',
        '  OPENAI_API_VERSION: "2024-10-21"',
        '',
      ].join('\n'),
    );
    const literal = ['env:', '  OPENAI_API_KEY: ""', ''].join('\n');
    expect(editYaml(literal, aiSdk).output).toBe(
      ['env:', '  AZURE_API_KEY: ""', '  AZURE_OPENAI_ENDPOINT: https://<your-resource>.openai.azure.com', '  AZURE_RESOURCE_NAME: ""', ''].join('\n'),
    );
    expect(editEnvTemplate('OPENAI_API_KEY=\n', aiSdk).output).toContain('AZURE_API_KEY=');
    expect(editEnvTemplate('OPENAI_API_KEY=\n', aiSdk).output).not.toContain('OPENAI_API_KEY');
  });

  it('compose: an anchored block merged into env blocks (<<: *common-env) is an env block, edited once', () => {
    const input = [
      'x-common-env: &common-env',
      '  OPENAI_API_KEY: ${OPENAI_API_KEY}',
      '  REDIS_URL: redis://redis:6379',
      'services:',
      '  api:',
      '    environment:',
      '      <<: *common-env',
      '      PORT: 3002',
      '  worker:',
      '    environment: { <<: *common-env }',
      '',
    ].join('\n');
    const out = editYaml(input, classic).output;
    expect(out.split('\n').slice(0, 5)).toEqual([
      'x-common-env: &common-env',
      '  AZURE_OPENAI_API_KEY: ${AZURE_OPENAI_API_KEY}',
      '  AZURE_OPENAI_ENDPOINT: ${AZURE_OPENAI_ENDPOINT}',
      '  OPENAI_API_VERSION: "2024-10-21"',
      '  REDIS_URL: redis://redis:6379',
    ]);
    expect(out.match(/AZURE_OPENAI_API_KEY:/g)).toHaveLength(1);
    expect(out).toContain('    environment: { <<: *common-env }');
  });

  it('a key is added only beside a key: beside a base URL it would override one set elsewhere (env_file, a secret)', () => {
    const input = ['services:', '  app:', '    env_file: .env', '    environment:', '      OPENAI_BASE_URL: ${OPENAI_BASE_URL}', ''].join('\n');
    const out = editYaml(input, classic).output;
    expect(out).toContain('AZURE_OPENAI_ENDPOINT: ${AZURE_OPENAI_ENDPOINT}');
    expect(out).not.toContain('AZURE_OPENAI_API_KEY');
  });

  it("a block whose base URL is another service's is that service's: kept whole, with a note, whatever the order", () => {
    const input = [
      'services:',
      '  summarizer:',
      '    environment:',
      '      OPENAI_BASE_URL: https://api.groq.com/openai/v1',
      '      OPENAI_API_KEY: ${GROQ_KEY}',
      '  tagger:',
      '    environment:',
      '      - OPENAI_API_KEY=${GROQ_KEY}',
      '      - OPENAI_BASE_URL=http://localhost:11434/v1',
      '  app:',
      '    environment:',
      '      OPENAI_API_KEY: ${OPENAI_API_KEY}',
      '',
    ].join('\n');
    const edit = editYaml(input, classic);
    expect(edit.output.split('\n').slice(0, 9)).toEqual(input.split('\n').slice(0, 9));
    expect(edit.output).toContain('      AZURE_OPENAI_API_KEY: ${AZURE_OPENAI_API_KEY}\n      AZURE_OPENAI_ENDPOINT: ${AZURE_OPENAI_ENDPOINT}');
    expect(edit.notes).toEqual([
      expect.stringMatching(/^line 4: OPENAI_BASE_URL points at https:\/\/api\.groq\.com\/openai\/v1, not OpenAI/),
      expect.stringMatching(/^line 9: OPENAI_BASE_URL points at http:\/\/localhost:11434\/v1, not OpenAI/),
    ]);
    // An env template keeps such a URL too: the Azure endpoint is no place for it.
    expect(editEnvTemplate('OPENAI_BASE_URL=https://api.groq.com/openai/v1\n', classic).output).toContain('OPENAI_BASE_URL=https://api.groq.com/openai/v1');
  });

  it('workflows: a key read inside a longer expression gives its companions the same expression', () => {
    const input = ['env:', "  OPENAI_API_KEY: ${{ matrix.ai == 'openai' && secrets.OPENAI_API_KEY || '' }}", ''].join('\n');
    expect(editYaml(input, classic).output).toBe(
      [
        'env:',
        "  AZURE_OPENAI_API_KEY: ${{ matrix.ai == 'openai' && secrets.AZURE_OPENAI_API_KEY || '' }}",
        "  AZURE_OPENAI_ENDPOINT: ${{ matrix.ai == 'openai' && secrets.AZURE_OPENAI_ENDPOINT || '' }}",
        '  OPENAI_API_VERSION: "2024-10-21"',
        '',
      ].join('\n'),
    );
  });

  it("a Helm chart's values: the env blocks it adds or keeps in a Secret", () => {
    const input = ['image: app:1', 'secretEnv:', '  AUTH_SECRET: ""', '  OPENAI_API_KEY: ""', 'extraEnv:', '  LOG_LEVEL: info', ''].join('\n');
    const out = editYaml(input, classic).output;
    expect(out).toContain('secretEnv:\n  AUTH_SECRET: ""\n  AZURE_OPENAI_API_KEY: ""\n');
    expect(out).not.toContain('OPENAI_API_KEY: ""\nextraEnv');
    expect(out.startsWith('image: app:1\n')).toBe(true);
    expect(editYaml(out, classic).output).toBe(out);
  });

  it('Kubernetes env lists across documents', () => {
    const input = [
      'kind: Deployment',
      'spec:',
      '  containers:',
      '    - env:',
      '        - name: OPENAI_API_KEY',
      '          valueFrom:',
      '            secretKeyRef: { name: openai, key: api-key }',
      '---',
      'kind: Pod',
      'spec:',
      '  containers:',
      '    - env:',
      '        - name: OPENAI_MODEL',
      '          value: gpt-4o',
      '',
    ].join('\n');
    const edit = editYaml(input, { ...classic, env: ['AZURE_OPENAI_ENDPOINT', 'AZURE_OPENAI_API_KEY', 'AZURE_OPENAI_DEPLOYMENT_GPT_4O'] });
    expect(edit.output).toBe(
      [
        'kind: Deployment',
        'spec:',
        '  containers:',
        '    - env:',
        '        - name: AZURE_OPENAI_API_KEY',
        '          valueFrom:',
        '            secretKeyRef: { name: openai, key: api-key }',
        '        - name: AZURE_OPENAI_ENDPOINT',
        '          value: "https://<your-resource>.openai.azure.com"',
        '---',
        'kind: Pod',
        'spec:',
        '  containers:',
        '    - env:',
        '        - name: AZURE_OPENAI_DEPLOYMENT_GPT_4O',
        '          value: gpt-4o',
        '',
      ].join('\n'),
    );
    expect(edit.notes[0]).toMatch(/same secret key/);
  });

  it('a file that does not parse throws (the pipeline keeps it byte-for-byte)', () => {
    expect(() => editYaml('a: [\n  - OPENAI_API_KEY\n', classic)).toThrow(/does not parse as YAML/);
  });
});

describe('reusable workflows', () => {
  it("renames a secret a reusable workflow declares and the one its caller passes alike, each with the endpoint beside it and no api-version", async () => {
    const declared = [
      'on:',
      '  workflow_call:',
      '    secrets:',
      '      NPM_TOKEN:',
      '        required: true',
      '      OPENAI_API_KEY:',
      '        required: false',
      'jobs:',
      '  test:',
      '    steps:',
      '      - run: npm test',
      '        env:',
      '          OPENAI_API_KEY: ${{ secrets.OPENAI_API_KEY }}',
      '',
    ].join('\n');
    expect((await editYaml(declared, classic)).output).toBe(
      [
        'on:',
        '  workflow_call:',
        '    secrets:',
        '      NPM_TOKEN:',
        '        required: true',
        '      AZURE_OPENAI_API_KEY:',
        '        required: false',
        '      AZURE_OPENAI_ENDPOINT:',
        '        required: false',
        'jobs:',
        '  test:',
        '    steps:',
        '      - run: npm test',
        '        env:',
        '          AZURE_OPENAI_API_KEY: ${{ secrets.AZURE_OPENAI_API_KEY }}',
        '          AZURE_OPENAI_ENDPOINT: ${{ secrets.AZURE_OPENAI_ENDPOINT }}',
        '          OPENAI_API_VERSION: "2024-10-21"',
        '',
      ].join('\n'),
    );
    const caller = ['jobs:', '  release:', '    uses: ./.github/workflows/reusable.yml', '    secrets:', '      OPENAI_API_KEY: ${{ secrets.OPENAI_API_KEY }}', ''].join('\n');
    expect((await editYaml(caller, classic)).output).toBe(
      [
        'jobs:',
        '  release:',
        '    uses: ./.github/workflows/reusable.yml',
        '    secrets:',
        '      AZURE_OPENAI_API_KEY: ${{ secrets.AZURE_OPENAI_API_KEY }}',
        '      AZURE_OPENAI_ENDPOINT: ${{ secrets.AZURE_OPENAI_ENDPOINT }}',
        '',
      ].join('\n'),
    );
  });
});

describe('package.json', () => {
  it('adds and removes dependencies keeping indentation, key order and final newline', () => {
    const input = '{\n    "name": "x",\n    "dependencies": {\n        "@ai-sdk/openai": "^3.0.0",\n        "zod": "^4.0.0"\n    }\n}\n';
    const edit = editPackageJson(input, { add: new Map([['@azure/identity', '^4.13.1']]), remove: ['@ai-sdk/openai'] });
    expect(edit.output).toBe('{\n    "name": "x",\n    "dependencies": {\n        "@azure/identity": "^4.13.1",\n        "zod": "^4.0.0"\n    }\n}\n');
    expect(edit.notes[0]).toMatch(/npm install/);
  });

  it('adds @ai-sdk/azure in the section @ai-sdk/openai was in, at the matching major', () => {
    const add = { add: new Map([['@ai-sdk/azure', '^3.0.128']]), remove: ['@ai-sdk/openai'] };
    const dev = '{"dependencies":{"ai":"^4.3.0"},"devDependencies":{"@ai-sdk/openai":"^1.3.22"}}';
    expect(editPackageJson(dev, add).output).toBe('{"dependencies":{"ai":"^4.3.0"},"devDependencies":{"@ai-sdk/azure":"^1.3.22"}}');
    const both = '{"peerDependencies":{"@ai-sdk/openai":"2.x"},"devDependencies":{"@ai-sdk/openai":"~2.0.30"}}';
    expect(editPackageJson(both, add).output).toBe('{"peerDependencies":{"@ai-sdk/azure":"^2.0.129"},"devDependencies":{"@ai-sdk/azure":"^2.0.129"}}');
    // An @ai-sdk/azure already there keeps its major: it moves with the project's `ai`, not with this tool's default.
    const kept = '{"dependencies":{"@ai-sdk/azure":"^1.3.0"}}';
    expect(editPackageJson(kept, { add: add.add, remove: [] }).output).toBe(kept);
    // Never below the replaced floor (the two are numbered in step); a major's own floor wins when it is newer.
    expect(editPackageJson('{"dependencies":{"@ai-sdk/openai":"^1.1.9"}}', add).output).toBe('{"dependencies":{"@ai-sdk/azure":"^1.1.9"}}');
    expect(editPackageJson('{"dependencies":{"@ai-sdk/openai":"^2.0.30"}}', add).output).toBe('{"dependencies":{"@ai-sdk/azure":"^2.0.129"}}');
  });

  it("notes what an @ai-sdk/azure that follows an older ai lacks of the migrated code (v1's baseURL, Entra ID's tokenProvider)", () => {
    const add = { add: new Map([['@ai-sdk/azure', '^3.0.128']]), remove: ['@ai-sdk/openai'] };
    const notes = (openai: string, emitted: { target: 'classic' | 'v1'; auth: 'api-key' | 'entra-id' }): string[] =>
      editPackageJson(`{"dependencies":{"@ai-sdk/openai":"${openai}"}}`, add, undefined, emitted).notes.filter((n) => n.startsWith('the migrated code'));
    expect(notes('^1.3.22', { target: 'v1', auth: 'entra-id' })).toEqual([
      "the migrated code gives createAzure a baseURL on Azure's /openai/v1 API and a tokenProvider (Entra ID), which @ai-sdk/azure ^1.3.22 lacks (its major follows @ai-sdk/openai's): move ai and its providers to ai 6 or newer, or migrate again with --target classic --auth api-key",
    ]);
    expect(notes('^2.0.10', { target: 'v1', auth: 'api-key' })).toEqual([]);
    expect(notes('^2.0.10', { target: 'classic', auth: 'entra-id' })).toHaveLength(1);
    expect(notes('^3.0.0', { target: 'v1', auth: 'entra-id' })).toEqual([]);
    expect(notes('^1.3.22', { target: 'classic', auth: 'api-key' })).toEqual([]);
    // An @ai-sdk/azure the project declares already is never raised, and gets the same note.
    const declared = editPackageJson('{"dependencies":{"@ai-sdk/azure":"^1.3.0"}}', { add: add.add, remove: [] }, undefined, { target: 'v1', auth: 'api-key' });
    expect(declared.notes).toEqual([expect.stringContaining('which @ai-sdk/azure ^1.3.0 lacks')]);
  });

  it('keeps the default range, with a note, when the replaced range gives no major (catalog:, workspace:, unknown)', () => {
    const add = { add: new Map([['@ai-sdk/azure', '^3.0.128']]), remove: ['@ai-sdk/openai'] };
    for (const range of ['catalog:', 'workspace:*', '^9.0.0']) {
      const edit = editPackageJson(`{"dependencies":{"@ai-sdk/openai":"${range}"}}`, add);
      expect(edit.output).toBe('{"dependencies":{"@ai-sdk/azure":"^3.0.128"}}');
      expect(edit.notes[0]).toBe(
        `@ai-sdk/openai is "${range}" in dependencies: @ai-sdk/azure was added as ^3.0.128; give it the same major as @ai-sdk/openai (the two are released together)`,
      );
    }
  });

  it('adds openai where the @azure/openai it replaces was', () => {
    const input = '{"devDependencies":{"@azure/openai":"1.0.0-beta.12"}}';
    const edit = editPackageJson(input, { add: new Map([['openai', '^7.57.0']]), remove: ['@azure/openai'] });
    expect(edit.output).toBe('{"devDependencies":{"openai":"^7.57.0"}}');
    expect(edit.notes).toEqual(["added openai@^7.57.0 to devDependencies, removed @azure/openai: run your package manager's install (e.g. `npm install`)"]);
  });

  it('raises a range whose floor is below the oldest release the migrated code needs, and leaves ranges that start above it', () => {
    const atLeast = new Map([['openai', { version: '4.41.0', features: ['AzureOpenAI'] }]]);
    for (const [range, raised] of [
      ['4.24.0', '^4.41.0'],
      ['~4.40.1', '^4.41.0'],
      ['^3.3.0', '^4.41.0'],
      // A lockfile may hold 4.24.7 under ^4.23.0 (`npm ci` installs it): the floor decides, not the newest match.
      ['^4.23.0', '^4.41.0'],
      ['4.x', '^4.41.0'],
      ['^4.41.0', '^4.41.0'],
      ['^4.52.1', '^4.52.1'],
      ['>=4', '>=4'],
      ['^7.1.0', '^7.1.0'],
      ['workspace:*', 'workspace:*'],
      ['latest', 'latest'],
    ]) {
      const edit = editPackageJson(`{"dependencies":{"openai":"${range}"}}`, { add: new Map(), remove: [], atLeast });
      expect(edit.output, range).toBe(`{"dependencies":{"openai":"${raised}"}}`);
    }
    const edit = editPackageJson('{"dependencies":{"openai":"4.24.0"}}', { add: new Map(), remove: [], atLeast });
    expect(edit.notes[0]).toBe(
      "raised openai from 4.24.0 to ^4.41.0 (the migrated code needs 4.41.0 or newer for AzureOpenAI): run your package manager's install (e.g. `npm install`)",
    );
  });

  it('raises an older major in place and leaves a current one', () => {
    const input = '{"dependencies":{"openai":"^3.2.1"}}';
    expect(editPackageJson(input, { add: new Map([['openai', '^7.57.0']]), remove: [] }).output).toBe(
      '{"dependencies":{"openai":"^7.57.0"}}',
    );
    const current = '{\n  "devDependencies": {\n    "openai": "^7.1.0"\n  }\n}\n';
    expect(editPackageJson(current, { add: new Map([['openai', '^7.57.0']]), remove: [] }).output).toBe(current);
  });

  it('keeps a declared openai 4 that the migrated code runs on (the rest of the project may rely on it)', () => {
    // A file moved off @azure/openai's beta newly imports openai: 4.41 or newer serves AzureOpenAI.
    const input = '{"dependencies":{"@azure/openai":"^1.0.0-beta.12","openai":"^4.57.0"}}';
    const edit = editPackageJson(input, { add: new Map([['openai', '^7.57.0']]), remove: ['@azure/openai'], atLeast: new Map([['openai', { version: '4.41.0', features: ['AzureOpenAI'] }]]) });
    expect(edit.output).toBe('{"dependencies":{"openai":"^4.57.0"}}');
    const identity = '{"dependencies":{"@azure/identity":"^4.2.0"}}';
    expect(editPackageJson(identity, { add: new Map([['@azure/identity', '^4.13.1']]), remove: [] }).output).toBe(identity);
  });

  it('adds @azure/identity where the clients it serves are declared: a library whose tests alone use openai gets a devDependency', () => {
    const add = { add: new Map([['@azure/identity', '^4.13.1']]), remove: [] };
    const library = '{"dependencies":{"zod":"^3.0.0"},"devDependencies":{"@langchain/openai":"^0.5.0"}}';
    expect(editPackageJson(library, add).output).toBe('{"dependencies":{"zod":"^3.0.0"},"devDependencies":{"@azure/identity":"^4.13.1","@langchain/openai":"^0.5.0"}}');
    const app = '{"dependencies":{"openai":"^5.0.0"}}';
    expect(editPackageJson(app, add).output).toBe('{"dependencies":{"@azure/identity":"^4.13.1","openai":"^5.0.0"}}');
  });
});

describe('Deno import maps', () => {
  const azureClient = new Map([['openai', { version: '4.41.0', features: ['AzureOpenAI'] }]]);
  const raise = (body: string): string => editImportMap(body, { add: new Map(), remove: [], atLeast: azureClient }).output;

  it('raises an openai pin older than AzureOpenAI in whatever scheme it loads through, keeping the form of its version', () => {
    for (const [value, raised] of [
      ['https://esm.sh/openai@4.10.0', 'https://esm.sh/openai@4.41.0'],
      ['https://esm.sh/v135/openai@4.20.1', 'https://esm.sh/v135/openai@4.41.0'],
      ['npm:openai@^4.20.0', 'npm:openai@^4.41.0'],
      ['npm:openai@4.x', 'npm:openai@^4.41.0'],
      ['jsr:@openai/openai@^4.28.0', 'jsr:@openai/openai@^4.41.0'],
      ['https://deno.land/x/openai@v4.24.0/mod.ts', 'https://deno.land/x/openai@v4.41.0/mod.ts'],
      ['https://esm.sh/openai@4.10.0/', 'https://esm.sh/openai@4.41.0/'],
      ['npm:openai@^4.52.0', 'npm:openai@^4.52.0'],
      ['npm:openai', 'npm:openai'],
      ['npm:openai-edge@1.2.2', 'npm:openai-edge@1.2.2'],
    ]) {
      expect(raise(`{ "imports": { "openai": "${value}" } }`), value).toBe(`{ "imports": { "openai": "${raised}" } }`);
    }
  });

  it('changes only the raised value of a deno.jsonc: comments, blank lines, other entries and trailing commas stay', () => {
    const body = `{
  // the edge functions' dependencies
  "imports": {
    "@std/": "https://deno.land/std@0.168.0/",

    "openai": "npm:openai@4.20.0", /* pinned for the demo */
    "zod": "npm:zod@3.22.4",
  },
  "tasks": { "openai": "deno run main.ts" },
}
`;
    const edit = editImportMap(body, { add: new Map(), remove: [], atLeast: azureClient });
    expect(edit.output).toBe(body.replace('npm:openai@4.20.0', 'npm:openai@4.41.0'));
    expect(edit.notes).toEqual([
      'raised openai from npm:openai@4.20.0 to npm:openai@4.41.0 (the migrated code needs openai 4.41.0 or newer for AzureOpenAI): Deno loads the new specifiers on its next run (a frozen deno.lock needs updating)',
    ]);
  });

  it('adds the AI SDK Azure provider beside the one it replaces, in its scheme and at the range of its major', () => {
    const add = { add: new Map([['@ai-sdk/azure', '^1.0.0']]), remove: ['@ai-sdk/openai'] };
    const last = '{\n  "imports": {\n    "ai": "npm:ai@^4.3.0",\n    "@ai-sdk/openai": "npm:@ai-sdk/openai@^1.3.22"\n  }\n}\n';
    expect(editImportMap(last, add).output).toBe(
      '{\n  "imports": {\n    "ai": "npm:ai@^4.3.0",\n    "@ai-sdk/openai": "npm:@ai-sdk/openai@^1.3.22",\n    "@ai-sdk/azure": "npm:@ai-sdk/azure@^1.3.22"\n  }\n}\n',
    );
    const first = '{\n\t"imports": {\n\t\t"@ai-sdk/openai": "https://esm.sh/@ai-sdk/openai@2.0.5",\n\t\t"ai": "https://esm.sh/ai@5.0.8"\n\t}\n}\n';
    expect(editImportMap(first, add).output).toBe(
      '{\n\t"imports": {\n\t\t"@ai-sdk/openai": "https://esm.sh/@ai-sdk/openai@2.0.5",\n\t\t"@ai-sdk/azure": "https://esm.sh/@ai-sdk/azure@^2.0.129",\n\t\t"ai": "https://esm.sh/ai@5.0.8"\n\t}\n}\n',
    );
    const inline = '{ "imports": { "@ai-sdk/openai": "npm:@ai-sdk/openai@^1.3.22" } }';
    expect(editImportMap(inline, add).output).toBe('{ "imports": { "@ai-sdk/openai": "npm:@ai-sdk/openai@^1.3.22", "@ai-sdk/azure": "npm:@ai-sdk/azure@^1.3.22" } }');
  });

  it("adds @azure/identity (keyless auth) beside the openai entry, in that entry's scheme; leaves a map that maps neither", () => {
    const add = { add: new Map([['@azure/identity', '^4.13.1']]), remove: [] };
    expect(editImportMap('{"imports":{"openai":"https://esm.sh/openai@4.52.0"}}', add).output).toBe(
      '{"imports":{"openai":"https://esm.sh/openai@4.52.0", "@azure/identity": "https://esm.sh/@azure/identity@^4.13.1"}}',
    );
    // openai through JSR has no npm scheme to follow, and a map without openai gives no scheme at all.
    for (const body of ['{"imports":{"openai":"jsr:@openai/openai@^4.52.0"}}', '{"imports":{"zod":"npm:zod@3"}}', '{"tasks":{}}']) {
      expect(editImportMap(body, add).output).toBe(body);
    }
  });

  it('reads nothing when the code needs nothing: a broken map without needs is left, not failed', () => {
    expect(editImportMap('{ "imports": ', undefined).output).toBe('{ "imports": ');
  });
});

describe("turbo.json's env lists", () => {
  const turbo = [
    '{',
    '  "globalEnv": ["NODE_ENV", "OPENAI_API_KEY"],',
    '  "tasks": {',
    '    "build": {',
    '      "dependsOn": ["^build"],',
    '      "env": [',
    '        "DATABASE_URL",',
    '',
    '        "OPENAI_API_KEY",',
    '        "OPENAI_COMPATIBLE_BASE_URL"',
    '      ]',
    '    },',
    '    "lint": { "env": ["ESLINT_USE_FLAT_CONFIG"] }',
    '  }',
    '}',
    '',
  ].join('\n');

  it('renames an OpenAI variable the code reads no more and lists the code\'s Azure variables after it, layout kept', () => {
    const edit = editTurbo(turbo, classic);
    expect(edit.output).toBe(
      [
        '{',
        '  "globalEnv": ["NODE_ENV", "AZURE_OPENAI_API_KEY", "AZURE_OPENAI_ENDPOINT", "OPENAI_API_VERSION", "AZURE_OPENAI_DEPLOYMENT*"],',
        '  "tasks": {',
        '    "build": {',
        '      "dependsOn": ["^build"],',
        '      "env": [',
        '        "DATABASE_URL",',
        '',
        '        "AZURE_OPENAI_API_KEY",',
        '        "AZURE_OPENAI_ENDPOINT",',
        '        "OPENAI_API_VERSION",',
        '        "AZURE_OPENAI_DEPLOYMENT*",',
        '        "OPENAI_COMPATIBLE_BASE_URL"',
        '      ]',
        '    },',
        '    "lint": { "env": ["ESLINT_USE_FLAT_CONFIG"] }',
        '  }',
        '}',
        '',
      ].join('\n'),
    );
    expect(edit.notes).toEqual([
      "listed AZURE_OPENAI_ENDPOINT, OPENAI_API_VERSION, AZURE_OPENAI_DEPLOYMENT* where turbo's env lists name OpenAI's: strict mode passes a task only the variables listed",
    ]);
    expect(editTurbo(edit.output, classic).output).toBe(edit.output);
  });

  it('keeps a variable the code still reads, beside the Azure ones; leaves lists without OpenAI variables', () => {
    const still = { ...classic, staleEnv: ['OPENAI_API_KEY'] };
    expect(editTurbo('{ "globalEnv": ["OPENAI_API_KEY"] }\n', still).output).toBe(
      '{ "globalEnv": ["OPENAI_API_KEY", "AZURE_OPENAI_ENDPOINT", "AZURE_OPENAI_API_KEY", "OPENAI_API_VERSION", "AZURE_OPENAI_DEPLOYMENT*"] }\n',
    );
    const other = '{ "globalEnv": ["OPENAI_COMPATIBLE_BASE_URL", "PORT"] }\n';
    expect(editTurbo(other, classic).output).toBe(other);
  });
});
