import type { ParserOptions, ParserPlugin } from '@babel/parser';
import type { Parser } from 'jscodeshift';
import babylon from 'jscodeshift/parser/babylon.js';
import tsOptions from 'jscodeshift/parser/tsOptions.js';
import type { ParserName } from './parser-names.js';

/**
 * Babel's `parse` with these options, through jscodeshift's wrapper (it hands any options to `@babel/parser`).
 * Not an `import` of `@babel/parser`: Node would first scan that 530 kB CommonJS file for its export names (about
 * 0.3 s, in every thread that parses); the wrapper `require`s it, which skips the scan.
 */
const babelParser = (options: ParserOptions): Parser => babylon(options) as Parser;

/**
 * jscodeshift's own TypeScript options (`.ts` allows `<T>x` casts, `.tsx` adds JSX). No `import.meta` anywhere under
 * transforms/: jscodeshift loads transforms through babel-register as CommonJS.
 */
function typescriptParser(jsx: boolean, tokens = true): Parser {
  return babelParser({ ...tsOptions, tokens, plugins: jsx ? ['jsx', ...tsOptions.plugins] : tsOptions.plugins });
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
function javascriptParser(flow: boolean, tokens = true): Parser {
  const options: ParserOptions = {
    sourceType: 'unambiguous',
    allowImportExportEverywhere: true,
    allowReturnOutsideFunction: true,
    errorRecovery: false,
    tokens,
    plugins: flow ? [...JS_PLUGINS, ['flow', { all: true }], 'flowComments'] : JS_PLUGINS,
  };
  return babelParser(options);
}

export { parserNameFor, type ParserName } from './parser-names.js';

const PARSERS: Readonly<Record<ParserName, () => Parser>> = {
  ts: () => typescriptParser(false),
  tsx: () => typescriptParser(true),
  babel: () => javascriptParser(false),
  flow: () => javascriptParser(true),
};

const cache = new Map<ParserName, Parser>();

export function parserFor(name: ParserName): Parser {
  let parser = cache.get(name);
  if (!parser) cache.set(name, (parser = PARSERS[name]()));
  return parser;
}

const PLAIN_PARSERS: Readonly<Record<ParserName, () => Parser>> = {
  ts: () => typescriptParser(false, false),
  tsx: () => typescriptParser(true, false),
  babel: () => javascriptParser(false, false),
  flow: () => javascriptParser(true, false),
};

const plainCache = new Map<ParserName, Parser>();

/** The same parser without tokens: Babel's plain tree, for reading (recast needs the tokens only to reprint). */
export function plainParserFor(name: ParserName): Parser {
  let parser = plainCache.get(name);
  if (!parser) plainCache.set(name, (parser = PLAIN_PARSERS[name]()));
  return parser;
}
