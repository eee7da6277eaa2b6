/**
 * After `migrate`, `check` must find nothing in migrated code but the TODO markers the codemod left: lint the
 * fixture results of FOLDERS (outputs, or inputs that must stay unchanged) with the plugin's recommended config and
 * accept only `no-migration-todo`, findings inside a statement that carries a marker, and findings in a declaration
 * whose variable a marked statement reads (the options or URL a marked client is given). Cases that run some
 * transforms alone (a `transforms` sidecar) are not the pipeline's result and are skipped.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ESLint } from 'eslint';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { FILE_WIDE_URL_MESSAGES, TODO_PATTERN, todoText } from '../../src/core/index.js';
import plugin from '../../rules/index.js';

const ROOT = join(import.meta.dirname, '..', '..');
const FOLDERS = ['env-reads', 'raw-http', 'ai-sdk', 'langchain', 'agents-sdk', 'openai-client'];

/** Results where `check` and `migrate` part on purpose, with why. */
const APART: Readonly<Record<string, string>> = {
  // no-model-name asks about a model name on an Azure client (a deployment may bear it: its `allow` list); the codemod
  // leaves code that is Azure already as it is.
  'fixtures/openai-client/already-azure.input.ts': 'openai-to-azure/no-model-name',
  // The base URL variable the client no longer reads keeps OpenAI's default (see the fixture); the marker is the client's.
  'fixtures/openai-client/base-url-variable-with-openai-default.output.ts': 'openai-to-azure/no-openai-endpoint',
};

function runsAlone(sidecar: string): boolean {
  return existsSync(sidecar) && (JSON.parse(readFileSync(sidecar, 'utf8')) as { transforms?: string[] }).transforms !== undefined;
}

function results(): string[] {
  return FOLDERS.flatMap((folder) => {
    const dir = join(ROOT, 'fixtures', folder);
    return readdirSync(dir)
      .filter((f) => /\.input\.\w+$/.test(f) && !runsAlone(join(dir, f.replace(/\.input\.\w+$/, '.options.json'))))
      .map((f) => {
        const output = join(dir, f.replace('.input.', '.output.'));
        return existsSync(output) ? output : join(dir, f);
      });
  });
}

/** Containers whose direct children get markers (as transforms/lib/markers.ts places them). */
function isMarkerContainer(node: ts.Node): boolean {
  return ts.isSourceFile(node) || ts.isBlock(node) || ts.isClassLike(node) || ts.isModuleBlock(node) || ts.isCaseOrDefaultClause(node);
}

/** Whether the statement (or class member, or object property) holding `pos` has a TODO marker among its leading comments. */
function underMarker(file: ts.SourceFile, pos: number): boolean {
  // The statement (or class member) holding `pos`, and the properties holding it: a property far down a long object
  // literal takes the marker itself.
  let hosts: ts.Node[] = [];
  const visit = (node: ts.Node): void => {
    node.forEachChild((child) => {
      if (pos < child.getStart(file) || pos >= child.getEnd()) return;
      if (isMarkerContainer(node)) hosts = [child];
      else if (ts.isPropertyAssignment(child)) hosts.push(child);
      // An `else if` condition's marker sits on the first statement of its block.
      const elseIf = ts.isIfStatement(node) && child === node.expression && ts.isIfStatement(node.parent) && node.parent.elseStatement === node;
      if (elseIf && ts.isBlock(node.thenStatement) && node.thenStatement.statements.length > 0) hosts = [node.thenStatement.statements[0]!];
      visit(child);
    });
  };
  visit(file);
  return hosts.some((host) => marked(file, host));
}

function marked(file: ts.SourceFile, node: ts.Node): boolean {
  return (ts.getLeadingCommentRanges(file.text, node.getFullStart()) ?? []).some((c) => TODO_PATTERN.test(file.text.slice(c.pos, c.end)));
}

/**
 * Whether `pos` is in a variable declaration or class field that a statement with a TODO marker reads, itself or
 * through a function that reads it (a default a helper returns) or a variable that holds what it reads.
 */
function readByMarked(file: ts.SourceFile, pos: number): boolean {
  const names = new Set<string>();
  const statements: ts.Node[] = [];
  const functions: [string, ts.Node][] = [];
  const constants: [string, ts.Node][] = [];
  const visit = (node: ts.Node): void => {
    const holder = ts.isVariableDeclaration(node) || ts.isPropertyDeclaration(node);
    if (holder && ts.isIdentifier(node.name) && node.getStart(file) <= pos && pos < node.getEnd()) names.add(node.name.text);
    if (ts.isFunctionDeclaration(node) && node.name) functions.push([node.name.text, node]);
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer) constants.push([node.name.text, node.initializer]);
    if (isMarkerContainer(node.parent ?? node) && node !== file && marked(file, node)) statements.push(node);
    node.forEachChild(visit);
  };
  visit(file);
  const reads = (node: ts.Node): boolean => (ts.isIdentifier(node) && names.has(node.text)) || (node.forEachChild(reads) ?? false);
  for (const [name, fn] of functions) if (reads(fn)) names.add(name);
  // A variable that holds what it reads (`const settings = table[vendor]`), as far as such variables go.
  for (let size = 0; size !== names.size; ) {
    size = names.size;
    for (const [name, init] of constants) if (reads(init)) names.add(name);
  }
  return names.size > 0 && statements.some(reads);
}

describe('migrated fixtures lint clean but for TODO markers', () => {
  const eslint = new ESLint({ cwd: ROOT, overrideConfigFile: true, overrideConfig: [plugin.configs.recommended] });

  for (const path of results()) {
    it(relative(ROOT, path), async () => {
      const text = readFileSync(path, 'utf8');
      const [result] = await eslint.lintText(text, { filePath: path });
      const file = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true);
      // A test file's data URLs, or those of a file with an Azure path of its own, get one marker, at the first: it
      // speaks for the file's other OpenAI URLs too.
      const fileWide = FILE_WIDE_URL_MESSAGES.some((message) => text.includes(todoText(message)));
      const apart = APART[relative(ROOT, path)];
      const unexpected = result!.messages
        // ESLint's own notes (a fixture's directive for a rule not loaded here).
        .filter((m) => m.ruleId !== null && m.ruleId !== 'openai-to-azure/no-migration-todo' && m.ruleId !== apart)
        .filter((m) => !(fileWide && m.ruleId === 'openai-to-azure/no-openai-endpoint'))
        .filter((m) => {
          const pos = file.getPositionOfLineAndCharacter(m.line - 1, m.column - 1);
          return !underMarker(file, pos) && !readByMarked(file, pos);
        })
        .map((m) => `${m.line}:${m.column} ${m.ruleId ?? ''} ${m.message}`);
      expect(unexpected).toEqual([]);
    });
  }
});
