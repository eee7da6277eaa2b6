// End to end through the built CLI: migrate edits the config files after the code, then check finds nothing in them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { run } from '../check/cli.js';
import { makeTree } from '../pipeline/tree.js';

const CHAT = `import OpenAI from 'openai';
const client = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });
export const ask = (q: string) => client.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: q }] });
`;
const TREE = {
  'src/chat.ts': CHAT,
  '.env.example': '# OpenAI\r\nOPENAI_API_KEY=\r\nOPENAI_ORG_ID=org-1\r\nPORT=3000\r\n',
  '.env': 'OPENAI_API_KEY=not-a-real-key\n',
  'docker-compose.yml': 'services:\n  app:\n    environment:\n      - OPENAI_API_KEY=${OPENAI_API_KEY}\n',
  '.github/workflows/ci.yml': 'on: push\nenv:\n  OPENAI_API_KEY: ${{ secrets.OPENAI_API_KEY }}\njobs: {}\n',
  '.github/dependabot.yml': 'env:\n  OPENAI_API_KEY: x\n',
  'charts/broken.yaml': 'env: [\n  - OPENAI_API_KEY\n',
  'package.json': '{\n  "name": "app",\n  "dependencies": {\n    "openai": "^7.0.0"\n  }\n}\n',
};

let cleanup = (): void => undefined;
afterEach(() => cleanup());

describe('migrate: config files', () => {
  it('edits templates, YAML and package.json after the code; a real .env and broken YAML stay; check agrees', () => {
    const tree = makeTree(TREE);
    cleanup = tree.cleanup;
    const res = run(tree.dir, ['migrate', '--auth', 'entra-id', '--json', '--plan', 'plan.sh', '--report', 'r.md', '.']);
    expect(res.code).toBe(1); // the broken YAML file
    const report = JSON.parse(res.stdout);
    const read = (p: string): string => readFileSync(join(tree.dir, p), 'utf8');
    expect(read('.env.example')).toBe(
      '# OpenAI\r\nAZURE_OPENAI_ENDPOINT=https://<your-resource>.openai.azure.com\r\nOPENAI_API_VERSION=2024-10-21\r\n' +
        '# Name of your Azure OpenAI deployment of gpt-4o (a deployment name, not a model name)\r\n' +
        'AZURE_OPENAI_DEPLOYMENT_GPT_4O=gpt-4o\r\nPORT=3000\r\n',
    );
    expect(read('.env')).toBe(TREE['.env']);
    expect(read('charts/broken.yaml')).toBe(TREE['charts/broken.yaml']);
    expect(read('.github/dependabot.yml')).toBe(TREE['.github/dependabot.yml']);
    expect(read('.github/workflows/ci.yml')).toBe(
      'on: push\nenv:\n  AZURE_OPENAI_ENDPOINT: ${{ secrets.AZURE_OPENAI_ENDPOINT }}\n  OPENAI_API_VERSION: "2024-10-21"\njobs: {}\n',
    );
    expect(read('package.json')).toBe(
      '{\n  "name": "app",\n  "dependencies": {\n    "@azure/identity": "^4.13.1",\n    "openai": "^7.0.0"\n  }\n}\n',
    );
    expect(read('plan.sh')).toContain('--deployment-name "gpt-4o" --model-name "gpt-4o" --model-version "2024-11-20"');
    expect(read('r.md')).toContain('| `gpt-4o` | `gpt-4o` | 2024-11-20 (retires 2026-10-01) | GlobalStandard | `AZURE_OPENAI_DEPLOYMENT_GPT_4O` | `src/chat.ts` |');
    expect(report.deployments).toEqual([{ model: 'gpt-4o', env: 'AZURE_OPENAI_DEPLOYMENT_GPT_4O', files: ['src/chat.ts'] }]);
    const status = Object.fromEntries(report.configFiles.map((f: { path: string; status: string }) => [f.path, f.status]));
    expect(status).toMatchObject({
      '.env': 'unchanged',
      '.env.example': 'changed',
      '.github/workflows/ci.yml': 'changed',
      'charts/broken.yaml': 'failed',
      'docker-compose.yml': 'changed',
      'package.json': 'changed',
    });
    const check = run(tree.dir, ['check', '--format', 'json', '.env.example', 'docker-compose.yml', '.github/workflows/ci.yml']);
    const messages = JSON.parse(check.stdout).flatMap((r: { messages: unknown[] }) => r.messages);
    expect(messages).toEqual([]);
    // A second run changes nothing.
    const again = JSON.parse(run(tree.dir, ['migrate', '--force', '--json', '--auth', 'entra-id', '.']).stdout);
    expect(again.configFiles.filter((f: { status: string }) => f.status === 'changed')).toEqual([]);
  }, 60_000);

  it("takes @ai-sdk/openai's major from the workspace catalog a package.json names (pnpm's, Bun's)", () => {
    const AI_SDK = "import { openai } from '@ai-sdk/openai';\nimport { generateText } from 'ai';\nexport const ask = (prompt: string) => generateText({ model: openai('gpt-4o-mini'), prompt });\n";
    const tree = makeTree({
      'pnpm/pnpm-workspace.yaml': "packages:\n  - 'apps/*'\ncatalog:\n  '@ai-sdk/openai': ^1.3.23\ncatalogs:\n  next:\n    '@ai-sdk/openai': ^2.0.1\n",
      'pnpm/apps/web/package.json': '{"dependencies":{"@ai-sdk/openai":"catalog:","ai":"catalog:"}}\n',
      'pnpm/apps/web/src/ask.ts': AI_SDK,
      'pnpm/apps/beta/package.json': '{"dependencies":{"@ai-sdk/openai":"catalog:next"}}\n',
      'pnpm/apps/beta/src/ask.ts': AI_SDK,
      'bun/package.json': '{"workspaces":{"packages":["apps/*"],"catalog":{"@ai-sdk/openai":"~1.3.0"}}}\n',
      'bun/apps/web/package.json': '{"devDependencies":{"@ai-sdk/openai":"catalog:"}}\n',
      'bun/apps/web/src/ask.ts': AI_SDK,
    });
    cleanup = tree.cleanup;
    run(tree.dir, ['migrate', '--force', '--json', '.']);
    const read = (p: string): unknown => JSON.parse(readFileSync(join(tree.dir, p), 'utf8'));
    expect(read('pnpm/apps/web/package.json')).toEqual({ dependencies: { '@ai-sdk/azure': '^1.3.23', ai: 'catalog:' } });
    expect(read('pnpm/apps/beta/package.json')).toEqual({ dependencies: { '@ai-sdk/azure': '^2.0.129' } });
    expect(read('bun/apps/web/package.json')).toEqual({ devDependencies: { '@ai-sdk/azure': '^1.3.0' } });
  }, 60_000);

  it('adds a package only test files need as a devDependency: a library ships no code that imports it', () => {
    const AGENT_TEST = "import { it } from 'vitest';\nimport { Agent } from '@openai/agents';\nit('names', () => { new Agent({ name: 'A', model: 'gpt-4.1' }); });\n";
    const AGENT = "import { Agent } from '@openai/agents';\nexport const agent = new Agent({ name: 'A', model: 'gpt-4.1' });\n";
    const MANIFEST = '{"dependencies":{"@openai/agents-core":"^0.3.0"},"devDependencies":{"@openai/agents":"^0.3.0"}}\n';
    const tree = makeTree({
      'lib/package.json': MANIFEST,
      'lib/src/index.ts': 'export const greet = (name: string) => `hello ${name}`;\n',
      'lib/test/agent.test.ts': AGENT_TEST,
      'app/package.json': '{"dependencies":{"@openai/agents":"^0.3.0"}}\n',
      'app/src/agent.ts': AGENT,
      'app/src/agent.test.ts': AGENT_TEST,
    });
    cleanup = tree.cleanup;
    run(tree.dir, ['migrate', '--force', '--json', '.']);
    const read = (p: string): unknown => JSON.parse(readFileSync(join(tree.dir, p), 'utf8'));
    expect(read('lib/package.json')).toEqual({ dependencies: { '@openai/agents-core': '^0.3.0' }, devDependencies: { '@openai/agents': '^0.3.0', openai: '^7.57.0' } });
    expect(read('app/package.json')).toEqual({ dependencies: { '@openai/agents': '^0.3.0', openai: '^7.57.0' } });
  }, 60_000);

  it("reads Wrangler's env files as env files: `.dev.vars.example` is edited as a template, `.dev.vars` stays; check scans both", () => {
    const tree = makeTree({
      'src/chat.ts': CHAT,
      '.dev.vars.example': 'OPENAI_API_KEY=\n',
      '.dev.vars': 'OPENAI_API_KEY=not-a-real-key\n',
    });
    cleanup = tree.cleanup;
    const before = run(tree.dir, ['check', '--format', 'json', '.dev.vars.example', '.dev.vars']);
    const flagged = JSON.parse(before.stdout).map((r: { filePath: string; messages: unknown[] }) => [r.filePath.split('/').pop(), r.messages.length]);
    expect(flagged).toEqual([
      ['.dev.vars', 1],
      ['.dev.vars.example', 1],
    ]);
    const report = JSON.parse(run(tree.dir, ['migrate', '--json', '.']).stdout);
    const read = (p: string): string => readFileSync(join(tree.dir, p), 'utf8');
    expect(read('.dev.vars.example')).toContain('AZURE_OPENAI_API_KEY=');
    expect(read('.dev.vars.example')).not.toMatch(/^OPENAI_API_KEY=/m);
    expect(read('.dev.vars')).toBe('OPENAI_API_KEY=not-a-real-key\n');
    const status = Object.fromEntries(report.configFiles.map((f: { path: string; status: string }) => [f.path, f.status]));
    expect(status).toMatchObject({ '.dev.vars.example': 'changed', '.dev.vars': 'unchanged' });
  }, 60_000);

  it('edits an env template a `.env*` ignore rule covers (templates are committed anyway); ignored real env files stay unvisited', () => {
    const tree = makeTree({
      'src/chat.ts': CHAT,
      '.gitignore': '.env*\n',
      'example/.env.example': 'OPENAI_API_KEY=\n',
      'example/.env.local': 'OPENAI_API_KEY=not-a-real-key\n',
    });
    cleanup = tree.cleanup;
    const report = JSON.parse(run(tree.dir, ['migrate', '--json', '.']).stdout);
    const paths = report.configFiles.map((f: { path: string }) => f.path);
    expect(paths).toContain('example/.env.example');
    expect(paths).not.toContain('example/.env.local');
    expect(readFileSync(join(tree.dir, 'example/.env.example'), 'utf8')).toContain('AZURE_OPENAI_API_KEY=');
    expect(readFileSync(join(tree.dir, 'example/.env.local'), 'utf8')).toBe('OPENAI_API_KEY=not-a-real-key\n');
  }, 60_000);

  it('each config file follows the code it serves: its folder, else its project; api-versions, kept reads and sections too', () => {
    const responses = `import OpenAI from 'openai';
const client = new OpenAI();
export const answer = () => client.responses.create({ model: 'gpt-4o', input: 'hi' });
`;
    const chain = `import { ChatOpenAI } from '@langchain/openai';
export const llm = new ChatOpenAI({ model: 'gpt-4o-mini' });
export const org = process.env.OPENAI_ORG_ID;
`;
    const tree = makeTree({
      'package.json': '{ "name": "root", "private": true }\n',
      '.env.example': 'OPENAI_API_KEY=\n',
      'apps/agent/package.json': '{ "name": "agent", "dependencies": { "openai": "^7.0.0" } }\n',
      'apps/agent/src/answer.ts': responses,
      'apps/agent/docker-compose.yml': 'services:\n  agent:\n    environment:\n      - OPENAI_API_KEY=${OPENAI_API_KEY}\n',
      'apps/agent/config/.env.example': '# Your key, from platform.openai.com\nOPENAI_API_KEY=\n',
      'examples/chain/package.json': '{ "name": "chain", "devDependencies": { "@langchain/openai": "^1.0.0" } }\n',
      'examples/chain/index.ts': chain,
      'examples/chain/.env.template': 'OPENAI_API_KEY=\nOPENAI_ORG_ID=\n',
      'examples/web/package.json': '{ "name": "web", "devDependencies": { "@ai-sdk/openai": "^1.3.22", "ai": "^4.3.0" } }\n',
      'examples/web/index.ts': "import { openai } from '@ai-sdk/openai';\nexport const model = openai('gpt-4o');\n",
      'examples/web/.env.example': 'OPENAI_API_KEY=\n',
      // A Python backend in the monorepo: its template serves code this tool does not migrate.
      'backend/pyproject.toml': '[project]\nname = "backend"\n',
      'backend/.env.example': 'OPENAI_API_KEY=your_key_here\nOPENAI_MODEL=gpt-4o-mini\n',
    });
    cleanup = tree.cleanup;
    const res = run(tree.dir, ['migrate', '--json', '.']);
    expect(res.code).toBe(0);
    const read = (p: string): string => readFileSync(join(tree.dir, p), 'utf8');
    const deployment = (model: string): string =>
      `# Name of your Azure OpenAI deployment of ${model} (a deployment name, not a model name)\nAZURE_OPENAI_DEPLOYMENT_${model.replace(/\W/g, '_').toUpperCase()}=${model}\n`;
    // The Responses API needs the preview the code falls back to: the template must not undo it.
    const agent =
      'AZURE_OPENAI_ENDPOINT=https://<your-resource>.openai.azure.com\nOPENAI_API_VERSION=2025-04-01-preview\n' +
      deployment('gpt-4o') +
      'AZURE_OPENAI_API_KEY=\n';
    expect(read('apps/agent/config/.env.example')).toBe(agent);
    expect(read('apps/agent/docker-compose.yml')).toBe(
      'services:\n  agent:\n    environment:\n      - AZURE_OPENAI_API_KEY=${AZURE_OPENAI_API_KEY}\n' +
        '      - AZURE_OPENAI_ENDPOINT=${AZURE_OPENAI_ENDPOINT}\n      - OPENAI_API_VERSION=2025-04-01-preview\n',
    );
    // LangChain's api-version gets its value; OPENAI_ORG_ID, still read, stays; nothing of the siblings' arrives.
    expect(read('examples/chain/.env.template')).toBe(
      'AZURE_OPENAI_ENDPOINT=https://<your-resource>.openai.azure.com\nAZURE_OPENAI_API_VERSION=2024-10-21\n' +
        deployment('gpt-4o-mini') +
        'AZURE_OPENAI_API_KEY=\nOPENAI_ORG_ID=\n',
    );
    // The key is renamed in place to the one @ai-sdk/azure reads, as the openai SDK's is; the rest goes above it.
    expect(read('examples/web/.env.example')).toBe(`${deployment('gpt-4o')}AZURE_RESOURCE_NAME=\nAZURE_API_KEY=\n`);
    expect(read('backend/.env.example')).toBe('OPENAI_API_KEY=your_key_here\nOPENAI_MODEL=gpt-4o-mini\n');
    expect(JSON.parse(read('examples/web/package.json')).devDependencies).toEqual({ '@ai-sdk/azure': '^1.3.22', ai: '^4.3.0' });
    // The root template serves the whole tree: every variable, the latest api-version.
    expect(read('.env.example')).toMatch(/^OPENAI_API_VERSION=2025-04-01-preview$/m);
    expect(read('.env.example')).toMatch(/^AZURE_OPENAI_API_VERSION=2024-10-21$/m);
    expect(read('.env.example')).toMatch(/^AZURE_RESOURCE_NAME=$/m);
    const again = JSON.parse(run(tree.dir, ['migrate', '--force', '--json', '.']).stdout);
    expect(again.configFiles.filter((f: { status: string }) => f.status === 'changed')).toEqual([]);
  }, 60_000);

  it('raises a declared range whose floor lacks what the migrated code uses; a range already there stays', () => {
    const helpers = `import OpenAI from 'openai';
const client = new OpenAI();
export const parse = () => client.beta.chat.completions.parse({ model: 'gpt-4o', messages: [] });
`;
    const tree = makeTree({
      // ^4.23.0 can resolve to 4.24.7 (a lockfile holds it), which has neither AzureOpenAI nor chat.completions.parse.
      'apps/helpers/package.json': '{ "name": "helpers", "dependencies": { "openai": "^4.23.0" } }\n',
      'apps/helpers/parse.ts': helpers,
      'apps/client/package.json': '{ "name": "client", "dependencies": { "openai": "4.24.7" } }\n',
      'apps/client/chat.ts': CHAT,
      'apps/current/package.json': '{ "name": "current", "dependencies": { "openai": "^4.52.0" } }\n',
      'apps/current/chat.ts': CHAT,
      'apps/chain/package.json': '{ "name": "chain", "dependencies": { "@langchain/openai": "^0.1.2" } }\n',
      'apps/chain/llm.ts': "import { ChatOpenAI } from '@langchain/openai';\nexport const llm = new ChatOpenAI({ model: 'gpt-4o' });\n",
    });
    cleanup = tree.cleanup;
    const report = JSON.parse(run(tree.dir, ['migrate', '--json', '.']).stdout);
    const read = (p: string): Record<string, string> => JSON.parse(readFileSync(join(tree.dir, p), 'utf8')).dependencies;
    expect(read('apps/helpers/package.json')).toEqual({ openai: '^5.0.0' });
    expect(read('apps/client/package.json')).toEqual({ openai: '^4.41.0' });
    expect(read('apps/current/package.json')).toEqual({ openai: '^4.52.0' });
    expect(read('apps/chain/package.json')).toEqual({ '@langchain/openai': '^0.3.4' });
    const notes = (p: string): string[] => report.configFiles.find((f: { path: string }) => f.path === p)?.notes ?? [];
    expect(notes('apps/helpers/package.json')).toEqual([
      "raised openai from ^4.23.0 to ^5.0.0 (the migrated code needs 5.0.0 or newer for chat.completions.parse, .stream and .runTools outside beta, AzureOpenAI); move any other client's beta.chat.completions calls (another vendor's, which this tool leaves) to chat.completions too: run your package manager's install (e.g. `npm install`)",
    ]);
    expect(notes('apps/chain/package.json')[0]).toMatch(/^raised @langchain\/openai from \^0\.1\.2 to \^0\.3\.4 \(the migrated code needs 0\.3\.4 or newer for azureOpenAIEndpoint\); raise @langchain\/core to 0\.3\.29 or newer \(below 0\.4\) with it, as the newest @langchain\/openai 0\.3 releases ask: run/);
    expect(report.configFiles.find((f: { path: string }) => f.path === 'apps/current/package.json')?.status ?? 'unchanged').not.toBe('changed');
  }, 60_000);

  it('raises openai to 5.18.0 for the v1 target with Entra ID: the token provider is handed over as the apiKey', () => {
    const tree = makeTree({
      'package.json': '{ "name": "app", "dependencies": { "openai": "^4.61.0" } }\n',
      'src/chat.ts': CHAT,
    });
    cleanup = tree.cleanup;
    const report = JSON.parse(run(tree.dir, ['migrate', '--json', '--target', 'v1', '--auth', 'entra-id', '.']).stdout);
    expect(readFileSync(join(tree.dir, 'src/chat.ts'), 'utf8')).toContain('apiKey: azureADTokenProvider');
    expect(JSON.parse(readFileSync(join(tree.dir, 'package.json'), 'utf8')).dependencies.openai).toBe('^5.18.0');
    const notes: string[] = report.configFiles.find((f: { path: string }) => f.path === 'package.json')?.notes ?? [];
    expect(notes.join('\n')).toContain('5.18.0 or newer for an apiKey given as a function');
  }, 60_000);

  it('raises @langchain/openai for the v1 target: 0.3.4 for its fields, 1.0.0 for a token provider as apiKey (its bundled openai 6)', () => {
    const chain = "import { OpenAIEmbeddings } from '@langchain/openai';\nexport const embeddings = new OpenAIEmbeddings({ modelName: 'text-embedding-3-small' });\n";
    const tree = makeTree({
      'keyed/package.json': '{ "name": "keyed", "dependencies": { "@langchain/openai": "^0.0.14" } }\n',
      'keyed/ingest.ts': chain,
    });
    cleanup = tree.cleanup;
    run(tree.dir, ['migrate', '--json', '--target', 'v1', 'keyed']);
    expect(JSON.parse(readFileSync(join(tree.dir, 'keyed/package.json'), 'utf8')).dependencies['@langchain/openai']).toBe('^0.3.4');
    const keyless = makeTree({ 'package.json': '{ "name": "keyless", "dependencies": { "@langchain/openai": "^0.3.17" } }\n', 'ingest.ts': chain });
    try {
      const report = JSON.parse(run(keyless.dir, ['migrate', '--json', '--target', 'v1', '--auth', 'entra-id', '.']).stdout);
      expect(JSON.parse(readFileSync(join(keyless.dir, 'package.json'), 'utf8')).dependencies['@langchain/openai']).toBe('^1.0.0');
      const notes: string[] = report.configFiles.find((f: { path: string }) => f.path === 'package.json')?.notes ?? [];
      expect(notes.join('\n')).toContain('raise @langchain/core to 1.0 or newer');
    } finally {
      keyless.cleanup();
    }
  }, 60_000);

  it("raises a minimum release in every manifest up the way that declares the package, to the first that installs it: a library's peer range and the root", () => {
    const tree = makeTree({
      // No workspaces: the root's dependency is what `npm install` puts in node_modules for the library's build.
      'package.json': '{ "name": "root", "private": true, "dependencies": { "openai": "^4.16.1" } }\n',
      'libs/client/package.json': '{ "name": "@acme/client", "version": "1.0.0", "peerDependencies": { "openai": "^4.0.0" } }\n',
      'libs/client/src/wrap.ts': CHAT,
      // A manifest between them that does not declare openai is left alone.
      'libs/package.json': '{ "name": "libs", "private": true }\n',
      // A package that installs openai itself is what its code builds with: the root above it is not its concern.
      'apps/web/package.json': '{ "name": "web", "dependencies": { "openai": "^4.20.0" } }\n',
      'apps/web/chat.ts': CHAT,
    });
    cleanup = tree.cleanup;
    expect(run(tree.dir, ['migrate', '--json', '.']).code).toBe(0);
    const read = (p: string): Record<string, unknown> => JSON.parse(readFileSync(join(tree.dir, p), 'utf8'));
    expect(read('package.json').dependencies).toEqual({ openai: '^4.41.0' });
    expect(read('libs/client/package.json').peerDependencies).toEqual({ openai: '^4.41.0' });
    expect(read('libs/package.json')).toEqual({ name: 'libs', private: true });
    expect(read('apps/web/package.json').dependencies).toEqual({ openai: '^4.41.0' });
  }, 60_000);

  it("a workspace's package needs go where the package they are about is declared: the root's AI SDK, a package's own openai", () => {
    const aiSdk = "import { createOpenAI } from '@ai-sdk/openai';\nconst openai = createOpenAI({ apiKey: process.env.OPENAI_API_KEY });\nexport const model = openai('gpt-4o-mini');\n";
    const tree = makeTree({
      // The root declares the AI SDK for every workspace package: @ai-sdk/azure goes beside it, at its major.
      'package.json': '{ "name": "root", "private": true, "workspaces": ["apps/*"], "dependencies": { "ai": "^3.1.14", "@ai-sdk/openai": "^0.0.14" } }\n',
      'apps/be/package.json': '{ "name": "be", "dependencies": { "hono": "^4.5.1" } }\n',
      'apps/be/src/llm.ts': aiSdk,
      // A package that declares what it uses keeps its needs.
      'apps/web/package.json': '{ "name": "web", "dependencies": { "@ai-sdk/openai": "^1.3.22" } }\n',
      'apps/web/llm.ts': aiSdk,
    });
    cleanup = tree.cleanup;
    expect(run(tree.dir, ['migrate', '--json', '.']).code).toBe(0);
    const read = (p: string): Record<string, string> => JSON.parse(readFileSync(join(tree.dir, p), 'utf8')).dependencies;
    expect(read('package.json')).toEqual({ ai: '^3.1.14', '@ai-sdk/azure': '^0.0.52' });
    expect(read('apps/be/package.json')).toEqual({ hono: '^4.5.1' });
    expect(read('apps/web/package.json')).toEqual({ '@ai-sdk/azure': '^1.3.22' });
  }, 60_000);

  it("keyless auth in a Supabase function its import map serves: @azure/identity goes in the map beside the raised openai, not in the web app's package.json", () => {
    const tree = makeTree({
      'package.json': '{ "name": "web", "dependencies": { "next": "14.0.0" } }\n',
      'supabase/functions/import_map.json': '{\n  "imports": {\n    "openai": "https://esm.sh/openai@4.10.0"\n  }\n}\n',
      'supabase/functions/ask/index.ts': "import OpenAI from 'openai';\nexport const client = new OpenAI({ apiKey: Deno.env.get('OPENAI_API_KEY') });\n",
    });
    cleanup = tree.cleanup;
    run(tree.dir, ['migrate', '--json', '--auth', 'entra-id', '.']);
    expect(readFileSync(join(tree.dir, 'supabase/functions/import_map.json'), 'utf8')).toBe(
      '{\n  "imports": {\n    "openai": "https://esm.sh/openai@4.41.0",\n    "@azure/identity": "https://esm.sh/@azure/identity@^4.13.1"\n  }\n}\n',
    );
    expect(readFileSync(join(tree.dir, 'package.json'), 'utf8')).toBe('{ "name": "web", "dependencies": { "next": "14.0.0" } }\n');
  }, 60_000);

  it("raises openai in a Supabase functions' import map and maps the AI SDK's Azure provider in a deno.json", () => {
    const tree = makeTree({
      'supabase/functions/import_map.json': '{\n  "imports": {\n    "openai": "https://esm.sh/openai@4.10.0",\n    "zod": "https://esm.sh/zod@3.22.4"\n  }\n}\n',
      'supabase/functions/chat/index.ts': CHAT,
      'agent/deno.json': '{\n  "imports": {\n    "@ai-sdk/openai": "npm:@ai-sdk/openai@^1.3.22",\n    "ai": "npm:ai@^4.3.0"\n  }\n}\n',
      'agent/main.ts': "import { openai } from '@ai-sdk/openai';\nimport { generateText } from 'ai';\nexport const answer = () => generateText({ model: openai('gpt-4o'), prompt: 'hi' });\n",
      // A map no migrated code is under stays as it is.
      'tools/deno.json': '{ "imports": { "openai": "npm:openai@4.20.0" } }\n',
      'tools/README.md': 'nothing to migrate here\n',
      // Nor one above a Node package whose code migrated: its package.json serves that code (the map, notebooks).
      'repo/deno.json': '{ "imports": { "openai": "npm:openai@4.10.0" } }\n',
      'repo/libs/chat/package.json': '{ "name": "chat", "dependencies": { "openai": "^4.60.0" } }\n',
      'repo/libs/chat/src/index.ts': CHAT,
    });
    cleanup = tree.cleanup;
    const report = JSON.parse(run(tree.dir, ['migrate', '--json', '.']).stdout);
    const imports = (p: string): Record<string, string> => JSON.parse(readFileSync(join(tree.dir, p), 'utf8')).imports;
    expect(imports('supabase/functions/import_map.json')).toEqual({ openai: 'https://esm.sh/openai@4.41.0', zod: 'https://esm.sh/zod@3.22.4' });
    expect(readFileSync(join(tree.dir, 'agent/main.ts'), 'utf8')).toContain("from '@ai-sdk/azure'");
    expect(imports('agent/deno.json')).toEqual({ '@ai-sdk/openai': 'npm:@ai-sdk/openai@^1.3.22', '@ai-sdk/azure': 'npm:@ai-sdk/azure@^1.3.22', ai: 'npm:ai@^4.3.0' });
    expect(imports('tools/deno.json')).toEqual({ openai: 'npm:openai@4.20.0' });
    expect(imports('repo/deno.json')).toEqual({ openai: 'npm:openai@4.10.0' });
    expect(readFileSync(join(tree.dir, 'repo/libs/chat/src/index.ts'), 'utf8')).toContain('AzureOpenAI');
    const status = (p: string): string | undefined => report.configFiles.find((f: { path: string }) => f.path === p)?.status;
    expect([status('supabase/functions/import_map.json'), status('agent/deno.json'), status('tools/deno.json')]).toEqual(['changed', 'changed', undefined]);
    const again = JSON.parse(run(tree.dir, ['migrate', '--force', '--json', '.']).stdout);
    expect(again.configFiles.filter((f: { status: string }) => f.status === 'changed')).toEqual([]);
  }, 60_000);

  it('holds config files to the limits of code files: too large, minified, binary are skipped and reported', () => {
    const big = `# generated API reference\nsecurity:\n  description: set OPENAI_API_KEY\n${'  - item: x\n'.repeat(400)}`;
    const dense = `env: {${Array.from({ length: 150 }, (_, i) => `K${i}:'v${i}'`).join(',')},OPENAI_API_KEY:'x'}\n`;
    const files = {
      'src/chat.ts': CHAT,
      'api/reference.yml': big,
      'api/bundle.yml': dense,
      '.env.example': Buffer.concat([Buffer.from('OPENAI_API_KEY=\n'), Buffer.from([0, 0xff, 0xfe])]),
      'api/other.yml': `# no variable of ours\n${'  - item: x\n'.repeat(400)}`,
    };
    const tree = makeTree(files);
    cleanup = tree.cleanup;
    const res = run(tree.dir, ['migrate', '--json', '--max-file-size', '4000', '.']);
    expect(res.code).toBe(0);
    const report = JSON.parse(res.stdout);
    expect(report.configFiles).toEqual([
      { path: '.env.example', status: 'skipped', reason: 'binary' },
      { path: 'api/bundle.yml', status: 'skipped', reason: 'minified' },
      { path: 'api/reference.yml', status: 'skipped', reason: expect.stringMatching(/^too large: 4\.\d kB > 4 kB$/) },
    ]);
    expect(res.stderr).toContain('skipped api/reference.yml: too large');
    expect(res.stderr).not.toContain('api/other.yml');
    for (const name of ['api/reference.yml', 'api/bundle.yml', '.env.example', 'api/other.yml'] as const) {
      expect(readFileSync(join(tree.dir, name))).toEqual(Buffer.from(files[name]));
    }
    const human = run(tree.dir, ['migrate', '--dry-run', '--max-file-size', '4000', '--report', 'r.md', '.']);
    expect(human.stderr).toContain('skipped .env.example: binary');
    expect(readFileSync(join(tree.dir, 'r.md'), 'utf8')).toContain('- `api/bundle.yml`: skipped (not parsed): minified');
  }, 60_000);

  it('parses only config files that set an OpenAI or Azure OpenAI variable, not any "OPENAI" text', () => {
    // Broken YAML: parsing either file would fail it, so "unchanged" proves neither was parsed.
    const files = {
      'src/chat.ts': CHAT,
      'docs/api.yml': 'tags: [\n  - OPENAI API\n',
      'deploy/compose.yml': 'services:\n  app:\n    environment: [\n      - OPENAI_COMPATIBLE_API_KEY=x\n',
      'deploy/openai.yml': 'env: [\n  - OPENAI_API_KEY\n',
    };
    const tree = makeTree(files);
    cleanup = tree.cleanup;
    const report = JSON.parse(run(tree.dir, ['migrate', '--dry-run', '--json', '.']).stdout);
    expect(report.configFiles).toEqual([{ path: 'deploy/openai.yml', status: 'failed', error: expect.stringContaining('YAML') }]);
  }, 60_000);

  /** Migrate a tree beside CHAT and check that its env template sets both the OpenAI key and the Azure one. */
  function keepsBothKeys(files: Record<string, string>): { stdout: string } {
    const tree = makeTree({ 'src/chat.ts': CHAT, ...files });
    cleanup = tree.cleanup;
    const res = run(tree.dir, ['migrate', '--json', '.']);
    expect(res.code).toBe(0);
    const env = readFileSync(join(tree.dir, '.env.example'), 'utf8');
    expect(env).toMatch(/^OPENAI_API_KEY=$/m);
    expect(env).toMatch(/^AZURE_OPENAI_API_KEY=$/m);
    return res;
  }

  it('keeps a key the code reads by a computed name (`process.env[EnvKey.OPENAI]`), beside the migrated client\'s', () => {
    keepsBothKeys({
      'src/keys.ts':
        "export enum EnvKey { OPENAI = 'OPENAI_API_KEY', MISTRAL = 'MISTRAL_API_KEY' }\n" +
        'export const serverKey = (key: EnvKey): string | undefined => process.env[key];\n',
      '.env.example': 'OPENAI_API_KEY=\nMISTRAL_API_KEY=\n',
    });
  });

  it('keeps a key a table names by an enum member of its name, read by a computed name in a loop', () => {
    keepsBothKeys({
      'src/valid-keys.ts': "export enum VALID_ENV_KEYS { OPENAI_API_KEY = 'OPENAI_API_KEY', MISTRAL_API_KEY = 'MISTRAL_API_KEY' }\n",
      'src/server-keys.ts':
        "import { VALID_ENV_KEYS } from './valid-keys';\n" +
        "const fields = { [VALID_ENV_KEYS.OPENAI_API_KEY]: 'openai_api_key', [VALID_ENV_KEYS.MISTRAL_API_KEY]: 'mistral_api_key' };\n" +
        'export const serverKeys = () => Object.entries(fields).filter(([name]) => process.env[name]).map(([, field]) => field);\n',
      '.env.example': 'OPENAI_API_KEY=\nMISTRAL_API_KEY=\n',
    });
  });

  it("keeps the key an agent framework still reads for a routed OpenAI model id, beside the migrated client's", () => {
    const res = keepsBothKeys({
      'src/agent.mjs': "import { Agent } from '@voltagent/core';\nexport const agent = new Agent({ name: 'a', model: 'openai/gpt-4o-mini' });\n",
      '.env.example': 'OPENAI_API_KEY=\n',
    });
    const agent = JSON.parse(res.stdout).files.find((f: { path: string }) => f.path === 'src/agent.mjs');
    expect(agent.todos.map((t: { message: string }) => t.message)).toEqual([expect.stringContaining("VoltAgent resolves 'openai/gpt-4o-mini' to OpenAI itself")]);
  });
});
