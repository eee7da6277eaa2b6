import { readdirSync } from 'node:fs';
import path from 'node:path';
import { Project, ts } from 'ts-morph';
import { findConfigFile } from './tsconfig.js';

export interface VerifyInput {
  cwd: string;
  /** Changed files (absolute or relative to `cwd`) with their text before and after the rewrite. */
  files: { path: string; before: string; after: string }[];
}

export interface IntroducedDiagnostic {
  /** As given in the input. */
  path: string;
  /** 1-based, in the AFTER text. */
  line: number;
  code: number;
  message: string;
}

/**
 * Why the type check cannot judge the rewrite: packages the changed files import that do not resolve, Node's types
 * missing, or most files already failing before it. Nothing is "introduced" then: the CLI says what to install.
 */
export interface TypeEnvironment {
  /** Bare module specifiers that did not resolve, before or after the rewrite (`openai`, `@types/node`, …). */
  install: string[];
  /** One line per cause, for people. */
  problems: string[];
}

export interface VerifyResult {
  introduced: IntroducedDiagnostic[];
  /** After-rewrite errors not counted as introduced because another file had the same error (code, message) before. */
  preexisting: number;
  /** Set when the project's types are unusable; `introduced` is then empty. */
  environment?: TypeEnvironment;
  ms: number;
}

/** For a folder without a tsconfig.json: what a modern TS/JS project would use. */
const DEFAULT_OPTIONS: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  jsx: ts.JsxEmit.Preserve,
  strict: true,
  esModuleInterop: true,
  skipLibCheck: true,
  allowJs: true,
  noEmit: true,
};

/** What the type checker reads; other changed files (`.env.example`, JSON) are not its business. */
const SOURCE_FILE = /\.[cm]?[jt]sx?$/;

interface Checked {
  path: string;
  line: number;
  code: number;
  message: string;
  key: string;
}

/** "Cannot find module 'x'" (2307; 2792 is the same under a moduleResolution that could not look). */
const MODULE_NOT_FOUND = new Set([2307, 2792]);
/** "Cannot find name 'process'. Do you need to install type definitions for node?" and its variants. */
const NODE_TYPES_MISSING = new Set([2580, 2591]);
/** Fewer changed files than this say nothing about the environment as a whole. */
const MOST_FILES_MIN = 4;

/** The package to install for a bare specifier: `@scope/name/sub` → `@scope/name`; relative paths are not packages. */
function packageOf(message: string): string | undefined {
  const specifier = /'([^']+)'/.exec(message)?.[1];
  if (!specifier || specifier.startsWith('.') || specifier.startsWith('/')) return undefined;
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

function typeEnvironment(before: Checked[], after: Checked[], checkedFiles: number): TypeEnvironment | undefined {
  const install = new Set<string>();
  const problems: string[] = [];
  for (const d of [...before, ...after]) {
    if (MODULE_NOT_FOUND.has(d.code)) {
      const pkg = packageOf(d.message);
      if (pkg) install.add(pkg);
    } else if (NODE_TYPES_MISSING.has(d.code)) install.add('@types/node');
  }
  const modules = [...install].filter((m) => m !== '@types/node');
  if (modules.length > 0) problems.push(`module(s) not found: ${modules.join(', ')}`);
  if (install.has('@types/node')) problems.push("Node's types are missing (`process` has no type)");
  const failing = new Set(before.map((d) => d.path)).size;
  if (checkedFiles >= MOST_FILES_MIN && failing * 2 > checkedFiles) {
    problems.push(`${failing} of the ${checkedFiles} changed files already had type errors before the rewrite`);
  }
  return problems.length > 0 ? { install: [...install], problems } : undefined;
}

/**
 * `migrate --verify`: type-check the changed files with the project's own tsconfig.json (real types from
 * node_modules), once with their text before the rewrite and once after, in memory, and return the diagnostics the
 * rewrite introduced. Diagnostics are matched by file, code and message (lines move), counting repeats; an error
 * whose code and message some file already had before (a missing declaration, a broken tsconfig) is not the
 * rewrite's doing wherever it shows up after. An unusable type environment is reported instead of blamed on it.
 */
export async function verifyRewrite(input: VerifyInput): Promise<VerifyResult> {
  const started = performance.now();
  const files = input.files
    .filter((f) => SOURCE_FILE.test(f.path))
    .map((f) => ({ ...f, absolute: path.resolve(input.cwd, f.path) }));
  if (files.length === 0) return { introduced: [], preexisting: 0, ms: Math.round(performance.now() - started) };
  const configFile = findConfigFile(input.cwd);
  const project = configFile
    ? new Project({ tsConfigFilePath: configFile, skipAddingFilesFromTsConfig: true })
    : new Project({ compilerOptions: DEFAULT_OPTIONS });
  includeAutomaticTypes(project);

  const check = (text: (f: (typeof files)[number]) => string): Checked[] => {
    for (const f of files) project.createSourceFile(f.absolute, text(f), { overwrite: true });
    const program = project.getProgram().compilerObject;
    return files.flatMap((f) => {
      const sourceFile = program.getSourceFile(f.absolute);
      if (!sourceFile) return [];
      const diagnostics = [...program.getSyntacticDiagnostics(sourceFile), ...program.getSemanticDiagnostics(sourceFile)];
      return diagnostics.map((d) => {
        const message = ts.flattenDiagnosticMessageText(d.messageText, '\n');
        const line = sourceFile.getLineAndCharacterOfPosition(d.start ?? 0).line + 1;
        return { path: f.path, line, code: d.code, message, key: `${f.absolute}\0${d.code}\0${message}` };
      });
    });
  };

  const before = check((f) => f.before);
  const after = check((f) => f.after);
  const ms = Math.round(performance.now() - started);
  const environment = typeEnvironment(before, after, files.length);
  if (environment) return { introduced: [], preexisting: 0, environment, ms };

  const sameFile = new Map<string, number>();
  for (const d of before) sameFile.set(d.key, (sameFile.get(d.key) ?? 0) + 1);
  const seenBefore = new Set(before.map(causeOf));
  const introduced: IntroducedDiagnostic[] = [];
  let preexisting = 0;
  for (const { key, ...d } of after) {
    const left = sameFile.get(key) ?? 0;
    if (left > 0) sameFile.set(key, left - 1);
    else if (seenBefore.has(causeOf(d))) preexisting++;
    else introduced.push(d);
  }
  return { introduced, preexisting, ms };
}

/**
 * TypeScript before 6 includes every package of `node_modules/@types` (up the folders) when the tsconfig names no
 * `types`; TypeScript 6, which ts-morph runs, includes none. A project written for the former (most, with
 * `@types/node` installed and no `types`) gets the list it would have had, else every `process` read is an error and
 * the check cannot judge the rewrite.
 */
function includeAutomaticTypes(project: Project): void {
  const options = project.getCompilerOptions();
  if (options.types !== undefined) return;
  const names = (ts.getEffectiveTypeRoots(options, ts.sys) ?? []).flatMap((root) => {
    try {
      return readdirSync(root, { withFileTypes: true })
        .filter((entry) => (entry.isDirectory() || entry.isSymbolicLink()) && !entry.name.startsWith('.'))
        .map((entry) => entry.name);
    } catch {
      return [];
    }
  });
  if (names.length > 0) project.compilerOptions.set({ types: [...new Set(names)] });
}

/** The same error anywhere in the project: code and message, without the file. */
function causeOf(d: { code: number; message: string }): string {
  return `${d.code}\0${d.message}`;
}
