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

/**
 * `migrate --verify`: type-check the changed files with the project's own tsconfig.json (real types from
 * node_modules), once with their text before the rewrite and once after, in memory, and return the diagnostics the
 * rewrite introduced. Diagnostics are matched by file, code and message (lines move), counting repeats.
 */
export async function verifyRewrite(input: VerifyInput): Promise<{ introduced: IntroducedDiagnostic[]; ms: number }> {
  const started = performance.now();
  const files = input.files
    .filter((f) => SOURCE_FILE.test(f.path))
    .map((f) => ({ ...f, absolute: path.resolve(input.cwd, f.path) }));
  if (files.length === 0) return { introduced: [], ms: Math.round(performance.now() - started) };
  const configFile = findConfigFile(input.cwd);
  const project = configFile
    ? new Project({ tsConfigFilePath: configFile, skipAddingFilesFromTsConfig: true })
    : new Project({ compilerOptions: DEFAULT_OPTIONS });

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

  const before = new Map<string, number>();
  for (const d of check((f) => f.before)) before.set(d.key, (before.get(d.key) ?? 0) + 1);
  const introduced: IntroducedDiagnostic[] = [];
  for (const { key, ...d } of check((f) => f.after)) {
    const left = before.get(key) ?? 0;
    if (left > 0) before.set(key, left - 1);
    else introduced.push(d);
  }
  return { introduced, ms: Math.round(performance.now() - started) };
}
