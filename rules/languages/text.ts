/**
 * A minimal ESLint language that sees a file as one block of text, so the text rules (endpoints, keys, env names)
 * also run on JSON, Markdown, YAML and `.env` files without a parser for each format.
 */
import { TextSourceCodeBase, VisitNodeStep } from '@eslint/plugin-kit';
import type { File, Language, OkParseResult, SourceLocation, SourceRange } from '@eslint/core';

/** The whole file; rules listen for `Document` and scan `value`. */
export interface TextDocument {
  type: 'Document';
  value: string;
  range: SourceRange;
  loc: SourceLocation;
}

type TextLanguageOptions = Record<string, never>;

export class TextSourceCode extends TextSourceCodeBase<{
  LangOptions: TextLanguageOptions;
  RootNode: TextDocument;
  SyntaxElementWithLoc: TextDocument;
  ConfigNode: never;
}> {
  /** No comment syntax is shared by every format, so inline `eslint-disable` comments are not read. */
  getParent(): undefined {
    return undefined;
  }

  traverse(): Iterable<VisitNodeStep> {
    return [
      new VisitNodeStep({ target: this.ast, phase: 1, args: [this.ast, undefined] }),
      new VisitNodeStep({ target: this.ast, phase: 2, args: [this.ast, undefined] }),
    ];
  }
}

function endOf(text: string): { line: number; column: number } {
  const lines = text.split(/\r\n|[\r\n\u2028\u2029]/);
  return { line: lines.length, column: lines[lines.length - 1]!.length };
}

export const text: Language<{
  LangOptions: TextLanguageOptions;
  Code: TextSourceCode;
  RootNode: TextDocument;
  Node: TextDocument;
}> = {
  fileType: 'text',
  lineStart: 1,
  columnStart: 0,
  nodeTypeKey: 'type',
  visitorKeys: { Document: [] },
  defaultLanguageOptions: {},

  validateLanguageOptions(options) {
    const unknown = Object.keys(options ?? {});
    if (unknown.length > 0) throw new TypeError(`openai-to-azure/text takes no language options (got "${unknown[0]}")`);
  },

  parse(file: File): OkParseResult<TextDocument> {
    const value = typeof file.body === 'string' ? file.body : new TextDecoder().decode(file.body);
    return {
      ok: true,
      ast: { type: 'Document', value, range: [0, value.length], loc: { start: { line: 1, column: 0 }, end: endOf(value) } },
    };
  },

  createSourceCode(file, input) {
    const body = typeof file.body === 'string' ? file.body : new TextDecoder().decode(file.body);
    return new TextSourceCode({ text: body, ast: input.ast });
  },
};
