/**
 * After `migrate`, `check` must find nothing in migrated code but the TODO markers the codemod left: lint the
 * env-reads, raw-http, langchain and agents-sdk fixture results (outputs, or inputs that must stay unchanged) with the plugin's
 * recommended config and accept only `no-migration-todo` and findings inside a statement that carries a marker.
 * Cases that run some transforms alone (a `transforms` sidecar) are not the pipeline's result and are skipped.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ESLint } from 'eslint';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { FILE_WIDE_URL_MESSAGES, TODO_PATTERN, todoText } from '../../src/core/index.js';
import plugin from '../../rules/index.js';

const ROOT = join(import.meta.dirname, '..', '..');
const FOLDERS = ['env-reads', 'raw-http', 'ai-sdk', 'langchain', 'agents-sdk'];

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
  return hosts.some((host) =>
    (ts.getLeadingCommentRanges(file.text, host.getFullStart()) ?? []).some((c) => TODO_PATTERN.test(file.text.slice(c.pos, c.end))),
  );
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
      const unexpected = result!.messages
        .filter((m) => m.ruleId !== 'openai-to-azure/no-migration-todo')
        .filter((m) => !(fileWide && m.ruleId === 'openai-to-azure/no-openai-endpoint'))
        .filter((m) => !underMarker(file, file.getPositionOfLineAndCharacter(m.line - 1, m.column - 1)))
        .map((m) => `${m.line}:${m.column} ${m.ruleId ?? ''} ${m.message}`);
      expect(unexpected).toEqual([]);
    });
  }
});
