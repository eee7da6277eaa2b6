import jscodeshift, { type ASTPath } from 'jscodeshift';
import { describe, expect, it } from 'vitest';
import { parserFor } from '../../transforms/lib/parser.js';
import { findEach } from '../../transforms/lib/quiet-find.js';

type Node = any;

const j = jscodeshift.withParser(parserFor('tsx'));

const SOURCE = `
const client = new OpenAI({
  apiKey: process.env.KEY!,
  baseURL: \`https://\${host as string}/v1\`,
  fetch: async (url: string, init?: RequestInit): Promise<Response> => { const r = await fetch(url, { ...init }); return r; },
  defaultHeaders: { 'x-a': 'b', [name]: cond ? 1 : 2n },
  timeout: 20 * 1000,
  list: [1, , 'two', /re/g, null, <div a="b">{x}</div>],
  maker: class extends Base<T> { #p = 1; static m?(): void {} },
});
`;

/** Every own key in order (undefined values included), without positions: what recast's patcher compares. */
function shape(value: Node): unknown {
  if (Array.isArray(value)) return value.map(shape);
  if (!value || typeof value !== 'object') return value === undefined ? '<undefined>' : value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) if (!['loc', 'start', 'end', 'tokens', 'extra', 'comments'].includes(key)) out[key] = shape(value[key]);
  return out;
}

/** The options argument of `new OpenAI(…)`, in a fresh parse no find has walked yet. */
function options(): ASTPath<Node> {
  return j(SOURCE).paths()[0]!.get('program', 'body', 0, 'declarations', 0, 'init', 'arguments', 0);
}

describe('findEach', () => {
  it('leaves the tree as the finds it skips would (every default field, in the same order)', () => {
    const walked = options();
    for (const type of ['StringLiteral', 'TemplateLiteral']) j(walked).find((j as Node)[type]).forEach(() => {});
    const skipped = options();
    const visited: string[] = [];
    findEach(j, skipped, ['StringLiteral', 'TemplateLiteral'], () => false, (p) => visited.push(p.node.type));
    expect(visited).toEqual([]);
    expect(shape(skipped.node)).toEqual(shape(walked.node));
    // The finds do change the tree: a shape without them differs, so the comparison above can fail.
    expect(shape(options().node)).not.toEqual(shape(walked.node));
  });

  it('runs the finds, in their order, when a node can act', () => {
    const visited: string[] = [];
    findEach(j, options(), ['StringLiteral', 'TemplateLiteral'], (n) => n.type === 'StringLiteral' && n.value === 'two', (p) =>
      visited.push(p.node.type === 'StringLiteral' ? p.node.value : 'template'),
    );
    expect(visited).toEqual(['x-a', 'b', 'two', 'b', 'template']);
  });
});
