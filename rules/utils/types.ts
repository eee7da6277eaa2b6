/**
 * Type-aware precision, used only when the parser has a TypeScript program (`recommended-type-checked`):
 * a value's class is known even when it was constructed in another file or typed on a parameter.
 */
import { ESLintUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import type * as ts from 'typescript';
import { OPENAI_SDK } from '../../src/core/index.js';

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

export interface TypeInfo {
  /** The `openai` class a value is an instance of (`OpenAI`, `AzureOpenAI`), if it is one. */
  instanceClass(node: TSESTree.Node): string | undefined;
  /** The `openai` class a constructor expression refers to (`new X()` where X is `OpenAI` re-exported elsewhere). */
  constructorClass(node: TSESTree.Node): string | undefined;
}

/** Declared by the `openai` package itself (its `.d.ts` files), not by a look-alike in the project. */
function fromOpenAIPackage(symbol: ts.Symbol | undefined): boolean {
  return (symbol?.declarations ?? []).some((d) =>
    d.getSourceFile().fileName.replace(/\\/g, '/').includes(`/node_modules/${OPENAI_SDK}/`),
  );
}

export function typeInfo(context: Context): TypeInfo | undefined {
  if (!context.sourceCode.parserServices?.program) return undefined;
  const services = ESLintUtils.getParserServices(context);
  const checker = services.program.getTypeChecker();
  const classOf = (type: ts.Type): string | undefined => {
    const symbol = type.getSymbol();
    return symbol && fromOpenAIPackage(symbol) ? symbol.getName() : undefined;
  };
  return {
    instanceClass(node) {
      const type = services.getTypeAtLocation(node);
      const types = type.isUnion() ? type.types : [type];
      return types.map(classOf).find((name) => name !== undefined);
    },
    constructorClass(node) {
      const signatures = services.getTypeAtLocation(node).getConstructSignatures();
      const instance = signatures[0]?.getReturnType();
      return instance ? classOf(checker.getApparentType(instance)) : undefined;
    },
  };
}
