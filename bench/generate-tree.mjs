#!/usr/bin/env node
// Generates a deterministic, realistic monorepo for benchmarks: mostly plain TS/TSX/JS app code, a small share of
// files that use `openai` in the shapes real code takes, and folders every tool must skip (node_modules, gitignored
// build output, a nested .gitignore, a hidden cache).
//
//   node bench/generate-tree.mjs [dir] [--files N] [--openai-share 0.02] [--seed 1] [--no-git]
//
// Default dir: bench/.tree/files-<N>. The tree gets a `.tree-manifest.json` describing how it was made, so callers
// can tell a stale tree from a current one (see `isTreeCurrent`). It is also made its own git repository with one
// commit, like a user's project: that is what migrate expects, and it keeps the enclosing repository's .gitignore
// (which ignores bench/.tree/) from hiding the whole tree.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const SELF = fileURLToPath(import.meta.url);
export const MANIFEST = '.tree-manifest.json';

/** mulberry32: small, fast, and the same sequence on every platform for a given seed. */
function prng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: (list) => list[Math.floor(next() * list.length)],
    chance: (p) => next() < p,
  };
}

const WORDS = [
  'account', 'invoice', 'order', 'cart', 'user', 'session', 'report', 'search', 'upload', 'billing', 'profile',
  'team', 'project', 'task', 'comment', 'review', 'ticket', 'message', 'audit', 'export', 'import', 'schedule',
  'payment', 'coupon', 'inventory', 'shipment', 'address', 'tenant', 'webhook', 'feature', 'metric', 'alert',
];
const AREAS = ['components', 'hooks', 'services', 'utils', 'pages', 'api', 'lib', 'features', 'store', 'models'];
const PACKAGES = ['web', 'admin', 'api', 'worker', 'shared', 'mobile-web', 'docs-site', 'billing', 'search', 'cli'];

const cap = (s) => s[0].toUpperCase() + s.slice(1);
const camel = (a, b) => a + cap(b);

// ---------------------------------------------------------------------------------------------------------------
// Plain application code (no OpenAI). Each generator appends blocks until the file reaches its target line count.

function fill(rng, header, block, target) {
  const lines = [...header];
  let i = 0;
  while (lines.length < target) lines.push(...block(i++), '');
  return lines.join('\n') + '\n';
}

function utilTs(rng, target) {
  const noun = rng.pick(WORDS);
  return fill(
    rng,
    [`import { strict as assert } from "node:assert";`, '', `export type ${cap(noun)}Id = string & { readonly brand: "${noun}" };`, ''],
    (i) => {
      const fn = camel(rng.pick(['normalize', 'format', 'parse', 'validate', 'merge', 'group']), `${cap(noun)}${i}`);
      const field = rng.pick(WORDS);
      return [
        `/** ${cap(fn)} helper used by the ${noun} screens. */`,
        `export function ${fn}(items: ReadonlyArray<{ ${field}: string; count: number }>, limit = ${rng.int(5, 100)}): Map<string, number> {`,
        `  assert(limit > 0, "limit must be positive");`,
        `  const out = new Map<string, number>();`,
        `  for (const item of items.slice(0, limit)) {`,
        `    const key = item.${field}.trim().toLowerCase();`,
        `    out.set(key, (out.get(key) ?? 0) + item.count * ${rng.int(1, 9)});`,
        `  }`,
        `  return out;`,
        `}`,
      ];
    },
    target,
  );
}

function componentTsx(rng, target) {
  const noun = rng.pick(WORDS);
  const name = `${cap(noun)}${rng.pick(['List', 'Card', 'Panel', 'Form', 'Table', 'Badge', 'Dialog'])}`;
  const header = [
    `import { useEffect, useMemo, useState } from "react";`,
    '',
    `export interface ${name}Props {`,
    `  items: { id: string; label: string; ${noun}Count: number }[];`,
    `  onSelect?: (id: string) => void;`,
    `}`,
    '',
    `export function ${name}({ items, onSelect }: ${name}Props) {`,
    `  const [query, setQuery] = useState("");`,
    `  const visible = useMemo(() => items.filter((i) => i.label.includes(query)), [items, query]);`,
    `  useEffect(() => {`,
    `    document.title = \`${cap(noun)} (\${visible.length})\`;`,
    `  }, [visible.length]);`,
    `  return (`,
    `    <div className="${noun}-${name.toLowerCase()}">`,
    `      <input value={query} onChange={(e) => setQuery(e.target.value)} placeholder="Filter ${noun}s" />`,
    `      <ul>`,
    `        {visible.map((item) => (`,
    `          <li key={item.id} onClick={() => onSelect?.(item.id)}>`,
    `            {item.label} <span className="count">{item.${noun}Count}</span>`,
    `          </li>`,
    `        ))}`,
    `      </ul>`,
    `    </div>`,
    `  );`,
    `}`,
    '',
  ];
  return fill(
    rng,
    header,
    (i) => {
      const sub = `${name}Row${i}`;
      return [
        `export function ${sub}({ label, value }: { label: string; value: number }) {`,
        `  const tone = value > ${rng.int(10, 90)} ? "high" : "low";`,
        `  return (`,
        `    <tr className={tone}>`,
        `      <td>{label}</td>`,
        `      <td>{value.toFixed(${rng.int(0, 2)})}</td>`,
        `    </tr>`,
        `  );`,
        `}`,
      ];
    },
    target,
  );
}

function serviceTs(rng, target) {
  const noun = rng.pick(WORDS);
  const cls = `${cap(noun)}Service`;
  const lines = [
    `import { EventEmitter } from "node:events";`,
    '',
    `export interface ${cap(noun)} { id: string; createdAt: Date; tags: string[] }`,
    '',
    `export class ${cls} extends EventEmitter {`,
    `  private readonly cache = new Map<string, ${cap(noun)}>();`,
    '',
    `  constructor(private readonly baseUrl = process.env.${noun.toUpperCase()}_API_URL ?? "http://localhost:${rng.int(3000, 9000)}") {`,
    `    super();`,
    `  }`,
  ];
  let i = 0;
  while (lines.length < target - 2) {
    const verb = rng.pick(['get', 'list', 'refresh', 'archive', 'sync', 'tag']);
    lines.push(
      '',
      `  async ${verb}${cap(noun)}${i++}(id: string): Promise<${cap(noun)} | undefined> {`,
      `    if (this.cache.has(id)) return this.cache.get(id);`,
      `    const res = await fetch(\`\${this.baseUrl}/${noun}s/\${encodeURIComponent(id)}?v=${rng.int(1, 4)}\`);`,
      `    if (!res.ok) throw new Error(\`${verb} ${noun} failed: \${res.status}\`);`,
      `    const body = (await res.json()) as ${cap(noun)};`,
      `    this.cache.set(id, body);`,
      `    this.emit("${verb}", body);`,
      `    return body;`,
      `  }`,
    );
  }
  lines.push('}', '');
  return lines.join('\n');
}

function moduleJs(rng, target, cjs) {
  const noun = rng.pick(WORDS);
  const names = [];
  const text = fill(
    rng,
    [cjs ? `const path = require("node:path");` : `import path from "node:path";`, ''],
    (i) => {
      const fn = camel(rng.pick(['read', 'build', 'resolve', 'collect', 'render']), `${cap(noun)}${i}`);
      names.push(fn);
      return [
        `/**`,
        ` * @param {string} root`,
        ` * @param {string[]} parts`,
        ` */`,
        `${cjs ? '' : 'export '}function ${fn}(root, parts) {`,
        `  const joined = path.join(root, ...parts.filter(Boolean));`,
        `  return joined.length > ${rng.int(40, 200)} ? joined.slice(0, ${rng.int(20, 39)}) + "…" : joined;`,
        `}`,
      ];
    },
    target,
  );
  return cjs ? `${text}module.exports = { ${names.join(', ')} };\n` : text;
}

// A plain file that merely mentions OpenAI: passes a text pre-filter, must still come out unchanged.
function decoyTs(rng) {
  return [
    `// Pricing page copy. See https://platform.openai.com/docs/models for the providers we compare against.`,
    `export const PROVIDERS = ["OpenAI", "Azure OpenAI", "Anthropic"] as const;`,
    `export const FOOTNOTE = "Prices from openai.com as of ${2024 + rng.int(0, 1)}-0${rng.int(1, 9)}.";`,
    '',
  ].join('\n');
}

function plainFile(rng) {
  const target = rng.int(30, 300);
  const roll = rng.next();
  if (roll < 0.35) return { ext: 'ts', text: utilTs(rng, target) };
  if (roll < 0.65) return { ext: 'tsx', text: componentTsx(rng, target) };
  if (roll < 0.85) return { ext: 'ts', text: serviceTs(rng, target) };
  if (roll < 0.95) return { ext: rng.pick(['js', 'mjs']), text: moduleJs(rng, target, false) };
  return { ext: 'cjs', text: moduleJs(rng, target, true) };
}

// ---------------------------------------------------------------------------------------------------------------
// OpenAI code, in clusters the way apps hold it: a client module, a model-constants module and their importers.

const CHAT_MODELS = ['gpt-4o', 'gpt-4o-mini', 'gpt-4.1', 'gpt-4.1-mini', 'o3-mini'];

function openaiCluster(rng, feature) {
  const chat = rng.pick(CHAT_MODELS);
  const files = {
    'lib/openai.ts': [
      rng.chance(0.5) ? `import OpenAI from "openai";` : `import { OpenAI } from "openai";`,
      '',
      `export const openai = new OpenAI({`,
      `  apiKey: process.env.OPENAI_API_KEY,`,
      ...(rng.chance(0.5) ? [`  organization: process.env.OPENAI_ORG_ID,`] : []),
      `});`,
      '',
    ],
    'config/models.ts': [
      `export const CHAT_MODEL = "${chat}";`,
      `export const EMBEDDING_MODEL = "text-embedding-3-small";`,
      `export const MAX_TOKENS = ${rng.int(256, 4096)};`,
      '',
    ],
    [`routes/${feature}-chat.ts`]: [
      `import { openai } from "../lib/openai";`,
      `import { CHAT_MODEL, MAX_TOKENS } from "../config/models";`,
      '',
      `export async function answer(question: string): Promise<string> {`,
      `  const completion = await openai.chat.completions.create({`,
      `    model: CHAT_MODEL,`,
      `    max_tokens: MAX_TOKENS,`,
      `    messages: [{ role: "user", content: question }],`,
      `  });`,
      `  return completion.choices[0]?.message.content ?? "";`,
      `}`,
      '',
      `export async function* answerStream(question: string) {`,
      `  const stream = await openai.chat.completions.create({`,
      `    model: CHAT_MODEL,`,
      `    messages: [{ role: "user", content: question }],`,
      `    stream: true,`,
      `  });`,
      `  for await (const chunk of stream) yield chunk.choices[0]?.delta?.content ?? "";`,
      `}`,
      '',
    ],
    [`routes/${feature}-search.ts`]: [
      `import { openai } from "../lib/openai";`,
      `import { EMBEDDING_MODEL } from "../config/models";`,
      '',
      `export async function embed(texts: string[]) {`,
      `  const res = await openai.embeddings.create({ model: EMBEDDING_MODEL, input: texts });`,
      `  return res.data.map((d) => d.embedding);`,
      `}`,
      '',
    ],
    [`services/${feature}-summarizer.ts`]: [
      `import OpenAI from "openai";`,
      '',
      `export class ${cap(feature)}Summarizer {`,
      `  private client = new OpenAI();`,
      '',
      `  async summarize(text: string) {`,
      `    const r = await this.client.chat.completions.create({`,
      `      model: "gpt-4o-mini",`,
      `      messages: [{ role: "user", content: \`Summarize: \${text}\` }],`,
      `    });`,
      `    return r.choices[0]?.message.content;`,
      `  }`,
      `}`,
      '',
    ],
    [`services/${feature}-moderation.ts`]: [
      `import { openai } from "../lib/openai";`,
      '',
      `export async function isFlagged(input: string) {`,
      `  const res = await openai.moderations.create({ input });`,
      `  return res.results.some((r) => r.flagged);`,
      `}`,
      '',
    ],
    [`components/${cap(feature)}Chat.tsx`]: [
      `import type OpenAI from "openai";`,
      '',
      `export function ${cap(feature)}Chat({ messages }: { messages: OpenAI.Chat.ChatCompletionMessageParam[] }) {`,
      `  return <ol>{messages.map((m, i) => <li key={i}>{String(m.content)}</li>)}</ol>;`,
      `}`,
      '',
    ],
    [`scripts/${feature}-backfill.cjs`]: [
      rng.chance(0.5) ? `const OpenAI = require("openai");` : `const { OpenAI: OpenAIApi } = require("openai");`,
      '',
      `async function backfill(rows) {`,
      `  const client = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });`,
      `  for (const row of rows) {`,
      `    const r = await client.embeddings.create({ model: "text-embedding-3-small", input: row.text });`,
      `    row.vector = r.data[0].embedding;`,
      `  }`,
      `}`,
      '',
      `module.exports = { backfill };`,
      '',
    ],
    [`lib/${feature}-groq.ts`]: [
      `import OpenAI from "openai";`,
      '',
      `// Another vendor behind the OpenAI SDK: must be left alone.`,
      `export const groq = new OpenAI({ apiKey: process.env.GROQ_API_KEY, baseURL: "https://api.groq.com/openai/v1" });`,
      '',
    ],
  };
  // The destructured-alias require needs its own constructor name.
  const backfill = `scripts/${feature}-backfill.cjs`;
  if (files[backfill][0].includes('OpenAIApi')) files[backfill] = files[backfill].map((l) => l.replace('new OpenAI(', 'new OpenAIApi('));
  return Object.fromEntries(Object.entries(files).map(([p, lines]) => [p, lines.join('\n')]));
}

// ---------------------------------------------------------------------------------------------------------------
// Folders a migration must not touch.

function skippedFiles(rng, count, pkgs) {
  const out = {};
  const openaiLike = (i) =>
    `"use strict";\nconst OpenAI = require("openai");\nexports.client${i} = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });\n`;
  const share = Math.max(1, Math.floor(count / 4));
  for (let i = 0; i < share; i++) out[`node_modules/openai-helpers/dist/helper${i}.js`] = openaiLike(i);
  for (let i = 0; i < share; i++) out[`node_modules/some-ui-kit/lib/${rng.pick(WORDS)}${i}.js`] = moduleJs(rng, 40, true);
  for (let i = 0; i < share; i++) out[`packages/${rng.pick(pkgs)}/dist/chunk-${i}.js`] = openaiLike(i);
  const nested = pkgs[0];
  out[`packages/${nested}/.gitignore`] = 'generated/\n';
  for (let i = 0; i < Math.ceil(share / 2); i++) out[`packages/${nested}/generated/client${i}.ts`] = openaiLike(i);
  for (let i = 0; i < Math.ceil(share / 2); i++) out[`.cache/build/${i}.mjs`] = openaiLike(i);
  return out;
}

// ---------------------------------------------------------------------------------------------------------------

function fingerprint({ files, openaiShare, seed }) {
  const self = readFileSync(SELF);
  return createHash('sha256').update(self).update(JSON.stringify({ files, openaiShare, seed })).digest('hex').slice(0, 16);
}

/** True when `dir` holds a tree this generator would produce for these options. */
export function isTreeCurrent(dir, { files = 5000, openaiShare = 0.02, seed = 1 } = {}) {
  try {
    const manifest = JSON.parse(readFileSync(path.join(dir, MANIFEST), 'utf8'));
    return manifest.fingerprint === fingerprint({ files, openaiShare, seed });
  } catch {
    return false;
  }
}

/** `git init` + one commit; skipped (the tree stays a plain folder) when git is not installed. */
function commitTree(dir) {
  const git = (...args) =>
    execFileSync('git', ['-c', 'user.name=bench', '-c', 'user.email=bench@example.invalid', ...args], { cwd: dir, stdio: 'ignore' });
  try {
    git('init', '-q');
  } catch {
    return false;
  }
  git('add', '-A');
  git('commit', '-q', '--no-gpg-sign', '-m', 'generated tree');
  return true;
}

/**
 * Write a fresh tree into `dir` (emptied first). `files` counts the source files a tool should scan; the skipped
 * folders come on top. Returns the manifest (counts by kind, the OpenAI files, the skipped ones).
 */
export function generateTree(dir, { files = 5000, openaiShare = 0.02, seed = 1, git = true } = {}) {
  const rng = prng(seed);
  rmSync(dir, { recursive: true, force: true });
  const out = {};
  const pkgCount = Math.max(2, Math.min(PACKAGES.length, Math.ceil(files / 500)));
  const pkgs = PACKAGES.slice(0, pkgCount);

  const openaiTarget = Math.round(files * openaiShare);
  const openaiFiles = [];
  for (let c = 0; openaiFiles.length < openaiTarget; c++) {
    const feature = `${rng.pick(WORDS)}${c}`;
    const base = `packages/${rng.pick(pkgs)}/src/features/${feature}`;
    const cluster = Object.entries(openaiCluster(rng, feature)).slice(0, openaiTarget - openaiFiles.length);
    for (const [rel, text] of cluster) {
      out[`${base}/${rel}`] = text;
      openaiFiles.push(`${base}/${rel}`);
    }
  }

  const decoys = Math.max(1, Math.round(files * 0.003));
  let plain = 0;
  while (openaiFiles.length + plain < files) {
    const pkg = rng.pick(pkgs);
    const folder = `packages/${pkg}/src/${rng.pick(AREAS)}/${rng.pick(WORDS)}`;
    const name = `${rng.pick(WORDS)}-${rng.pick(['view', 'utils', 'store', 'client', 'helpers', 'core'])}-${plain}`;
    if (plain < decoys) {
      out[`${folder}/${name}.ts`] = decoyTs(rng);
    } else {
      const { ext, text } = plainFile(rng);
      out[`${folder}/${name}.${ext}`] = text;
    }
    plain++;
  }

  const skipped = skippedFiles(rng, Math.max(8, Math.round(files * 0.05)), pkgs);
  Object.assign(out, skipped, {
    'package.json': JSON.stringify({ name: 'bench-monorepo', private: true, workspaces: ['packages/*'] }, null, 2) + '\n',
    '.gitignore': 'node_modules/\ndist/\n.cache/\n*.log\n',
    'tsconfig.json':
      JSON.stringify(
        { compilerOptions: { target: 'ES2022', module: 'ESNext', moduleResolution: 'bundler', jsx: 'react-jsx', strict: true } },
        null,
        2,
      ) + '\n',
  });

  for (const [rel, text] of Object.entries(out)) {
    const abs = path.join(dir, rel);
    mkdirSync(path.dirname(abs), { recursive: true });
    writeFileSync(abs, text);
  }
  const manifest = {
    fingerprint: fingerprint({ files, openaiShare, seed }),
    options: { files, openaiShare, seed },
    sourceFiles: files,
    openaiFiles: openaiFiles.length,
    decoyFiles: decoys,
    skippedFiles: Object.keys(skipped).filter((p) => !p.endsWith('.gitignore')).length,
    lines: Object.values(out).reduce((n, t) => n + t.split('\n').length - 1, 0),
    bytes: Object.values(out).reduce((n, t) => n + Buffer.byteLength(t), 0),
  };
  writeFileSync(path.join(dir, MANIFEST), JSON.stringify(manifest, null, 2) + '\n');
  if (git) commitTree(dir);
  return manifest;
}

if (process.argv[1] && path.resolve(process.argv[1]) === SELF) {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      files: { type: 'string', default: '5000' },
      'openai-share': { type: 'string', default: '0.02' },
      seed: { type: 'string', default: '1' },
      'no-git': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log('usage: node bench/generate-tree.mjs [dir] [--files N] [--openai-share 0.02] [--seed 1] [--no-git]');
    process.exit(0);
  }
  const files = Number(values.files);
  const dir = positionals[0] ?? path.join(path.dirname(SELF), '.tree', `files-${files}`);
  const started = Date.now();
  const manifest = generateTree(dir, {
    files,
    openaiShare: Number(values['openai-share']),
    seed: Number(values.seed),
    git: !values['no-git'],
  });
  console.log(
    `${dir}: ${manifest.sourceFiles} source files (${manifest.openaiFiles} using openai, ${manifest.decoyFiles} decoys), ` +
      `${manifest.skippedFiles} in skipped folders, ${manifest.lines} lines, ${(manifest.bytes / 1e6).toFixed(1)} MB ` +
      `in ${Date.now() - started} ms`,
  );
}
