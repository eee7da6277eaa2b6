import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AI_SDK, azureReplacementFor, defaultsElsewhere, FALLBACK_EXPRESSIONS, isOpenAIEnvName, OPENAI_SDK } from '../src/core/index.js';
import { TEXT_LANGUAGES, createRule } from './create-rule.js';
import { clientTracker, servesOtherVendor } from './utils/clients.js';
import { mergeListeners } from './utils/listeners.js';
import { envGetterRead, envMemberName, envPattern, unmigratedConsumer } from './utils/env-reads.js';
import { staticKey } from './utils/scope.js';
import { basename } from 'node:path';
import type { TextDocument } from './languages/text.js';
import { isCommentLine, linesWithOffsets, locOf } from './utils/text-report.js';
import { mayHaveFindings } from './utils/relevance.js';
import { allowListSchema } from './utils/schema.js';

type Options = [{ allow: string[] }];
type MessageIds = 'replaceable' | 'obsolete' | 'openaiEnv' | 'useAzureEnv' | 'unmigratedConsumer';

/** `OPENAI_X=`, `OPENAI_X:`, `"OPENAI_X":` — a setting in `.env`, YAML, JSON or a Markdown snippet (not a mention in prose). */
const TEXT_SETTING = /(?<![\w$])(["']?)(OPENAI_[A-Z0-9_]+)\1\s*[:=](?!=)/g;

const JSON_FILE = /\.jsonc?$/i;

const FUNCTION_TYPES = new Set(['FunctionDeclaration', 'FunctionExpression', 'ArrowFunctionExpression']);

/** The function a node is in (a method's too), or the program: env-reads' `enclosingScope`. */
function scopeOf(node: TSESTree.Node): TSESTree.Node {
  let scope = node;
  while (scope.parent && !FUNCTION_TYPES.has(scope.type)) scope = scope.parent;
  return scope;
}

export default createRule<Options, MessageIds>({
  name: 'no-openai-env',
  meta: {
    type: 'suggestion',
    hasSuggestions: true,
    docs: {
      description: 'Disallow reading OpenAI environment variables (OPENAI_*) other than OPENAI_API_VERSION',
      recommended: true,
      text: true,
    },
    languages: TEXT_LANGUAGES,
    messages: {
      replaceable: '{{name}} configures OpenAI; on Azure OpenAI read {{replacement}} instead.',
      obsolete: '{{name}} has no meaning on Azure OpenAI; stop reading it.',
      openaiEnv: '{{name}} configures OpenAI directly; use an Azure OpenAI setting (AZURE_OPENAI_*) instead.',
      useAzureEnv: 'Read {{replacement}} instead.',
      unmigratedConsumer:
        '{{name}} is handed to {{package}}, which talks to OpenAI itself: move that code to Azure OpenAI before renaming the variable.',
    },
    schema: allowListSchema(
      'OPENAI_* names your own code owns (e.g. a feature flag) that are not OpenAI configuration.',
      { type: 'string', pattern: '^OPENAI_' },
    ),
    defaultOptions: [{ allow: [] }],
  },
  create(context, [{ allow }]) {
    if (!mayHaveFindings(context)) return {};
    const sourceCode = context.sourceCode;
    const flagged = (name: string | undefined): name is string =>
      name !== undefined && isOpenAIEnvName(name) && !allow.includes(name);

    /** Code reads, reported at the end: a name one read hands to an unmigrated library is that library's in the whole file. */
    const reads: { node: TSESTree.Node; name: string; fix?: (replacement: string) => TSESLint.ReportFixFunction; consumer?: string }[] = [];

    function report(node: TSESTree.Node, name: string, fix?: (replacement: string) => TSESLint.ReportFixFunction, consumer?: string) {
      if (consumer !== undefined) {
        context.report({ node, messageId: 'unmigratedConsumer', data: { name, package: consumer } });
        return;
      }
      const replacement = azureReplacementFor(name);
      if (typeof replacement === 'string') {
        context.report({
          node,
          messageId: 'replaceable',
          data: { name, replacement },
          suggest: fix ? [{ messageId: 'useAzureEnv', data: { replacement }, fix: fix(replacement) }] : [],
        });
      } else {
        context.report({ node, messageId: replacement === null ? 'obsolete' : 'openaiEnv', data: { name } });
      }
    }

    /** The new key for `process.env.X` / `process.env['X']`; a key computed from a constant gets no suggestion. */
    function memberFix(node: TSESTree.MemberExpression) {
      const prop = node.property;
      if (!node.computed && prop.type === 'Identifier') return (r: string) => (f: TSESLint.RuleFixer) => f.replaceText(prop, r);
      if (prop.type === 'Literal' || (prop.type === 'TemplateLiteral' && prop.expressions.length === 0)) {
        const quote = sourceCode.getText(prop)[0];
        return (r: string) => (f: TSESLint.RuleFixer) => f.replaceText(prop, `${quote}${r}${quote}`);
      }
      return undefined;
    }

    /** The `openai` SDK's clients and the AI SDK's providers, whose options say whom they serve. */
    const tracker = clientTracker(context, [OPENAI_SDK, AI_SDK.package]);
    /** The options of clients that serve another vendor (`servesOtherVendor`): the OpenAI variables they read are its settings. */
    function vendorOptions(): TSESTree.Node[] {
      return tracker
        .sites()
        .filter((site) => site.info.kind === 'openai' || Object.hasOwn(AI_SDK.factories, site.info.name))
        .flatMap((site) => (site.node.arguments[0] && servesOtherVendor(site.node.arguments[0], sourceCode) ? [site.node.arguments[0]] : []));
    }

    /**
     * A base URL read whose fallback is another URL (core `defaultsElsewhere`): that service's setting. Its function
     * (the program, for top-level code) is recorded: the reads beside it there are that service's too (migrate's
     * env-reads leaves them alike).
     */
    const otherServices = new Set<TSESTree.Node>();
    function fallsBackElsewhere(node: TSESTree.Node): boolean {
      let outer = node;
      while (FALLBACK_EXPRESSIONS.has(outer.parent?.type ?? '')) outer = outer.parent!;
      if (outer === node || !defaultsElsewhere(sourceCode.getText(outer))) return false;
      otherServices.add(scopeOf(node));
      return true;
    }
    /** Whether a read is within a function of `otherServices` (its callbacks too), or at the top of such a program. */
    function besideOtherService(node: TSESTree.Node): boolean {
      const own = scopeOf(node);
      return otherServices.has(own) || [...otherServices].some((s) => s.type !== 'Program' && s.range[0] <= own.range[0] && own.range[1] <= s.range[1]);
    }

    return mergeListeners(tracker.listeners, {
      MemberExpression(node) {
        const name = envMemberName(node, sourceCode);
        if (!flagged(name) || fallsBackElsewhere(node)) return;
        const parent = node.parent;
        // Writes (`process.env.OPENAI_API_KEY = …`, `delete …`) are setup code, not reads.
        if (parent.type === 'AssignmentExpression' && parent.left === node) return;
        if (parent.type === 'UnaryExpression' && parent.operator === 'delete') return;
        reads.push({ node, name, fix: memberFix(node), consumer: unmigratedConsumer(node, sourceCode) });
      },
      CallExpression(node) {
        const read = envGetterRead(node, sourceCode);
        if (!read || !flagged(read.name) || fallsBackElsewhere(node)) return;
        const quote = sourceCode.getText(read.argument)[0];
        const fix = (r: string) => (f: TSESLint.RuleFixer) => f.replaceText(read.argument, `${quote}${r}${quote}`);
        reads.push({ node, name: read.name, fix, consumer: unmigratedConsumer(node, sourceCode) });
      },
      VariableDeclarator(node) {
        const pattern = envPattern(node, sourceCode);
        if (!pattern) return;
        for (const prop of pattern.properties) {
          if (prop.type !== 'Property') continue;
          const name = staticKey(prop, sourceCode) ?? undefined;
          if (!flagged(name)) continue;
          const key = prop.key;
          const value = prop.value.type === 'AssignmentPattern' ? prop.value.left : prop.value;
          const consumer = value.type === 'Identifier' ? unmigratedConsumer(prop, sourceCode, value) : undefined;
          reads.push({ node: prop, name, fix: (r) => (f) => f.replaceText(key, prop.shorthand ? `${r}: ${name}` : r), consumer });
        }
      },
      'Program:exit'() {
        const byName = new Map<string, string>();
        for (const read of reads) if (read.consumer !== undefined && !byName.has(read.name)) byName.set(read.name, read.consumer);
        const vendors = reads.length > 0 ? vendorOptions() : [];
        const within = (node: TSESTree.Node) => vendors.some((o) => o.range[0] <= node.range[0] && node.range[1] <= o.range[1]);
        for (const read of reads) if (!within(read.node) && !besideOtherService(read.node)) report(read.node, read.name, read.fix, read.consumer ?? byName.get(read.name));
      },
      Document(node: TextDocument) {
        // In JSON a setting is a key (`"OPENAI_API_KEY": …`); `OPENAI_X=` inside a string is text, such as a command in a
        // message (a locale's "run `config set OPENAI_KEY=…`"), but for package.json's scripts, which run commands.
        const keysOnly = JSON_FILE.test(context.filename) && basename(context.filename) !== 'package.json';
        for (const { line, offset } of linesWithOffsets(node.value)) {
          if (isCommentLine(line)) continue;
          for (const m of line.matchAll(TEXT_SETTING)) {
            const name = m[2]!;
            if (!flagged(name) || (keysOnly && !(m[1] === '"' && m[0].endsWith(':')))) continue;
            const start = offset + m.index + m[1]!.length;
            const replacement = azureReplacementFor(name);
            const loc = locOf(sourceCode, start, start + name.length);
            if (typeof replacement === 'string') context.report({ loc, messageId: 'replaceable', data: { name, replacement } });
            else context.report({ loc, messageId: replacement === null ? 'obsolete' : 'openaiEnv', data: { name } });
          }
        }
      },
    });
  },
});
