import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { OPENAI_SDK, isOpenAISubpath } from '../core/packages.js';
import { findConfigFile, readAliasOptions, type AliasOptions } from './tsconfig.js';

interface ConfigContext {
  options: AliasOptions;
  /** Whether bare specifiers can be project files (`paths` or `baseUrl` set). */
  aliases: boolean;
}

const SOURCE_FILE = /\.(?:[cm]?tsx?|[cm]?jsx?)$/;
const DECLARATION = /\.d\.[cm]?ts$/;

/**
 * Extensions TypeScript tries for a module path by the extension it was written with (bundler resolution: TS, then
 * declarations, then JS): `./x.js` finds `x.ts` first. Keyed by that extension; `''` for none.
 */
const TRIED: Readonly<Record<string, readonly string[]>> = {
  '': ['.ts', '.tsx', '.d.ts', '.js', '.jsx'],
  '.ts': ['.ts', '.tsx', '.d.ts', '.js', '.jsx'],
  '.d.ts': ['.ts', '.tsx', '.d.ts', '.js', '.jsx'],
  '.js': ['.ts', '.tsx', '.d.ts', '.js', '.jsx'],
  '.tsx': ['.tsx', '.ts', '.d.ts', '.jsx', '.js'],
  '.jsx': ['.tsx', '.ts', '.d.ts', '.jsx', '.js'],
  '.mts': ['.mts', '.d.mts', '.mjs'],
  '.d.mts': ['.mts', '.d.mts', '.mjs'],
  '.mjs': ['.mts', '.d.mts', '.mjs'],
  '.cts': ['.cts', '.d.cts', '.cjs'],
  '.d.cts': ['.cts', '.d.cts', '.cjs'],
  '.cjs': ['.cts', '.d.cts', '.cjs'],
  '.json': ['.d.json.ts', '.json'],
};
const KNOWN_EXTENSION = /(?:\.d\.[cm]?ts|\.[cm]?[jt]sx?|\.json)$/;
/** TypeScript sources and declarations: a package.json field naming one is taken as written. */
const TS_FILE = /\.(?:[cm]?tsx?|d\.[cm]?ts)$/;

/**
 * Resolves import specifiers to project source files with the importing file's nearest tsconfig (`paths`,
 * `baseUrl`), the way TypeScript's bundler resolution does, without loading TypeScript: it accepts both `./x.js` and
 * extensionless `./x`, which is what we meet across projects, and never needs the package's `type`. Bare specifiers
 * are only tried when the config has aliases; anything in node_modules or a declaration file is not ours.
 */
export class ModuleResolver {
  private readonly configByDir = new Map<string, ConfigContext>();
  private readonly contextByConfig = new Map<string, ConfigContext>();
  private readonly resolved = new Map<string, string | undefined>();
  /** Directory listings: file names and subdirectory names (one `readdir` per directory instead of a stat per try). */
  private readonly listings = new Map<string, { files: Set<string>; dirs: Set<string> }>();

  resolve(fromFile: string, specifier: string): string | undefined {
    if (specifier === OPENAI_SDK || isOpenAISubpath(specifier) || specifier.startsWith('node:')) return undefined;
    const dir = path.dirname(fromFile);
    const context = this.contextFor(dir);
    const relative = specifier.startsWith('./') || specifier.startsWith('../') || specifier === '.' || specifier === '..';
    if (!relative && !context.aliases) return undefined;
    const key = `${dir}\0${specifier}`;
    if (this.resolved.has(key)) return this.resolved.get(key);
    const found = relative || path.isAbsolute(specifier) ? this.loadPath(path.resolve(dir, specifier), isDirectorySpecifier(specifier)) : this.loadAlias(specifier, context.options);
    const file = found && SOURCE_FILE.test(found) && !DECLARATION.test(found) && !found.includes('/node_modules/') ? path.resolve(found) : undefined;
    this.resolved.set(key, file);
    return file;
  }

  /** A bare specifier through `paths` (the exact key, else the matching pattern with the longest prefix), then `baseUrl`. */
  private loadAlias(specifier: string, options: AliasOptions): string | undefined {
    const base = options.baseUrl ?? options.pathsBase;
    if (options.paths && base !== undefined) {
      const match = matchPaths(Object.keys(options.paths), specifier);
      if (match) {
        const substitutions: unknown = options.paths[match.pattern];
        for (const substitution of Array.isArray(substitutions) ? substitutions : []) {
          if (typeof substitution !== 'string') continue;
          const candidate = path.resolve(base, match.star ? substitution.replace('*', match.star) : substitution);
          if (KNOWN_EXTENSION.test(substitution) && this.isFile(candidate)) return candidate;
          const found = this.loadPath(candidate, false);
          if (found) return found;
        }
      }
    }
    return options.baseUrl === undefined ? undefined : this.loadPath(path.resolve(options.baseUrl, specifier), false);
  }

  /** A module path as a file (its extension replaced, then extensions added), else as a directory. */
  private loadPath(candidate: string, directoryOnly: boolean): string | undefined {
    return (directoryOnly ? undefined : this.loadFile(candidate)) ?? this.loadDirectory(candidate);
  }

  private loadFile(candidate: string): string | undefined {
    const name = path.basename(candidate);
    if (name.includes('.')) {
      const known = KNOWN_EXTENSION.exec(name)?.[0];
      const extension = known ?? name.slice(name.lastIndexOf('.'));
      const found = this.tryExtensions(candidate.slice(0, -extension.length), extension);
      if (found) return found;
    }
    return this.tryExtensions(candidate, '');
  }

  private tryExtensions(stem: string, written: string): string | undefined {
    const tried = TRIED[written] ?? (DECLARATION.test(stem + written) ? [] : [`.d${written}.ts`]);
    for (const extension of tried) if (this.isFile(stem + extension)) return stem + extension;
    return undefined;
  }

  /** A directory: the file its package.json names (`typings`, else `types`, else `main`), else its `index`. */
  private loadDirectory(dir: string): string | undefined {
    if (!this.isDirectory(dir)) return undefined;
    const manifest = this.isFile(path.join(dir, 'package.json')) ? readManifest(path.join(dir, 'package.json')) : undefined;
    const entry = [manifest?.typings, manifest?.types, manifest?.main].find((field) => typeof field === 'string');
    return (typeof entry === 'string' ? this.loadPackageEntry(path.resolve(dir, entry)) : undefined) ?? this.loadFile(path.join(dir, 'index'));
  }

  /** A package.json entry: a TS file as written; another with its extension replaced; then as a module path. */
  private loadPackageEntry(target: string): string | undefined {
    const name = path.basename(target);
    let found: string | undefined;
    if (TS_FILE.test(name)) found = this.isFile(target) ? target : undefined;
    else if (name.includes('.')) {
      const extension = KNOWN_EXTENSION.exec(name)?.[0] ?? name.slice(name.lastIndexOf('.'));
      found = this.tryExtensions(target.slice(0, -extension.length), extension);
    }
    return found ?? this.loadFile(target) ?? (this.isDirectory(target) ? this.loadFile(path.join(target, 'index')) : undefined);
  }

  private listing(dir: string): { files: Set<string>; dirs: Set<string> } {
    let listing = this.listings.get(dir);
    if (listing) return listing;
    listing = { files: new Set(), dirs: new Set() };
    try {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const kind = entry.isSymbolicLink() ? statKind(path.join(dir, entry.name)) : entry.isDirectory() ? 'dir' : entry.isFile() ? 'file' : undefined;
        if (kind === 'file') listing.files.add(entry.name);
        else if (kind === 'dir') listing.dirs.add(entry.name);
      }
    } catch {
      // A missing or unreadable directory holds nothing.
    }
    this.listings.set(dir, listing);
    return listing;
  }

  private isFile(file: string): boolean {
    return this.listing(path.dirname(file)).files.has(path.basename(file));
  }

  private isDirectory(dir: string): boolean {
    const parent = path.dirname(dir);
    return parent === dir || this.listing(parent).dirs.has(path.basename(dir));
  }

  private contextFor(dir: string): ConfigContext {
    let context = this.configByDir.get(dir);
    if (context) return context;
    const parent = path.dirname(dir);
    // The nearest config: this folder's own, else its parent's context (each folder on the way asked once).
    const configFile = findConfigFile(dir, false);
    if (configFile === undefined && parent !== dir) {
      context = this.contextFor(parent);
      this.configByDir.set(dir, context);
      return context;
    }
    context = this.contextByConfig.get(configFile ?? '');
    if (!context) {
      const options = configFile ? readAliasOptions(configFile) : {};
      context = { options, aliases: options.paths !== undefined || options.baseUrl !== undefined };
      this.contextByConfig.set(configFile ?? '', context);
    }
    this.configByDir.set(dir, context);
    return context;
  }
}

/** `.`, `..`, `./x/`: TypeScript only looks for a directory. */
function isDirectorySpecifier(specifier: string): boolean {
  return specifier.endsWith('/') || /(?:^|\/)\.\.?$/.test(specifier);
}

function statKind(file: string): 'file' | 'dir' | undefined {
  try {
    const stat = statSync(file);
    return stat.isFile() ? 'file' : stat.isDirectory() ? 'dir' : undefined;
  } catch {
    return undefined;
  }
}

function readManifest(file: string): { typings?: unknown; types?: unknown; main?: unknown } | undefined {
  try {
    const manifest: unknown = JSON.parse(readFileSync(file, 'utf8'));
    return typeof manifest === 'object' && manifest !== null ? manifest : undefined;
  } catch {
    return undefined;
  }
}

/** TypeScript's `paths` matching: an exact key wins, else the `prefix*suffix` key with the longest prefix. */
function matchPaths(patterns: string[], specifier: string): { pattern: string; star?: string } | undefined {
  if (patterns.includes(specifier)) return { pattern: specifier };
  let best: { pattern: string; star: string; prefix: number } | undefined;
  for (const pattern of patterns) {
    const star = pattern.indexOf('*');
    if (star === -1 || pattern.indexOf('*', star + 1) !== -1) continue;
    const prefix = pattern.slice(0, star);
    const suffix = pattern.slice(star + 1);
    if (specifier.length < prefix.length + suffix.length || !specifier.startsWith(prefix) || !specifier.endsWith(suffix)) continue;
    if (!best || prefix.length > best.prefix) best = { pattern, star: specifier.slice(prefix.length, specifier.length - suffix.length), prefix: prefix.length };
  }
  return best;
}
