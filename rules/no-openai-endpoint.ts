import type { TSESTree } from '@typescript-eslint/utils';
import { DISPLAY_VALUE_CARRIERS, findOpenAIHost, holdsSampleData, isDisplayAttribute, isOpenAIClaimName, mentionsOpenAIHost, namesProperty } from '../src/core/index.js';
import { TEXT_LANGUAGES, createRule } from './create-rule.js';
import { isStringPiece, sketchString } from './utils/static-string.js';
import type { TextDocument } from './languages/text.js';
import { isCommentLine, linesWithOffsets, locOf } from './utils/text-report.js';
import { mayHaveFindings } from './utils/relevance.js';
import { allowListSchema } from './utils/schema.js';

type Options = [{ allow: string[] }];

/** A host-free stand-in for parts of a string the rule cannot evaluate. */
const HIDDEN = '\u0000';

/**
 * The value of a JSX attribute that shows text to a person (`placeholder="https://api.openai.com/v1"`, through a
 * choice or a fallback: `placeholder={local ? a : b}`): prose.
 */
function isDisplayText(start: TSESTree.Node): boolean {
  let node = start;
  while (node.parent && DISPLAY_VALUE_CARRIERS.has(node.parent.type) && !(node.parent.type === 'ConditionalExpression' && node.parent.test === node)) {
    node = node.parent;
  }
  const parent = node.parent?.type === 'JSXExpressionContainer' ? node.parent.parent : node.parent;
  return parent?.type === 'JSXAttribute' && parent.name.type === 'JSXIdentifier' && isDisplayAttribute(parent.name.name);
}

export default createRule<Options, 'openaiEndpoint'>({
  name: 'no-openai-endpoint',
  meta: {
    type: 'problem',
    docs: {
      description: "Disallow OpenAI API endpoints (api.openai.com and its regional and mTLS hosts) in code and config",
      recommended: true,
      text: true,
    },
    languages: TEXT_LANGUAGES,
    messages: {
      openaiEndpoint:
        '{{host}} is OpenAI\'s API; call your Azure OpenAI resource instead (`${AZURE_OPENAI_ENDPOINT}/openai/v1/…`).',
    },
    schema: allowListSchema(
      'Regular expressions; a string (or text line) matching any of them is not reported, e.g. a mock-server fixture.',
    ),
    defaultOptions: [{ allow: [] }],
  },
  create(context, [{ allow }]) {
    if (!mayHaveFindings(context)) return {};
    const sourceCode = context.sourceCode;
    // A test file that exercises no OpenAI code holds OpenAI's URLs as sample data (migrate leaves them too).
    if (holdsSampleData(context.filename, sourceCode.text)) return {};
    const allowed = allow.map((source) => new RegExp(source, 'u'));
    const isAllowed = (text: string) => allowed.some((re) => re.test(text));

    /** One report per outermost string expression; constants are reported where they are declared. */
    function check(node: TSESTree.Node): void {
      if (isStringPiece(node) || isDisplayText(node) || (node.parent && namesProperty(node.parent, node))) return;
      const text = sketchString(node, sourceCode, {
        unknown: () => HIDDEN,
        constant: (value) => (mentionsOpenAIHost(value) ? HIDDEN : value),
      });
      const host = findOpenAIHost(text);
      if (host === undefined || isAllowed(text) || isOpenAIClaimName(text)) return;
      context.report({ node, messageId: 'openaiEndpoint', data: { host } });
    }

    return {
      Literal(node) {
        if (typeof node.value !== 'string' || node.parent.type === 'TSLiteralType') return;
        if (node.parent.type === 'ImportDeclaration' || node.parent.type === 'ExportNamedDeclaration') return;
        check(node);
      },
      TemplateLiteral: check,
      'BinaryExpression[operator="+"]': check,
      Document(node: TextDocument) {
        for (const { line, offset } of linesWithOffsets(node.value)) {
          // Like a comment in code: `# Default: https://api.openai.com` documents, it sends nothing.
          if (isCommentLine(line)) continue;
          const host = findOpenAIHost(line);
          if (host === undefined || isAllowed(line)) continue;
          const start = offset + line.indexOf(host);
          context.report({ loc: locOf(sourceCode, start, start + host.length), messageId: 'openaiEndpoint', data: { host } });
        }
      },
    };
  },
});
