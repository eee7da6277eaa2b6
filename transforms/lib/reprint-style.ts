import { lines as linesModule, patcher } from './cjs-deps.cjs';
import { omitsSemicolons, UNSURE_END } from './semicolons.js';

type Node = any; // Babel AST via recast.
type Lines = any; // recast's Lines.
/** `printProperty(i)`: the node's i-th property as recast prints it inside the node (only for a node printed anew). */
type Restyle = (node: Node, print: () => Lines, printProperty?: (i: number) => Lines) => Lines;

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
  return (print: (path: unknown, options?: object) => Lines) => {
    if (reprinter) return restyle(node, () => reprinter(print));
    printing = node;
    // A child as recast's generic printer prints it (printer.js `genericPrint`: with its comments).
    const printProperty = (i: number): Lines => path.call((child: unknown) => print(child, WITH_COMMENTS), 'properties', i);
    return restyle(node, () => print(path), printProperty);
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

/**
 * recast's `trailingComma` option: the literal's own choice while one is printed anew, the file's otherwise. A class,
 * not an object literal with getters, which would give every file's options a hidden class of its own (see
 * run.ts `ContextBase`).
 */
class TrailingCommas {
  constructor(readonly parameters: boolean) {}

  get objects(): boolean {
    return comma ?? this.parameters;
  }

  get arrays(): boolean {
    return comma ?? this.parameters;
  }
}

export function trailingCommas(fileStyle: boolean): { readonly objects: boolean; readonly arrays: boolean; readonly parameters: boolean } {
  return new TrailingCommas(fileStyle);
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

const WITH_COMMENTS = { includeComments: true, avoidRootParens: false };

/** A blank line in the text between two nodes. */
const BLANK_LINE = /\n[ \t]*\r?\n/;

/** The file's text between two nodes it had (undefined when either is new, or they come from different texts). */
function textBetween(a: Node, b: Node): string | undefined {
  const [la, lb] = [a.original?.loc, b.original?.loc];
  if (la?.lines || lb?.lines) return la?.lines && la.lines === lb?.lines ? la.lines.sliceString(la.end, lb.start) : undefined;
  return [a.start, a.end, b.start, b.end].every((n) => typeof n === 'number') && a.end <= b.start ? file!.source.slice(a.end, b.start) : undefined;
}

/**
 * An object printed anew keeps the file's blank lines between its properties, and gets none of recast's: recast puts
 * one before and after every property that spans lines (printer.js, "ObjectExpression"), so removing an option from
 * `new OpenAI({ …, defaultHeaders: {…}, timeout })` would add two blank lines to the diff. recast lays the object out
 * as `{`, each property's lines (a blank line before a multi-line one that follows a one-line one, and after every
 * multi-line one but the last), `}`; the property prints tell which lines are its blanks. A print laid out otherwise
 * is left as it is.
 */
const objectAsBefore: Restyle = (node, print, printProperty) => {
  const lines = commaAsBefore(node, print);
  const properties: Node[] = node.properties;
  if (!printProperty || properties.length < 2 || lines.length < 3) return lines;
  // Line numbers (1-based) of the blanks recast added, and of each property's first line.
  const added: number[] = [];
  const firsts: number[] = [];
  let line = 2;
  let allowBreak = false;
  for (let i = 0; i < properties.length; i++) {
    const count: number = printProperty(i).length;
    const multiLine = count > 1;
    if (multiLine && allowBreak) added.push(line++);
    firsts.push(line);
    line += count;
    if (i < properties.length - 1) {
      if (multiLine) added.push(line++);
      allowBreak = !multiLine;
    }
  }
  if (line !== lines.length || added.some((n) => !isBlank(lines, n))) return lines;
  const wanted = new Set<number>();
  for (let i = 1; i < properties.length; i++) {
    const between = textBetween(properties[i - 1], properties[i]);
    if (between !== undefined && BLANK_LINE.test(between)) wanted.add(firsts[i]!);
  }
  const dropped = new Set(added);
  const parts: Lines[] = [];
  let from = 1;
  const take = (to: number): void => {
    if (to > from) parts.push(lines.slice({ line: from, column: 0 }, { line: to, column: 0 }));
  };
  // Every blank recast added goes; one goes before each property the file had a blank line above.
  for (let n = 2; n < lines.length; n++) {
    if (!dropped.has(n) && !wanted.has(n)) continue;
    take(n);
    if (wanted.has(n)) parts.push(linesModule.fromString('\n'));
    from = dropped.has(n) ? n + 1 : n;
  }
  parts.push(lines.slice({ line: from, column: 0 }, lines.lastPos()));
  return linesModule.concat(parts);
};

/**
 * A destructuring pattern the file had on one line stays on one line: recast prints every pattern anew on several
 * lines (`const {\n  AzureOpenAI\n} = require('openai')` once a name is taken out of `const { OpenAI } = …`).
 * The file's spacing inside the braces is kept; a pattern grown past 80 columns, or a property that prints on several
 * lines, keeps recast's layout.
 */
const ONE_LINE_PATTERN = 80;

const patternAsBefore: Restyle = (node, print, printProperty) => {
  const lines = print();
  const text = fileText(node);
  if (!printProperty || text === undefined || text.includes('\n') || lines.length === 1) return lines;
  const properties: Lines[] = node.properties.map((_: Node, i: number) => printProperty(i));
  if (properties.length === 0 || properties.some((p) => p.length !== 1)) return lines;
  const pad = /^\{\s/.test(text) ? ' ' : '';
  const joined = `{${pad}${properties.map((p) => p.toString()).join(', ')}${pad}}`;
  return joined.length <= ONE_LINE_PATTERN ? linesModule.fromString(joined) : lines;
};

function isBlank(lines: Lines, line: number): boolean {
  return /^\s*$/.test(lines.sliceString({ line, column: 0 }, { line, column: lines.getLineLength(line) }));
}

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
  ObjectExpression: objectAsBefore,
  ObjectPattern: patternAsBefore,
  ArrayExpression: commaAsBefore,
};
