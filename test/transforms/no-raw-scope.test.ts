import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * ast-types' scope machinery throws on `catch {}` without a binding (ast-types #944) and rescans per question:
 * transforms answer scope questions from transforms/lib/file-index.ts only.
 */
const RAW_SCOPE = /\.scope\??\.(lookup|getBindings|declares|isGlobal|scan)\b|\.scope\?\.|\bpath\.scope\b|\.getBindings\(|\.declares\(/;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

describe('scope questions', () => {
  it('no transform calls ast-types scope methods', () => {
    const offenders = sources('transforms').filter((file) => RAW_SCOPE.test(readFileSync(file, 'utf8')));
    expect(offenders).toEqual([]);
  });
});
