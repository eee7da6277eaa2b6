// Structural guarantees of transforms/, checked on the source text: what no transform may do.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * ast-types' scope machinery throws on `catch {}` without a binding (ast-types #944) and rescans per question:
 * transforms answer scope questions from transforms/lib/file-index.ts only.
 */
const RAW_SCOPE = /\.scope\??\.(lookup|getBindings|declares|isGlobal|scan)\b|\.scope\?\.|\bpath\.scope\b|\.getBindings\(|\.declares\(/;

/**
 * A jscodeshift `find` on the whole file builds a NodePath for every node, and ast-types' visitor writes each
 * node's missing fields in with their defaults, which makes recast reprint untouched code. Whole-file questions go
 * through the file index (`ctx.index.find/nodes/named`); `j(path).find` on a small subtree stays allowed.
 */
const WHOLE_TREE = /\broot\s*\.\s*find\s*\(|\.find\(\s*(?:ctx\.)?j\.Node\b/;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

const offenders = (pattern: RegExp): string[] => sources('transforms').filter((file) => pattern.test(readFileSync(file, 'utf8')));

describe('transforms/', () => {
  it('no transform calls ast-types scope methods', () => {
    expect(offenders(RAW_SCOPE)).toEqual([]);
  });

  it('no transform walks the whole file with a Collection find', () => {
    expect(offenders(WHOLE_TREE)).toEqual([]);
  });

  it('the patterns catch the forms they forbid', () => {
    for (const line of ['path.scope.lookup(name)', 'p.scope?.declares(x)']) expect(RAW_SCOPE.test(line)).toBe(true);
    for (const line of ['root.find(j.CallExpression)', 'ctx.root\n    .find(ctx.j.Identifier)', 'j(path).find(j.Node)']) expect(WHOLE_TREE.test(line)).toBe(true);
    expect(WHOLE_TREE.test('j(path).find(j.StringLiteral)')).toBe(false);
  });
});
