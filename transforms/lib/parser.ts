import { parse as babelParse, type ParserOptions, type ParserPlugin } from '@babel/parser';
import type { Parser } from 'jscodeshift';
import tsOptions from 'jscodeshift/parser/tsOptions.js';

/**
 * jscodeshift's own TypeScript options (`.ts` allows `<T>x` casts, `.tsx` adds JSX). No `import.meta` anywhere under
 * transforms/: jscodeshift loads transforms through babel-register as CommonJS.
 */
function typescriptParser(jsx: boolean, tokens = true): Parser {
  const options = { ...tsOptions, tokens, plugins: jsx ? ['jsx', ...tsOptions.plugins] : tsOptions.plugins } as ParserOptions;
  return { parse: (source) => babelParse(source, options) as unknown as ReturnType<Parser['parse']> };
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
  return { parse: (source) => babelParse(source, options) as unknown as ReturnType<Parser['parse']> };
}

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
