import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

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

describe('whole-tree walks', () => {
  it('no transform walks the whole file with a Collection find', () => {
    const offenders = sources('transforms').filter((file) => WHOLE_TREE.test(readFileSync(file, 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('the pattern catches the forms it forbids', () => {
    for (const line of ['root.find(j.CallExpression)', 'ctx.root\n    .find(ctx.j.Identifier)', 'j(path).find(j.Node)']) expect(WHOLE_TREE.test(line)).toBe(true);
    expect(WHOLE_TREE.test("j(path).find(j.StringLiteral)")).toBe(false);
  });
});
