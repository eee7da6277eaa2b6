import { parse as babelParse, type ParserOptions, type ParserPlugin } from '@babel/parser';
import type { Parser } from 'jscodeshift';
import tsOptions from 'jscodeshift/parser/tsOptions.js';

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

const babelParser = (options: ParserOptions): Parser => ({
  parse: (source) => babelParse(source, options) as unknown as ReturnType<Parser['parse']>,
});

export type ParserName = 'ts' | 'tsx' | 'babel' | 'flow';

const EXTENSION_PARSERS: Readonly<Record<string, ParserName>> = {
  '.ts': 'ts',
  '.mts': 'ts',
  '.cts': 'ts',
  '.tsx': 'tsx',
  '.js': 'babel',
  '.jsx': 'babel',
  '.mjs': 'babel',
  '.cjs': 'babel',
};

export const SOURCE_EXTENSIONS: readonly string[] = Object.keys(EXTENSION_PARSERS);

function extensionOf(path: string): string {
  const dot = path.lastIndexOf('.');
  return dot === -1 ? '' : path.slice(dot).toLowerCase();
}

export function parserNameFor(path: string, source: string): ParserName | undefined {
  const name = EXTENSION_PARSERS[extensionOf(path)];
  return name === 'babel' && /^\s*(?:\/\/|\/\*+|\*)\s*@flow\b/m.test(source.slice(0, 2000)) ? 'flow' : name;
}

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

/**
 * The parser recast needs (with tokens) for a piece of a file that starts at offset `startIndex`: nodes get the
 * file's offsets, while lines and columns stay the piece's own (recast indexes its own copy of the text with them).
 */
export function fragmentParserFor(name: ParserName, startIndex: number): Parser {
  return babelParser({ ...OPTIONS[name](true), startIndex, startColumn: 0 });
}
