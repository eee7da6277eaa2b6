import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { FileFacts, ProjectFacts } from '../../src/core/index.js';

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
