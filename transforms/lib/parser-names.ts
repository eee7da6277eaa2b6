/**
 * Which parser reads which file, by extension (and an `@flow` pragma). Apart from parser.ts so discovery can ask
 * which files are source without loading Babel: a run with no candidate never needs it.
 */
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
