/**
 * Fixture runner for fixtures/<concern>/<case>.input.<ext>:
 * - `<case>.output.<ext>` is the expected result; a case with NO output file must come out unchanged (byte for byte).
 * - `<case>.options.json` (optional): `target`, `auth`, `apiVersion`, `deployments` (migration options), `facts`
 *   (project-index facts for cross-file cases), `transforms` (names, to run some transforms alone; default: the
 *   whole pipeline, as users get it) and `expect` (`todos`: marker count, `secrets`: masked findings,
 *   `env`: variables read, `notes`: substrings of report notes).
 * Every case is also run a second time on its output (nothing may change), no output may hold an `sk-` secret (but
 * one reported as left in place with a marker),
 * and all TypeScript outputs are type-checked together against the real `openai` and `@azure/identity`.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { DEFAULT_OPTIONS, emptyFacts, findSecrets, maskSecret, type FileFacts, type MigrationOptions } from '../../src/core/index.js';
import { TRANSFORMS } from '../../transforms/index.js';
import { runTransforms } from '../../transforms/lib/run.js';

const ROOT = join(import.meta.dirname, '..', '..');
const FIXTURES = join(ROOT, 'fixtures');
/** Folders of fixtures that are not per-transform input/output pairs. */
const NOT_TRANSFORM_FIXTURES = new Set(['sample-app', 'project']);
const TS_OUTPUT = /\.(?:ts|tsx|mts|cts)$/;

interface Sidecar extends Partial<MigrationOptions> {
  facts?: Partial<FileFacts>;
  transforms?: string[];
  expect?: { todos?: number; secrets?: string[]; env?: string[]; notes?: string[] };
}

interface Case {
  name: string;
  input: string;
  output: string | undefined;
  sidecar: Sidecar;
}

function cases(): Case[] {
  if (!existsSync(FIXTURES)) return [];
  return readdirSync(FIXTURES, { withFileTypes: true })
    .filter((d) => d.isDirectory() && !NOT_TRANSFORM_FIXTURES.has(d.name))
    .flatMap((dir) => {
      const folder = join(FIXTURES, dir.name);
      return readdirSync(folder).flatMap((file) => {
        const m = /^(.*)\.input\.(\w+)$/.exec(file);
        if (!m) return [];
        const [, name, ext] = m;
        const output = join(folder, `${name}.output.${ext}`);
        const options = join(folder, `${name}.options.json`);
        return [
          {
            name: `${dir.name}/${name}.${ext}`,
            input: join(folder, file),
            output: existsSync(output) ? output : undefined,
            sidecar: existsSync(options) ? (JSON.parse(readFileSync(options, 'utf8')) as Sidecar) : {},
          },
        ];
      });
    });
}

function run(c: Case, source: string, wholeFile = false) {
  const { facts, transforms, expect: _expect, ...options } = c.sidecar;
  const selected = transforms ? TRANSFORMS.filter((t) => transforms.includes(t.name)) : TRANSFORMS;
  return runTransforms(selected, {
    source,
    path: c.input,
    options: { ...DEFAULT_OPTIONS, ...options, apiVersionExplicit: options.apiVersion !== undefined },
    facts: { ...emptyFacts(), ...facts },
    wholeFile,
  });
}

const all = cases();

describe('transform fixtures', () => {
  it('finds fixtures', () => {
    expect(all.length).toBeGreaterThan(0);
  });

  for (const c of all) {
    describe(c.name, () => {
      const input = readFileSync(c.input, 'utf8');
      const expected = c.output ? readFileSync(c.output, 'utf8') : input;

      it('produces the expected output', () => {
        const result = run(c, input);
        expect(result.output).toBe(expected);
        if (!c.output) expect(result.changed).toBe(false);
        const want = c.sidecar.expect;
        if (want?.todos !== undefined) expect(result.outcome.todos).toHaveLength(want.todos);
        if (want?.secrets) expect(result.outcome.secrets.map((s) => s.masked)).toEqual(want.secrets);
        if (want?.env) expect(result.outcome.env).toEqual(want.env);
        for (const note of want?.notes ?? []) expect(result.outcome.notes.join('\n')).toContain(note);
      });

      it('prints the same by regions as through the whole file', () => {
        const byRegions = run(c, input);
        const whole = run(c, input, true);
        expect(byRegions.output).toBe(whole.output);
        expect(byRegions.outcome.changes).toEqual(whole.outcome.changes);
        expect(byRegions.outcome.todos).toEqual(whole.outcome.todos);
      });

      it('is idempotent', () => {
        const again = run(c, expected);
        expect(again.output).toBe(expected);
        expect(again.changed).toBe(false);
      });

      it('leaves no secret in the output but those it reports as left in place, with a marker', () => {
        const kept = run(c, input).outcome.secrets.filter((x) => x.kept).map((x) => x.masked);
        expect(findSecrets(expected).map((x) => maskSecret(x.secret)).filter((m) => !kept.includes(m))).toEqual([]);
      });
    });
  }
});

describe('TypeScript outputs', () => {
  it('type-check against openai and @azure/identity', () => {
    const files = all
      .map((c) => c.output ?? c.input)
      .filter((f) => TS_OUTPUT.test(f) && !f.endsWith('.d.ts'));
    const ambient = ['jsx-ambient.d.ts', 'deno-bun-ambient.d.ts', 'client-wrappers-ambient.d.ts', 'vite-ambient.d.ts', 'compatible-clients-ambient.d.ts', 'child-process-ambient.d.ts'].map((name) => join(import.meta.dirname, name));
    const program = ts.createProgram([...files, ...ambient], {
      strict: true,
      noEmit: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      jsx: ts.JsxEmit.ReactJSX,
      types: ['node'],
      lib: ['lib.es2023.d.ts'],
      skipLibCheck: true,
      esModuleInterop: true,
    });
    const diagnostics = ts.getPreEmitDiagnostics(program).map((d) => {
      const where = d.file ? `${relative(ROOT, d.file.fileName)}:${d.file.getLineAndCharacterOfPosition(d.start ?? 0).line + 1}` : '';
      return `${where} ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
    });
    expect(diagnostics).toEqual([]);
  });
});
