import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_OPTIONS, emptyFacts, type FileFacts, type MigrationOptions, type ProjectFacts } from '../../src/core/index.js';
import { buildProjectIndex } from '../../src/project/index.js';
import { TRANSFORMS } from '../../transforms/index.js';
import { runTransforms, type RunResult } from '../../transforms/lib/run.js';

export const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures/project');

export function fixture(name: string): string {
  return path.join(FIXTURES, name);
}

/** Every source file under a fixture, absolute. */
export function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return sourceFiles(file);
    return /\.[cm]?[jt]sx?$/.test(name) ? [file] : [];
  });
}

/** Facts keyed by path relative to the fixture, for readable expectations. */
export function relativeFacts(dir: string, facts: ProjectFacts): Record<string, FileFacts> {
  return Object.fromEntries(Object.entries(facts).map(([file, f]) => [path.relative(dir, file), f]));
}

/** One file of a fixture migrated as `migrate` would: every transform, with the facts the index over the fixture gives it. */
export async function migratedWithIndex(dir: string, file: string, options: Partial<MigrationOptions> = {}): Promise<RunResult> {
  const { facts } = await buildProjectIndex({ cwd: dir, candidates: sourceFiles(dir) });
  const abs = path.join(dir, file);
  return runTransforms(TRANSFORMS, {
    source: readFileSync(abs, 'utf8'),
    path: abs,
    options: { ...DEFAULT_OPTIONS, ...options },
    facts: facts[abs] ?? emptyFacts(),
  });
}
