import { readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { DEFAULT_OPTIONS, emptyFacts } from '../../src/core/index.js';
import { verifyRewrite } from '../../src/project/verify.js';
import { TRANSFORMS } from '../../transforms/index.js';
import { runTransforms } from '../../transforms/lib/run.js';
import { fixture } from './helpers.js';

const dir = fixture('legacy-v3-verify');
const names = ['chat.ts', 'embeddings.ts'];

/** Diagnostics of the fixture project with each file's text replaced in memory. */
function diagnostics(texts: Map<string, string>): string[] {
  const options: ts.CompilerOptions = {
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    types: ['node'],
  };
  const host = ts.createCompilerHost(options);
  const read = host.readFile.bind(host);
  host.readFile = (file) => texts.get(path.resolve(file)) ?? read(file);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (file, language, ...rest) => {
    const text = texts.get(path.resolve(file));
    return text !== undefined ? ts.createSourceFile(file, text, language) : getSourceFile(file, language, ...rest);
  };
  const program = ts.createProgram([...texts.keys()], options, host);
  return ts.getPreEmitDiagnostics(program).map((d) => `${path.basename(d.file?.fileName ?? '')} ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
}

describe('a small openai v3 project, migrated', () => {
  const before = new Map(names.map((n) => [path.join(dir, n), readFileSync(path.join(dir, n), 'utf8')]));
  const after = new Map(
    [...before].map(([file, source]) => [
      file,
      runTransforms(TRANSFORMS, { source, path: file, options: DEFAULT_OPTIONS, facts: emptyFacts() }).output,
    ]),
  );

  it('does not compile against openai 7 before (the v3 API is gone)', () => {
    expect(diagnostics(before).length).toBeGreaterThan(0);
  });

  it('type-checks against openai 7 after, with no marker left', () => {
    expect(diagnostics(after)).toEqual([]);
    for (const text of after.values()) expect(text).not.toContain('TODO(openai-to-azure)');
  });

  it('--verify finds nothing the rewrite introduced', async () => {
    const files = names.map((n) => ({ path: n, before: before.get(path.join(dir, n))!, after: after.get(path.join(dir, n))! }));
    const { introduced } = await verifyRewrite({ cwd: dir, files });
    expect(introduced).toEqual([]);
  });
});
