import type { ParserOptions, ParserPlugin } from '@babel/parser';
import type { Parser } from 'jscodeshift';
import { babylon, tsOptions } from './cjs-deps.cjs';
import type { ParserName } from './parser-names.js';

/** Babel's `parse` with these options, through jscodeshift's wrapper (see cjs-deps.cts for why not `@babel/parser`). */
const babelParser = (options: ParserOptions): Parser => babylon(options) as Parser;

/**
 * jscodeshift's own TypeScript options (`.ts` allows `<T>x` casts, `.tsx` adds JSX). No `import.meta` anywhere under
 * transforms/: jscodeshift loads transforms through babel-register as CommonJS.
 */
function typescriptOptions(jsx: boolean, tokens: boolean): ParserOptions {
  return { ...tsOptions, tokens, plugins: jsx ? ['jsx', ...tsOptions.plugins] : tsOptions.plugins } as ParserOptions;
}

const JS_PLUGINS: ParserPlugin[] = [
  'jsx',
  'classProperties',
  'classPrivateProperties',
  'classPrivateMethods',
  ['decorators', { decoratorsBeforeExport: false }],
  'doExpressions',
  'exportDefaultFrom',
  'functionBind',
  'importMeta',
  'topLevelAwait',
  'importAttributes',
];

/** Plain JavaScript with JSX, Babel's AST (not ESTree) like the TS parsers, Flow only under an `@flow` pragma. */
function javascriptOptions(flow: boolean, tokens: boolean): ParserOptions {
  return {
    sourceType: 'unambiguous',
    allowImportExportEverywhere: true,
    allowReturnOutsideFunction: true,
    errorRecovery: false,
    tokens,
    plugins: flow ? [...JS_PLUGINS, ['flow', { all: true }], 'flowComments'] : JS_PLUGINS,
  };
}

export { parserNameFor, type ParserName } from './parser-names.js';

const OPTIONS: Readonly<Record<ParserName, (tokens: boolean) => ParserOptions>> = {
  ts: (tokens) => typescriptOptions(false, tokens),
  tsx: (tokens) => typescriptOptions(true, tokens),
  babel: (tokens) => javascriptOptions(false, tokens),
  flow: (tokens) => javascriptOptions(true, tokens),
};

const cache = new Map<ParserName, Parser>();

export function parserFor(name: ParserName): Parser {
  let parser = cache.get(name);
  if (!parser) cache.set(name, (parser = babelParser(OPTIONS[name](true))));
  return parser;
}

const plainCache = new Map<ParserName, Parser>();

/** The same parser without tokens: Babel's plain tree, for reading (recast needs the tokens only to reprint). */
export function plainParserFor(name: ParserName): Parser {
  let parser = plainCache.get(name);
  if (!parser) plainCache.set(name, (parser = babelParser(OPTIONS[name](false))));
  return parser;
}

const checkCache = new Map<ParserName, Parser>();

/**
 * The same parser without comments attached to nodes (a quarter less work): for asking whether a text parses at all
 * (the migrated output's safety net), not for reading its tree.
 */
export function checkParserFor(name: ParserName): Parser {
  let parser = checkCache.get(name);
  if (!parser) checkCache.set(name, (parser = babelParser({ ...OPTIONS[name](false), attachComment: false })));
  return parser;
}

/**
 * Errors Babel raises in a piece of a file only because the piece is cut from its context: a class's private names,
 * `super`, `new.target`, `yield` in a generator, `break`/`continue` in a loop. The whole file parsed, so in a piece
 * they are not errors; Babel recovers from them with the tree a whole-file parse gives.
 */
const CONTEXT_ERRORS: ReadonlySet<string> = new Set([
  'InvalidPrivateFieldResolution',
  'UnexpectedSuper',
  'SuperNotAllowed',
  'UnexpectedNewTarget',
  'YieldNotInGeneratorFunction',
  'IllegalBreakContinue',
]);

/**
 * The parser recast needs (with tokens) for a piece of a file that starts at offset `startIndex`: nodes get the
 * file's offsets, while lines and columns stay the piece's own (recast indexes its own copy of the text with them).
 * Errors that only the missing context causes are let through (a statement in a class method that reads
 * `this.#field` parses alone, not only with its whole class); any other error throws.
 */
export function fragmentParserFor(name: ParserName, startIndex: number): Parser {
  const parser = babelParser({ ...OPTIONS[name](true), startIndex, startColumn: 0, errorRecovery: true });
  return {
    parse(text: string) {
      const file = parser.parse(text) as { errors?: { reasonCode?: string }[] };
      const error = file.errors?.find((e) => !CONTEXT_ERRORS.has(e.reasonCode ?? ''));
      if (error) throw error;
      return file as never;
    },
  };
}
