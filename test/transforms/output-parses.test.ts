import { describe, expect, it } from 'vitest';
import { DEFAULT_OPTIONS } from '../../src/core/index.js';
import { blanked, untouchedInsides } from '../../transforms/lib/check-text.js';
import { plainParserFor } from '../../transforms/lib/parser.js';
import { snapshot } from '../../transforms/lib/regions.js';
import { runTransforms } from '../../transforms/lib/run.js';
import type { Transform } from '../../transforms/lib/types.js';

/** A transform that declares a name the file already declares: its output does not parse. */
const redeclares: Transform = {
  name: 'redeclares',
  apply(ctx) {
    const body = ctx.root.get().node.program.body;
    body.unshift(ctx.j.template.statement([`const client = 1;\n`]));
    ctx.change(body[1], 'client');
  },
};

describe('the migrated code parses', () => {
  for (const wholeFile of [false, true]) {
    it(`throws rather than hand back an output that does not parse (${wholeFile ? 'whole file' : 'regions'})`, () => {
      const source = "import OpenAI from 'openai';\n\nconst client = new OpenAI();\n";
      const run = () => runTransforms([redeclares], { source, path: 'a.mjs', options: DEFAULT_OPTIONS, wholeFile });
      expect(run).toThrow(/the migrated code would not parse \(Identifier 'client' has already been declared\. \(4:6\)\): the file is left as it was/);
    });
  }
});

/** A transform that renames the last declaration in the body of function `f` to `a`: only that name is printed. */
const redeclaresInBody: Transform = {
  name: 'redeclares-in-body',
  apply(ctx) {
    const f = ctx.root.get().node.program.body.find((s: { id?: { name: string } }) => s.id?.name === 'f');
    const last = f.body.body[f.body.body.length - 1];
    last.declarations[0].id = ctx.j.identifier('a');
    ctx.change(last, 'rename');
  },
};

describe('the check parses the output with the untouched insides of functions and literals blanked', () => {
  const run = (source: string) => () => runTransforms([redeclaresInBody], { source, path: 'a.ts', options: DEFAULT_OPTIONS });

  it('still fails a body a region touches, beside bodies left alone', () => {
    const source = 'function g() {\n  const a = 1;\n  return () => { let b; };\n}\n\nfunction f() {\n  const a = 1;\n  const b = 2;\n}\n';
    expect(run(source)).toThrow(/Identifier 'a' has already been declared\. \(8:8\)/);
  });

  it('lets an output through whose untouched bodies declare the same names', () => {
    const source = 'function g() {\n  const a = 1;\n}\n\nfunction f() {\n  const b = 1;\n}\n';
    const result = run(source)();
    expect(result.output).toBe('function g() {\n  const a = 1;\n}\n\nfunction f() {\n  const a = 1;\n}\n');
    expect(result).not.toHaveProperty('check');
  });
});

describe('untouchedInsides', () => {
  const bodies = (source: string, printed: { start: number; end: number }[], parser: 'ts' | 'tsx' = 'ts') => {
    const snaps = snapshot(plainParserFor(parser).parse(source));
    return untouchedInsides(snaps, printed).map(([start, end]) => source.slice(start - 1, end + 1));
  };
  const source = "function a() { x(); }\nconst b = () => { function c() { 'use strict'; y(); } z(); };\nclass D { m() { w(); } }\n";

  it('gives the outermost bodies no printed region touches, not the braces, and none with a directive', () => {
    expect(bodies(source, [])).toEqual(['{ x(); }', "{ function c() { 'use strict'; y(); } z(); }", '{ w(); }']);
  });

  it('keeps a body a region or an insertion falls in, and gives the bodies inside it', () => {
    const z = source.indexOf('z()');
    expect(bodies(source, [{ start: z, end: z + 3 }])).toEqual(['{ x(); }', '{ w(); }']);
    const x = source.indexOf('x()');
    expect(bodies(source, [{ start: x, end: x }])).toEqual(["{ function c() { 'use strict'; y(); } z(); }", '{ w(); }']);
    // A region on a method's key leaves its body as the file had it; one over the whole method does not.
    const m = source.indexOf('m()');
    expect(bodies(source, [{ start: m, end: m + 1 }])).toEqual(['{ x(); }', "{ function c() { 'use strict'; y(); } z(); }", '{ w(); }']);
    expect(bodies(source, [{ start: m, end: source.indexOf(' }\n', m) + 2 }])).toEqual(['{ x(); }', "{ function c() { 'use strict'; y(); } z(); }"]);
  });

  it('gives the insides of object and array literals and of JSX elements and fragments', () => {
    const jsx = 'const o = { a: [1, 2], f() { return 1; } };\nconst e = <div><span>{[3]}</span></div>;\nconst g = <>{o}</>;\nconst h = <br />;\n';
    expect(bodies(jsx, [], 'tsx')).toEqual(['{ a: [1, 2], f() { return 1; } }', '><span>{[3]}</span><', '>{o}<']);
    const two = jsx.indexOf('2');
    expect(bodies(jsx, [{ start: two, end: two + 1 }], 'tsx')).toEqual(['{ return 1; }', '><span>{[3]}</span><', '>{o}<']);
  });

  it('reads the snapshot in any order (a tree need not list its nodes in source order)', () => {
    const source = 'const o = { a: [1, 2] };\nfunction f() { g({ b: 3 }); }\n';
    const snaps = snapshot(plainParserFor('ts').parse(source));
    const reversed = new Map([...snaps].reverse());
    const three = source.indexOf('3');
    for (const printed of [[], [{ start: three, end: three + 1 }]]) expect(untouchedInsides(reversed, printed)).toEqual(untouchedInsides(snaps, printed));
    expect(untouchedInsides(reversed, [{ start: three, end: three + 1 }]).map(([start, end]) => source.slice(start - 1, end + 1))).toEqual(['{ a: [1, 2] }']);
  });

  it('blanks every character but line breaks', () => {
    expect(blanked('f() {\n  a;\n}', [[5, 10]])).toBe('f() {\n    \n}');
  });
});
