import jscodeshift from 'jscodeshift';
import { describe, expect, it } from 'vitest';
import { indexOfRoot } from '../../transforms/lib/file-index.js';
import { parserFor } from '../../transforms/lib/parser.js';

type Node = any;

/** The declaration kind each `name` marked `/*@*\/name` resolves to, in order ('global' when none). */
function resolved(source: string): string[] {
  const root = jscodeshift.withParser(parserFor('ts'))(source);
  const index = indexOfRoot(root);
  const marks = [...source.matchAll(/\/\*@\*\/(\w+)/g)].map((m) => m.index! + 5);
  return marks.map((at) => {
    const id = index.nodes('Identifier').find((n: Node) => n.start === at);
    const declaration = index.resolve(id, index.pathOf(id));
    return declaration ? `${declaration.kind}@${declaration.id.loc.start.line}` : 'global';
  });
}

describe('file index binding table', () => {
  it('survives optional catch bindings and resolves catch parameters', () => {
    expect(resolved(`const e = 1;\ntry {} catch {}\ntry {} catch (e) { /*@*/e; }\n/*@*/e;`)).toEqual(['catch@3', 'const@1']);
  });

  it('scopes let/const to blocks and hoists var to the function', () => {
    const source = `let x = 1;\nfunction f() {\n  { var x = 2; let y = 3; }\n  /*@*/x; /*@*/y;\n}\n/*@*/x;`;
    expect(resolved(source)).toEqual(['var@3', 'global', 'let@1']);
  });

  it('declares destructured names, parameters, defaults, rest and loop heads', () => {
    const source = [
      `const { a, b: [c = 1, ...d] } = obj;`,
      `function g(p, { q } = {}, ...r) { return /*@*/p + /*@*/q + /*@*/r.length; }`,
      `for (const item of /*@*/d) /*@*/item;`,
      `/*@*/a; /*@*/c; /*@*/item;`,
    ].join('\n');
    expect(resolved(source)).toEqual(['param@2', 'param@2', 'param@2', 'const@1', 'const@3', 'const@1', 'const@1', 'global']);
  });

  it('puts a function declaration name outside and a function expression name inside', () => {
    const source = `function outer() {}\nconst h = function inner() { return /*@*/inner; };\n/*@*/outer; /*@*/inner;`;
    expect(resolved(source)).toEqual(['function@2', 'function@1', 'global']);
  });

  it('declares imports, import-equals, classes and enums', () => {
    const source = `import OpenAI from "openai";\nimport fs = require("fs");\nclass K {}\nenum E { A }\n/*@*/OpenAI; /*@*/fs; /*@*/K; /*@*/E;`;
    expect(resolved(source)).toEqual(['import@1', 'import@2', 'class@3', 'enum@4']);
  });

  it('walks into the type annotations of identifiers', () => {
    const source = `class K {}\nconst k: /*@*/K = new K();\nfunction f(x: /*@*/K) {}\nlet m: Map<string, /*@*/K>;`;
    expect(resolved(source)).toEqual(['class@1', 'class@1', 'class@1']);
  });

  it('resolves a node added after the walk through the scopes of its path', () => {
    const root = jscodeshift.withParser(parserFor('ts'))(`const a = 1;\nfunction f(a: number) {\n  g();\n}`);
    const index = indexOfRoot(root);
    const call = index.find('CallExpression')[0]!;
    const added = jscodeshift.identifier('a');
    call.get('arguments').push(added);
    const declaration = index.resolve(added, call.get('arguments', 0));
    expect(declaration && `${declaration.kind}@${declaration.id.loc.start.line}`).toBe('param@2');
  });
});
