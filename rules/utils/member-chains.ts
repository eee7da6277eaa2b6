/**
 * Follows a client value to the calls made on it: `client.chat.completions.create(…)`, through variables,
 * destructuring (`const { moderations } = client`), resource objects (`const c = client.chat.completions`),
 * `this.client` fields, `withOptions()` clones and client wrappers (`wrapOpenAI(client)`). Paths are member names
 * after the client (`chat.completions.create`).
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { wrappingCall } from './client-wrappers.js';
import { staticKey, variableOf } from './scope.js';

type SourceCode = Readonly<TSESLint.SourceCode>;

export interface ChainVisitor {
  /** A member reached (`client.moderations`, or a destructured `{ moderations }`); return false to stop there. */
  member?(path: readonly string[], node: TSESTree.Node): boolean;
  /** A call on a member path (`client.chat.completions.create(…)`). */
  call?(path: readonly string[], node: TSESTree.CallExpression): void;
}

const PASS_THROUGH = new Set(['TSNonNullExpression', 'TSAsExpression', 'TSSatisfiesExpression', 'TSTypeAssertion', 'ChainExpression']);

export class ChainWalker {
  private readonly seen = new Set<TSESTree.Node>();

  constructor(
    private readonly sourceCode: SourceCode,
    private readonly visitor: ChainVisitor,
  ) {}

  /** Walks the uses of `node` (an expression holding a client, or a member path of one). */
  from(node: TSESTree.Node, path: readonly string[] = []): void {
    if (this.seen.has(node)) return;
    this.seen.add(node);
    let n = node;
    while (n.parent && (PASS_THROUGH.has(n.parent.type) || isBranch(n.parent, n))) n = n.parent;
    const parent = n.parent;
    if (!parent) return;
    switch (parent.type) {
      case 'MemberExpression': {
        if (parent.object !== n) return;
        const key = staticKey(parent, this.sourceCode);
        if (key === null) return;
        const next = [...path, key];
        if (this.visitor.member?.(next, parent) === false) return;
        this.from(parent, next);
        return;
      }
      case 'CallExpression':
        if (parent.callee !== n) {
          // wrapOpenAI(client) returns the client, wrapped.
          const wrapper = wrappingCall(n, this.sourceCode);
          if (wrapper) this.from(wrapper, path);
          return;
        }
        // client.withOptions({...}) is a clone bound to the same resource.
        if (path.at(-1) === 'withOptions') this.from(parent, path.slice(0, -1));
        else this.visitor.call?.(path, parent);
        return;
      case 'VariableDeclarator':
        if (parent.init === n) this.pattern(parent.id, path);
        return;
      case 'AssignmentExpression':
        if (parent.right === n) this.pattern(parent.left, path);
        return;
      case 'Property': {
        // Instructor({ client }) returns the client, wrapped.
        const wrapper = wrappingCall(n, this.sourceCode);
        if (wrapper) this.from(wrapper, path);
        return;
      }
      case 'PropertyDefinition':
        if (parent.value === n && !parent.computed) this.thisMembers(parent, staticKey(parent, this.sourceCode), path);
        return;
      default:
    }
  }

  private pattern(node: TSESTree.Node, path: readonly string[]): void {
    switch (node.type) {
      case 'Identifier':
        for (const ref of variableOf(this.sourceCode, node)?.references ?? []) {
          if (ref.isRead() && ref.identifier !== node) this.from(ref.identifier, path);
        }
        return;
      case 'ObjectPattern':
        for (const prop of node.properties) {
          if (prop.type !== 'Property') continue;
          const key = staticKey(prop, this.sourceCode);
          if (key === null) continue;
          const next = [...path, key];
          if (this.visitor.member?.(next, prop) !== false) this.pattern(prop.value, next);
        }
        return;
      case 'AssignmentPattern':
        this.pattern(node.left, path);
        return;
      case 'MemberExpression':
        if (node.object.type === 'ThisExpression') this.thisMembers(node, staticKey(node, this.sourceCode), path);
        return;
      default:
    }
  }

  /** Reads of `this.<name>` in the class around `at`. */
  private thisMembers(at: TSESTree.Node, name: string | null, path: readonly string[]): void {
    if (name === null) return;
    let body: TSESTree.Node | undefined = at.parent;
    while (body && body.type !== 'ClassBody') body = body.parent;
    if (!body) return;
    const keys = this.sourceCode.visitorKeys as Record<string, readonly string[] | undefined>;
    const visit = (node: TSESTree.Node): void => {
      if (
        node.type === 'MemberExpression' &&
        node.object.type === 'ThisExpression' &&
        staticKey(node, this.sourceCode) === name &&
        !(node.parent?.type === 'AssignmentExpression' && node.parent.left === node)
      ) {
        this.from(node, path);
      }
      for (const key of keys[node.type] ?? []) {
        const child = (node as unknown as Record<string, unknown>)[key];
        for (const c of Array.isArray(child) ? child : [child]) {
          if (c && typeof (c as TSESTree.Node).type === 'string') visit(c as TSESTree.Node);
        }
      }
    };
    visit(body);
  }
}

/** `a ? client : other`, `client ?? other`: the value may be the client. */
function isBranch(parent: TSESTree.Node, child: TSESTree.Node): boolean {
  if (parent.type === 'LogicalExpression') return true;
  return parent.type === 'ConditionalExpression' && parent.test !== child;
}
