import { isAlias, isMap, isPair, isScalar, isSeq, parseAllDocuments, visit, type Document, type Node, type Pair, type Scalar, type YAMLMap } from 'yaml';
import { AZURE_ENV } from '../core/index.js';
import { maskSecret } from '../core/secrets.js';
import {
  apiVersionFor,
  CONNECTION_COMPANIONS,
  ENDPOINT_PLACEHOLDER,
  fateOf,
  isConnectionVariable,
  isKeyVariable,
  isOtherServiceBaseURL,
  KEY_VARIABLES,
  otherServiceBlockNote,
  placeholderFor,
  secretIn,
  type ConfigContext,
  type Fate,
} from './env-plan.js';
import { emptyEdit, lineAt, type ConfigEdit } from './types.js';

/**
 * Keys whose value is a block of environment variables: compose `environment:`, Actions and Kubernetes `env:`, and
 * the Helm chart conventions for the ones a chart adds or keeps in a Secret (`extraEnv`, `extraEnvVars`, `secretEnv`).
 */
const ENV_KEYS: ReadonlySet<string> = new Set(['env', 'environment', 'extraEnv', 'extraEnvVars', 'secretEnv']);

/** Said once for a file whose key went for keyless auth: what runs with that env now authenticates another way. */
const KEYLESS_NOTE =
  'removed the OpenAI key for keyless auth (--auth entra-id): what runs with this env needs an Azure identity with the Cognitive Services OpenAI User role (GitHub Actions: azure/login with OIDC and `permissions: id-token: write`; Kubernetes: workload identity)';

interface Splice {
  start: number;
  end: number;
  text: string;
}

/** A reference to a variable inside a value: `${{ secrets.X }}`, `${{ vars.X }}`, `${{ env.X }}`, `${X}`, `$X`. */
function referenceTo(name: string): RegExp {
  return new RegExp(`((?:secrets|vars|env)\\.|\\$\\{?)${name}\\b`, 'g');
}

/**
 * How the API key's value reads its variable, so a variable added beside it reads its own the same way:
 * `${{ secrets.X }}` (or `vars.`, `env.`, also inside a longer expression), `${X}` (a default or error text after it
 * is dropped) and bare `$X`; else the variable's placeholder (the endpoint's shape, or empty).
 */
function valueLike(name: string, ctx: ConfigContext): (valueSource: string, oldName: string) => string {
  return (valueSource, oldName) => {
    const m = new RegExp(`(\\$\\{\\{\\s*(?:secrets|vars|env)\\.)${oldName}(\\s*\\}\\})`).exec(valueSource);
    if (m) return `${m[1]}${name}${m[2]}`;
    // An Actions expression around the reference (`${{ matrix.ai == 'openai' && secrets.X || '' }}`): the same one.
    if (/^\$\{\{[\s\S]*\}\}$/.test(valueSource.trim()) && referenceTo(oldName).test(valueSource)) {
      return valueSource.trim().replace(referenceTo(oldName), `$1${name}`);
    }
    if (new RegExp(`\\$\\{${oldName}\\b`).test(valueSource)) return `\${${name}}`;
    if (new RegExp(`\\$${oldName}\\b`).test(valueSource)) return `$${name}`;
    return placeholderFor(name, ctx);
  };
}

/** One variable of an env block: its name, its value's text, and the node that sets it. */
type Setting = [name: string, value: string, node: Node];

class YamlEditor {
  readonly splices: Splice[] = [];
  readonly edit: ConfigEdit;

  constructor(
    private readonly text: string,
    private readonly ctx: ConfigContext,
  ) {
    this.edit = emptyEdit(text);
  }

  lineOf(offset: number): number {
    return lineAt(this.text, offset);
  }

  lineStart(offset: number): number {
    return this.text.lastIndexOf('\n', offset - 1) + 1;
  }

  /** The offset just past the end of the line holding `offset - 1` (the end of a node). */
  lineEnd(offset: number): number {
    const nl = this.text.indexOf('\n', Math.max(offset - 1, 0));
    return nl < 0 ? this.text.length : nl + 1;
  }

  source(node: Node): string {
    return this.text.slice(node.range![0], node.range![1]);
  }

  /** The new value text of a renamed variable: references follow the rename, a literal key is emptied. */
  private renamedValue(value: Node | null, oldName: string, newName: string): void {
    if (!value || !isScalar(value) || !value.range) return;
    const src = this.source(value);
    const secret = secretIn(src);
    let next = src.replace(referenceTo(oldName), `$1${newName}`);
    if (secret) {
      this.edit.secrets.push({ line: this.lineOf(value.range[0]), masked: maskSecret(secret) });
      next = '""';
    } else if (newName === AZURE_ENV.endpoint && /api\.openai\.com/.test(src)) next = ENDPOINT_PLACEHOLDER;
    if (next !== src) this.splices.push({ start: value.range[0], end: value.range[1], text: next });
  }

  private remove(start: number, end: number, line: number, name?: string): void {
    this.splices.push({ start: this.lineStart(start), end: this.lineEnd(end), text: '' });
    this.edit.changes.push({ line, kind: 'env' });
    if (name !== undefined && isKeyVariable(name) && this.ctx.auth === 'entra-id' && !this.edit.notes.includes(KEYLESS_NOTE)) this.edit.notes.push(KEYLESS_NOTE);
  }

  private rename(scalar: Scalar, oldName: string, newName: string): void {
    const src = this.source(scalar);
    this.splices.push({ start: scalar.range![0], end: scalar.range![1], text: src.replace(oldName, newName) });
    this.edit.changes.push({ line: this.lineOf(scalar.range![0]), kind: 'rename' });
  }

  /**
   * `KEY: value` pairs of a block map. `secrets`: a map of secrets handed to a reusable workflow (`secrets:` of a job
   * that `uses:` one) or the secrets one declares (`on.workflow_call.secrets`, `declared`): neither gets the
   * api-version (a setting, not a secret: undeclared, a caller may not pass it), and a declaration added copies the
   * key's own (`required: …`).
   */
  envMap(map: YAMLMap, secrets?: 'passed' | 'declared'): void {
    const names = new Set(map.items.map((p) => (isScalar(p.key) ? String(p.key.value) : '')));
    const settings = map.items.map((p): Setting => [isScalar(p.key) ? String(p.key.value) : '', isScalar(p.value) ? String(p.value.value ?? '') : '', p.key as Node]);
    if (this.otherService(settings)) return;
    for (const pair of map.items as Pair<Node, Node>[]) {
      if (!isScalar(pair.key) || !pair.key.range) continue;
      const name = String(pair.key.value);
      const valueText = isScalar(pair.value) ? String(pair.value.value ?? '') : '';
      const fate = this.fate(name, valueText, names);
      if (fate.kind === 'keep' && !this.keptConnection(name)) continue;
      const end = pair.value?.range?.[1] ?? pair.key.range[1];
      const line = this.lineOf(pair.key.range[0]);
      if (fate.kind === 'delete') this.remove(pair.key.range[0], end, line, name);
      else if (fate.kind === 'rename') {
        this.rename(pair.key, name, fate.to);
        this.renamedValue(pair.value, name, fate.to);
      }
      if (!isConnectionVariable(name)) continue;
      const indent = this.text.slice(this.lineStart(pair.key.range[0]), pair.key.range[0]);
      const valueSrc = pair.value?.range ? this.source(pair.value) : '';
      // A date-like api-version is quoted so YAML 1.1 readers (compose) keep it a string; an empty value is "".
      const quoted = (n: string, v: string): string => (n === AZURE_ENV.apiVersion || v === '' ? JSON.stringify(v) : v);
      const entry = this.text.slice(this.lineStart(pair.key.range[0]), this.lineEnd(end));
      const added = this.companions(names, line, name, secrets === undefined).map(([n, v]) =>
        secrets === 'declared' ? entry.replace(name, n) : `${indent}${n}: ${quoted(n, v(valueSrc, name))}\n`,
      );
      this.insert(this.lineEnd(end), added);
    }
  }

  /** Compose `- KEY=value` / `- KEY` items, and Kubernetes `- name: KEY` items, of a block sequence. */
  envSeq(items: readonly Node[]): void {
    const settings = items.map((item): Setting => {
      if (isScalar(item)) {
        const [name = '', ...rest] = String(item.value).split('=');
        return [name, rest.join('='), item];
      }
      return isMap(item) ? [String(item.get('name') ?? ''), String(item.get('value') ?? ''), item] : ['', '', item];
    });
    if (this.otherService(settings)) return;
    const names = new Set(settings.map(([name]) => name));
    for (const item of items) {
      if (!item.range) continue;
      if (isScalar(item)) this.seqScalar(item, names);
      else if (isMap(item) && !item.flow) this.seqNamed(item, names);
    }
  }

  private seqScalar(item: Scalar, names: Set<string>): void {
    const [name = '', ...rest] = String(item.value).split('=');
    const fate = this.fate(name, rest.join('='), names);
    if (fate.kind === 'keep' && !this.keptConnection(name)) return;
    const line = this.lineOf(item.range![0]);
    const src = this.source(item);
    if (fate.kind === 'delete') this.remove(item.range![0], item.range![1], line, name);
    else if (fate.kind === 'rename') {
      const secret = secretIn(src);
      let next = src.replace(name, fate.to).replace(referenceTo(name), `$1${fate.to}`);
      if (secret) {
        this.edit.secrets.push({ line, masked: maskSecret(secret) });
        next = next.replace(secret, '');
      }
      this.splices.push({ start: item.range![0], end: item.range![1], text: next });
      this.edit.changes.push({ line, kind: 'rename' });
    }
    if (!isConnectionVariable(name)) return;
    const prefix = this.text.slice(this.lineStart(item.range![0]), item.range![0]);
    const quote = /^["']/.exec(src)?.[0] ?? '';
    const added = this.companions(names, line, name).map(([n, v]) => {
      const value = rest.length > 0 ? `=${v(rest.join('='), name)}` : '';
      return `${prefix}${quote}${n}${value}${quote}\n`;
    });
    this.insert(this.lineEnd(item.range![1]), added);
  }

  private seqNamed(item: YAMLMap, names: Set<string>): void {
    const namePair = item.items.find((p) => isScalar(p.key) && p.key.value === 'name') as Pair<Scalar, Node> | undefined;
    if (!namePair || !isScalar(namePair.value) || !namePair.value.range) return;
    const name = String(namePair.value.value);
    const valuePair = item.items.find((p) => isScalar(p.key) && p.key.value === 'value') as Pair<Scalar, Node> | undefined;
    const fate = this.fate(name, isScalar(valuePair?.value) ? String(valuePair.value.value ?? '') : '', names);
    if (fate.kind === 'keep' && !this.keptConnection(name)) return;
    const line = this.lineOf(item.range![0]);
    if (fate.kind === 'delete') this.remove(item.range![0], item.range![1], line, name);
    else if (fate.kind === 'rename') {
      this.rename(namePair.value, name, fate.to);
      if (valuePair) this.renamedValue(valuePair.value, name, fate.to);
      if (item.items.some((p) => isScalar(p.key) && p.key.value === 'valueFrom')) {
        this.edit.notes.push(`line ${line}: ${fate.to} still comes from the same secret key: store the Azure value there`);
      }
    }
    if (!isConnectionVariable(name)) return;
    const prefix = this.text.slice(this.lineStart(item.range![0]), item.range![0]);
    const inner = ' '.repeat(prefix.length);
    const added = this.companions(names, line, name).map(([n, v]) => `${prefix}name: ${n}\n${inner}value: ${JSON.stringify(v('', name))}\n`);
    this.insert(this.lineEnd(item.range![1]), added);
  }

  /** Whether a block sets its base URL to another service's: then it is that service's block, left whole, with a note. */
  private otherService(settings: readonly Setting[]): boolean {
    const found = settings.find(([name, value]) => isOtherServiceBaseURL(name, value));
    if (found?.[2].range) this.edit.notes.push(otherServiceBlockNote(this.lineOf(found[2].range[0]), found[0], found[1]));
    return found !== undefined;
  }

  /**
   * An OpenAI connection variable kept because code the run left still reads it: the migrated code's Azure settings
   * go beside it all the same (as an env template gains them), or the block would stop serving the migrated code.
   */
  private keptConnection(name: string): boolean {
    return !!this.ctx.staleEnv?.includes(name) && isConnectionVariable(name);
  }

  /** A variable's fate here: a rename onto a name the block already sets is a removal. */
  private fate(name: string, value: string, names: Set<string>): Fate {
    const fate = fateOf(name, value, this.ctx);
    if (fate.kind === 'rename' && names.has(fate.to)) return { kind: 'delete' };
    if (fate.kind === 'rename') names.add(fate.to);
    return fate;
  }

  /** Lines added at an offset. */
  private insert(at: number, lines: string[]): void {
    if (lines.length > 0) this.splices.push({ start: at, end: at, text: lines.join('') });
  }

  /**
   * What is added beside the API key (or base URL, `beside`), each when the code reads it and the block lacks it: the
   * endpoint, the other connection settings (the AI SDK's resource name, another client's key beside a key), on the
   * classic target the api-version.
   */
  private companions(names: Set<string>, line: number, beside: string, apiVersion = true): [string, (valueSource: string, oldName: string) => string][] {
    const out: [string, (valueSource: string, oldName: string) => string][] = [];
    for (const name of CONNECTION_COMPANIONS) {
      if (!this.ctx.env.includes(name) || names.has(name) || (!apiVersion && name === AZURE_ENV.apiVersion)) continue;
      // A key goes only beside a key: beside a base URL it would override one set elsewhere (an env_file, a secret).
      if (KEY_VARIABLES.includes(name) && !isKeyVariable(beside)) continue;
      out.push([name, name === AZURE_ENV.apiVersion ? () => apiVersionFor(name, this.ctx)! : valueLike(name, this.ctx)]);
    }
    for (const [n] of out) names.add(n);
    if (out.length > 0) this.edit.changes.push({ line, kind: 'env' });
    return out;
  }

  apply(): string {
    let out = this.text;
    for (const s of [...this.splices].sort((a, b) => b.start - a.start || b.end - a.end)) {
      out = out.slice(0, s.start) + s.text + out.slice(s.end);
    }
    return out;
  }
}

/** The anchored maps an env block merges in (`environment: { <<: *common-env }`, `<<: [*a, *b]`): env blocks too. */
function mergedMaps(doc: Document, block: YAMLMap): YAMLMap[] {
  const out: YAMLMap[] = [];
  for (const pair of block.items as Pair<Node, Node>[]) {
    if (!isScalar(pair.key) || pair.key.value !== '<<') continue;
    const sources = isSeq(pair.value) ? (pair.value.items as Node[]) : [pair.value];
    for (const source of sources) {
      const target = isAlias(source) ? source.resolve(doc) : undefined;
      if (isMap(target)) out.push(target);
    }
  }
  return out;
}

/**
 * Whether an env block is a GitHub Actions step's that runs another repository's action (`uses: owner/action@v1`):
 * that action reads the names its own code reads, which this run does not change. A local action (`./…`) is the
 * project's own code, and follows it.
 */
function runsAction(path: readonly unknown[]): boolean {
  const holder = path[path.length - 1];
  const uses = isMap(holder) ? holder.get('uses') : undefined;
  return typeof uses === 'string' && !uses.startsWith('./');
}

/**
 * What a `secrets:` block is, from the nodes above it: handed to a reusable workflow (its job has `uses:`), declared
 * by one (under `on.workflow_call`), or neither.
 */
function secretsBlock(path: readonly unknown[]): 'passed' | 'declared' | undefined {
  const holder = path[path.length - 1];
  const above = path[path.length - 2];
  if (isMap(holder) && holder.has('uses')) return 'passed';
  return isPair(above) && isScalar(above.key) && above.key.value === 'workflow_call' ? 'declared' : undefined;
}

/**
 * Rename the OpenAI variables of every `env:` / `environment:` block (map or list form) in a YAML file, with the
 * `yaml` package's parse giving each node's exact range: edits are splices there, so every other byte stays.
 * A file that does not parse throws (and so stays as it was, reported as failed).
 */
export function editYaml(body: string, ctx: ConfigContext): ConfigEdit {
  const editor = new YamlEditor(body, ctx);
  if (ctx.env.length === 0) return editor.edit;
  const docs = parseAllDocuments(body);
  if (!Array.isArray(docs)) throw new Error('not a YAML stream');
  for (const doc of docs) {
    const error = doc.errors[0];
    if (error) throw new Error(`does not parse as YAML: ${error.message.split('\n')[0]}`);
  }
  // Each env map once: one anchored block may be merged into several (`x-env: &env …`, then `<<: *env`).
  const edited = new Set<Node>();
  const editMap = (map: YAMLMap): void => {
    if (map.flow || edited.has(map)) return;
    edited.add(map);
    editor.envMap(map);
  };
  for (const doc of docs) {
    visit(doc, {
      Pair(_, pair, path) {
        if (!isScalar(pair.key)) return;
        // Secrets a job hands to a reusable workflow, and those a reusable workflow declares: the same renames, so
        // the names passed are the names declared (an undeclared one fails the caller).
        const secrets = pair.key.value === 'secrets' && isMap(pair.value) && !pair.value.flow ? secretsBlock(path) : undefined;
        if (secrets) editor.envMap(pair.value as YAMLMap, secrets);
        if (!ENV_KEYS.has(String(pair.key.value)) || runsAction(path)) return;
        if (isMap(pair.value)) {
          editMap(pair.value);
          for (const merged of mergedMaps(doc, pair.value)) editMap(merged);
        } else if (isSeq(pair.value) && !pair.value.flow) editor.envSeq(pair.value.items as Node[]);
      },
    });
  }
  editor.edit.output = editor.apply();
  editor.edit.changes.sort((a, b) => a.line - b.line);
  return editor.edit;
}
