import path from 'node:path';
import { ts } from 'ts-morph';
import { OPENAI_SDK, isOpenAISubpath } from '../core/packages.js';
import { findConfigFile, readCompilerOptions } from './tsconfig.js';

interface ConfigContext {
  options: ts.CompilerOptions;
  cache: ts.ModuleResolutionCache;
  /** Whether bare specifiers can be project files (`paths` or `baseUrl` set). */
  aliases: boolean;
}

const SOURCE_FILE = /\.(?:[cm]?tsx?|[cm]?jsx?)$/;

/**
 * Resolves import specifiers to project source files with the importing file's nearest tsconfig (`paths`,
 * `baseUrl`). Bundler resolution regardless of the config's own mode: it accepts both `./x.js` and extensionless
 * `./x`, which is what we meet across projects, and never needs the package's `type`. Bare specifiers are only
 * tried when the config has aliases; anything in node_modules or a declaration file is not ours.
 */
export class ModuleResolver {
  private readonly configByDir = new Map<string, ConfigContext>();
  private readonly contextByConfig = new Map<string, ConfigContext>();
  private readonly resolved = new Map<string, string | undefined>();

  resolve(fromFile: string, specifier: string): string | undefined {
    if (specifier === OPENAI_SDK || isOpenAISubpath(specifier) || specifier.startsWith('node:')) return undefined;
    const context = this.contextFor(path.dirname(fromFile));
    const relative = specifier.startsWith('./') || specifier.startsWith('../') || specifier === '.' || specifier === '..';
    if (!relative && !context.aliases) return undefined;
    const key = `${path.dirname(fromFile)}\0${specifier}`;
    if (this.resolved.has(key)) return this.resolved.get(key);
    const result = ts.resolveModuleName(specifier, fromFile, context.options, ts.sys, context.cache).resolvedModule;
    const file =
      result &&
      !result.isExternalLibraryImport &&
      SOURCE_FILE.test(result.resolvedFileName) &&
      !/\.d\.[cm]?ts$/.test(result.resolvedFileName) &&
      !result.resolvedFileName.includes('/node_modules/')
        ? path.resolve(result.resolvedFileName)
        : undefined;
    this.resolved.set(key, file);
    return file;
  }

  private contextFor(dir: string): ConfigContext {
    let context = this.configByDir.get(dir);
    if (context) return context;
    const configFile = findConfigFile(dir) ?? '';
    context = this.contextByConfig.get(configFile);
    if (!context) {
      const own = configFile ? readCompilerOptions(configFile) : {};
      const options: ts.CompilerOptions = {
        ...own,
        module: ts.ModuleKind.ESNext,
        moduleResolution: ts.ModuleResolutionKind.Bundler,
        allowJs: true,
      };
      context = {
        options,
        cache: ts.createModuleResolutionCache(path.dirname(configFile || dir), (f) => f, options),
        aliases: own.paths !== undefined || own.baseUrl !== undefined,
      };
      this.contextByConfig.set(configFile, context);
    }
    this.configByDir.set(dir, context);
    return context;
  }
}
