import { lines as linesModule, patcher } from './cjs-deps.cjs';
import { omitsSemicolons, UNSURE_END } from './semicolons.js';

type Node = any; // Babel AST via recast.
type Lines = any; // recast's Lines.
type Restyle = (node: Node, print: () => Lines) => Lines;

/**
 * A statement or literal recast prints anew ends as the one the file had there: recast always ends a statement with
 * `;` and gives every multi-line literal the one trailing-comma choice of its options. A node the file did not have
 * follows the file. recast has no option for this, so its one per-node seam is used: the printer asks
 * `getReprinter` for every node and prints a node anew when it gets none. While a file is printed (`printingAs`), a
 * node in the tables below gets a reprinter that has recast print it anew, then restyles that.
 */
let file: { source: string; omitsSemicolons: boolean } | undefined;
/** The node whose reprinter is printing it: asked again, it gets recast's own answer (none). */
let printing: Node;
/** The trailing comma of the literal being printed anew, when the file had it on several lines. */
let comma: boolean | undefined;
/** Statements parsed from a snippet (snippets.ts): recast reuses the snippet's text, but they are new to the file. */
const snippets = new WeakSet<object>();

const reprinterOf = patcher.getReprinter;
(patcher as { getReprinter: typeof reprinterOf }).getReprinter = (path) => {
  const node = path.getValue();
  if (node === printing) {
    printing = undefined;
    return reprinterOf(path);
  }
  const reprinter = reprinterOf(path);
  const restyle: Restyle | undefined = file ? RESTYLE[node?.type] : undefined;
  // A literal recast puts in parentheses is left to it: a reprinter cannot learn whether the file has them already.
  if (!restyle || (reprinter && !snippets.has(node)) || path.needsParens()) return reprinter;
  return (print: (path: unknown) => Lines) => {
    if (reprinter) return restyle(node, () => reprinter(print));
    printing = node;
    return restyle(node, () => print(path));
  };
};

/** Statements that end as the file does, whatever the text they were parsed from. */
export function newToTheFile<T extends object>(statements: T[]): T[] {
  for (const statement of statements) snippets.add(statement);
  return statements;
}

/**
 * A wrapper for the prints of a file (recast printing its nodes): statements and literals printed anew inside are
 * restyled. A file that holds the mark settleEnds looks for gets recast's print as it is.
 */
export function printingAs(source: string): <T>(print: () => T) => T {
  const style = source.includes(UNSURE_END) ? undefined : { source, omitsSemicolons: omitsSemicolons(source) };
  return (print) => {
    file = style;
    try {
      return print();
    } finally {
      file = undefined;
      printing = undefined;
      comma = undefined;
    }
  };
}

/** recast's `trailingComma` option: the literal's own choice while one is printed anew, the file's otherwise. */
export function trailingCommas(fileStyle: boolean): { readonly objects: boolean; readonly arrays: boolean; parameters: boolean } {
  return {
    get objects() {
      return comma ?? fileStyle;
    },
    get arrays() {
      return comma ?? fileStyle;
    },
    parameters: fileStyle,
  };
}

/**
 * The file's text of a node: its recast twin's (a whole-file parse, or a region parsed alone), else where its offsets
 * point (a node of the file's plain tree, printed by regions). Undefined for a node a transform built.
 */
function fileText(node: Node): string | undefined {
  const loc = node.original?.loc;
  if (loc?.lines) return loc.lines.sliceString(loc.start, loc.end);
  return typeof node.start === 'number' && typeof node.end === 'number' ? file!.source.slice(node.start, node.end) : undefined;
}

/** The statement's `;` marked unsure (settleEnds drops it where ASI allows), unless the statement keeps it. */
const endAsBefore: Restyle = (node, print) => {
  const lines = print();
  const text = snippets.has(node) ? undefined : fileText(node);
  if (text !== undefined ? text.endsWith(';') : !file!.omitsSemicolons) return lines;
  const last = lines.skipSpaces(lines.lastPos(), true);
  if (!last || !lines.prevPos(last) || lines.charAt(last) !== ';') return lines;
  const before = { ...last };
  // An export prints its declaration's `;`, already marked.
  if (lines.prevPos(before) && lines.charAt(before) === UNSURE_END) return lines;
  return linesModule.concat([lines.slice(lines.firstPos(), last), UNSURE_END, lines.slice(last)]);
};

/** A comma, then only blanks and comments up to the closing bracket. */
const TRAILING_COMMA = /,(?:\s|\/\/[^\n]*|\/\*[^]*?\*\/)*[}\]]$/;

/** A literal the file had on several lines keeps its trailing comma, or its lack of one. */
const commaAsBefore: Restyle = (node, print) => {
  const text = fileText(node);
  const saved = comma;
  comma = text?.includes('\n') ? TRAILING_COMMA.test(text) : undefined;
  try {
    return print();
  } finally {
    comma = saved;
  }
};

/** Statements recast ends with `;` (a declaration in a `for` head it prints without), and literals. */
const ENDED = [
  'ExpressionStatement',
  'VariableDeclaration',
  'ImportDeclaration',
  'ExportNamedDeclaration',
  'ExportDefaultDeclaration',
  'ExportAllDeclaration',
  'ReturnStatement',
  'ThrowStatement',
  'BreakStatement',
  'ContinueStatement',
  'DebuggerStatement',
  'TSImportEqualsDeclaration',
  'TSExportAssignment',
  'TSTypeAliasDeclaration',
  'ClassProperty',
  'ClassPrivateProperty',
  'ClassAccessorProperty',
];

const RESTYLE: Readonly<Record<string, Restyle>> = {
  ...Object.fromEntries(ENDED.map((type) => [type, endAsBefore])),
  ObjectExpression: commaAsBefore,
  ArrayExpression: commaAsBefore,
};
