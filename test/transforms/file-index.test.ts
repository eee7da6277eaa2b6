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

  it('leaves out of its lists a node replaced after the walk, and its subtree; pathOf says so', () => {
    const root = jscodeshift.withParser(parserFor('ts'))(`new OpenAI(opts);
new Other(OpenAI);
use(OpenAI, x);`);
    const index = indexOfRoot(root);
    const [first] = index.find('NewExpression');
    const callee = first!.node.callee;
    const args = first!.node.arguments[0];
    first!.get('callee').replace(jscodeshift.identifier('AzureOpenAI'));
    // The argument moves under a node built after the walk: the old links no longer reach it.
    first!.get('arguments', 0).replace(jscodeshift.objectExpression([jscodeshift.spreadElement(args)]));
    const names = (nodes: Node[]) => index.pathsOf(nodes).map((p) => `${p.node.name}@${p.node.loc.start.line}`);
    expect(names([...index.named('OpenAI')])).toEqual(['OpenAI@2', 'OpenAI@3']);
    expect(index.pathsOf([args])).toEqual([]);
    expect(index.find('Identifier', (n: Node) => n.name === 'opts')).toEqual([]);
    expect(() => index.pathOf(callee)).toThrow(/no longer in the tree/);
    expect(index.pathOf(index.named('x')[0]).node.name).toBe('x');
  });

  it('hands out a path again while it holds, and a fresh one once the tree moved under it', () => {
    const root = jscodeshift.withParser(parserFor('ts'))(`new OpenAI(opts);\nuse(a, b);\nlast();`);
    const index = indexOfRoot(root);
    const [construction] = index.find('NewExpression');
    const callee = construction!.node.callee;
    const calleePath = index.pathOf(callee);
    // The same object jscodeshift's own traversal reaches, and the same again.
    expect(root.find(jscodeshift.Identifier, { name: 'OpenAI' }).paths()[0]).toBe(calleePath);
    expect(index.pathOf(callee)).toBe(calleePath);
    // ast-types' replace repoints the path handed out: it no longer leads to the old node.
    calleePath.replace(jscodeshift.identifier('AzureOpenAI'));
    expect(() => index.pathOf(callee)).toThrow(/no longer in the tree/);
    // A direct assignment leaves the path's value stale.
    const opts = construction!.node.arguments[0];
    expect(index.pathOf(opts).node).toBe(opts);
    construction!.node.arguments[0] = jscodeshift.identifier('other');
    expect(index.pathsOf([opts])).toEqual([]);
    // A statement shifted in its array: through ast-types (which renames its cached paths), or behind its back.
    const last = index.find('CallExpression', (n: Node) => n.callee.name === 'last')[0]!.parent;
    const lastPath = index.pathOf(last.node);
    root.get('program', 'body').unshift(jscodeshift.emptyStatement());
    expect(index.pathOf(last.node)).toBe(lastPath);
    expect(lastPath.name).toBe(3);
    root.get('program', 'body').value.unshift(jscodeshift.emptyStatement());
    const moved = index.pathOf(last.node);
    expect(moved).not.toBe(lastPath);
    expect(moved).toBe(root.get('program', 'body', 4));
  });
});
