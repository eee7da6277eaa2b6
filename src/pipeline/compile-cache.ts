/**
 * V8's code cache for the migrate engine's CommonJS dependencies (Babel's parser, recast, ast-types, jscodeshift).
 * A run pays for compiling them as it goes: Babel's parser alone is 530 kB of JavaScript whose functions compile
 * lazily, file after file. With the cache, a later run loads the bytecode the previous one compiled (bench/README.md:
 * 0.1–0.2 s a run).
 *
 * Node 22.1+ has this built in (`module.enableCompileCache`, ES modules included). On Node 20 the CommonJS loader's
 * compile step is wrapped for the packages of `CACHED_PACKAGES`: a module is compiled through `vm.Script` with the
 * cached data of the same source, and at exit the modules compiled without one write theirs, holding every function
 * the run compiled. Node 20 loses a script's dynamic `import()` when it comes from cached data, so only packages
 * without one are listed (test/cli/compile-cache.test.ts parses what they load to hold that). The cache lives with
 * the dependencies (`node_modules/.cache/openai-to-azure`, as Babel and ESLint keep theirs), keyed by the V8 version
 * and each file's path and content; a folder that cannot be written leaves the run as it was.
 * `OPENAI_TO_AZURE_COMPILE_CACHE=0` turns it off; a path puts it there.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { Module as NodeModule, createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Script } from 'node:vm';
import { threadId } from 'node:worker_threads';

type Compile = (this: CjsModule, content: string, filename: string, ...rest: unknown[]) => unknown;
interface CjsModule {
  exports: unknown;
  require(id: string): unknown;
}
interface ModuleInternals {
  prototype: { _compile: Compile };
  wrap(content: string): string;
  _resolveFilename(request: string, parent: CjsModule, isMain: boolean, options?: unknown): string;
  _resolveLookupPaths(request: string, parent: CjsModule): string[] | null;
  _extensions: unknown;
  _cache: unknown;
  enableCompileCache?: (dir?: string) => unknown;
}

const Module = NodeModule as unknown as ModuleInternals;

/** The migrate engine's CommonJS packages and what they load (a package's own `node_modules` not included): none calls `import()`. */
export const CACHED_PACKAGES: readonly string[] = [
  '@babel/parser',
  'ast-types',
  'commander',
  'ignore',
  'jscodeshift',
  'picocolors',
  'recast',
  'source-map',
  'tiny-invariant',
  'tslib',
  'yaml',
];
const CACHED_FILE = new RegExp(`[\\\\/]node_modules[\\\\/](?:${CACHED_PACKAGES.map((p) => p.replace(/[/.]/g, '\\$&')).join('|')})[\\\\/](?!.*[\\\\/]node_modules[\\\\/])`);

/** `node_modules/.cache/openai-to-azure/v8-<version>-<arch>` beside the dependencies this package runs on. */
function cacheFolder(setting: string | undefined): string {
  const version = `v8-${process.versions.v8}-${process.arch}`;
  if (setting) return join(setting, version);
  const jscodeshift = createRequire(import.meta.url).resolve('jscodeshift/package.json');
  return join(dirname(dirname(jscodeshift)), '.cache', 'openai-to-azure', version);
}

/** The `require` a module's wrapper gets, as Node's loader makes it for `mod`. */
function requireFor(mod: CjsModule): NodeJS.Require {
  const require = ((id: string) => mod.require(id)) as NodeJS.Require;
  const resolve = ((request: string, options?: unknown) => Module._resolveFilename(request, mod, false, options)) as NodeJS.RequireResolve;
  resolve.paths = (request: string) => Module._resolveLookupPaths(request, mod);
  require.resolve = resolve;
  require.main = process.mainModule;
  require.extensions = Module._extensions as NodeJS.RequireExtensions;
  require.cache = Module._cache as NodeJS.Dict<NodeJS.Module>;
  return require;
}

function wrapCommonJsCompile(folder: string): void {
  mkdirSync(folder, { recursive: true });
  const compile = Module.prototype._compile;
  const unsaved: { script: Script; file: string }[] = [];
  Module.prototype._compile = function (this: CjsModule, content, filename, ...rest) {
    // ES modules loaded by `require` and files of other packages go Node's way.
    const format = rest[0];
    if (!CACHED_FILE.test(filename) || (format !== undefined && format !== 'commonjs')) return compile.call(this, content, filename, ...rest);
    const file = join(folder, createHash('sha1').update(filename).update('\0').update(content).digest('hex'));
    let cachedData: Buffer | undefined;
    try {
      cachedData = readFileSync(file);
    } catch {
      // Not cached yet.
    }
    let script: Script;
    try {
      script = new Script(Module.wrap(content), { filename, cachedData });
    } catch {
      // Node's own compile reports the error.
      return compile.call(this, content, filename, ...rest);
    }
    if (cachedData === undefined || script.cachedDataRejected === true) unsaved.push({ script, file });
    const wrapper = script.runInThisContext({ displayErrors: true }) as (...args: unknown[]) => unknown;
    return wrapper.call(this.exports, this.exports, requireFor(this), this, filename, dirname(filename));
  };
  process.once('exit', () => {
    for (const { script, file } of unsaved) {
      try {
        // Per process and thread: workers of one run may write the same module's data at once.
        const temporary = `${file}.${process.pid}.${threadId}`;
        writeFileSync(temporary, script.createCachedData());
        renameSync(temporary, file);
      } catch {
        return;
      }
    }
  });
}

/** Turn the cache on for this thread (the CLI and its workers, before they load the engine). */
export function enableCompileCache(): void {
  const setting = process.env.OPENAI_TO_AZURE_COMPILE_CACHE;
  if (setting === '0') return;
  try {
    const folder = cacheFolder(setting);
    if (Module.enableCompileCache) Module.enableCompileCache(folder);
    else wrapCommonJsCompile(folder);
  } catch {
    // No cache: the run goes on as it would without one.
  }
}
