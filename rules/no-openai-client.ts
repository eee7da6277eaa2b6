import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import {
  AGENTS_CLIENT_CONFIG,
  AGENTS_DIRECT,
  AGENTS_MODEL_FIELD,
  AGENTS_MODEL_OBJECTS,
  AGENTS_OPENAI_PACKAGE,
  AGENTS_PACKAGE,
  AGENTS_REALTIME_PACKAGES,
  AGENTS_SANDBOX_PACKAGE,
  AI_SDK,
  connectsRealtimeToAzure,
  AZURE_REQUEST_OPTIONS,
  DIRECT_OPENAI_WRAPPERS,
  LANGCHAIN_KEY_FIELDS,
  LANGCHAIN_LEGACY_ENTRYPOINTS,
  LANGCHAIN_PACKAGE,
  LANGCHAIN_SDK_CLIENT,
  LEGACY_CLIENTS,
  OPENAI_SDK,
  OPENAI_WRAPPERS,
  ROUTED_MODEL_KEYS,
  isModuleMock,
  isRoutedOpenAIId,
  modelRouterIn,
  isSpecifierOf,
} from '../src/core/index.js';
import { JS_LANGUAGES, createRule } from './create-rule.js';
import { baseURLTarget, clientTracker, readsVendorOption, servesOtherVendor, type ClientSite } from './utils/clients.js';
import { mergeListeners } from './utils/listeners.js';
import { assignedLater, hasOptionMatching, lookupOption } from './utils/options-object.js';
import { constantInit, unwrap } from './utils/scope.js';
import { typeInfo } from './utils/types.js';
import { mayHaveFindings } from './utils/relevance.js';

type Options = [{ wrappers: boolean }];

type MessageIds = 'openaiClient' | 'legacyClient' | 'wrapperClient' | 'routedModel' | 'useAzureOpenAI';

export default createRule<Options, MessageIds>({
  name: 'no-openai-client',
  meta: {
    type: 'problem',
    hasSuggestions: true,
    docs: {
      description: 'Disallow clients that talk to OpenAI directly instead of Azure OpenAI',
      recommended: true,
      typeAware: true,
    },
    languages: JS_LANGUAGES,
    messages: {
      openaiClient:
        'This {{name}} client talks to OpenAI directly; use AzureOpenAI, or OpenAI with an Azure `/openai/v1/` baseURL.',
      legacyClient: '{{name}} ({{module}}) is a legacy client that talks to OpenAI directly; migrate it (npx openai-to-azure migrate).',
      wrapperClient: '{{name}} from {{module}} talks to OpenAI directly; use {{replacement}}.',
      routedModel:
        "{{framework}} resolves '{{id}}' to OpenAI itself (with OPENAI_API_KEY); pass {{azure}} instead.",
      useAzureOpenAI: 'Construct AzureOpenAI instead (it reads AZURE_OPENAI_ENDPOINT, AZURE_OPENAI_API_KEY and OPENAI_API_VERSION).',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          wrappers: {
            type: 'boolean',
            description:
              "Also report direct-OpenAI wrappers (LangChain ChatOpenAI, the AI SDK openai provider, LlamaIndex's OpenAI, Genkit's OpenAI plugin, an agent framework's routed 'openai/…' model id).",
          },
        },
      },
    ],
    defaultOptions: [{ wrappers: true }],
  },
  create(context, [{ wrappers }]) {
    if (!mayHaveFindings(context)) return {};
    const sourceCode = context.sourceCode;
    const tracker = clientTracker(context);
    const types = typeInfo(context);
    const typedSites: ClientSite[] = [];

    const vendorKey = (options: TSESTree.Node | undefined, names: readonly string[]) => readsVendorOption(options, names, sourceCode);
    /** Options that set up Azure's requests by hand (core AZURE_REQUEST_OPTIONS: an `api-key` header, an `api-version` query). */
    const azureRequests = (options: TSESTree.Node | undefined) =>
      Object.entries(AZURE_REQUEST_OPTIONS).some(([option, key]) => {
        const found = lookupOption(options, option, sourceCode);
        return found.kind === 'found' && lookupOption(found.value, key, sourceCode).kind === 'found';
      });
    const talksToOpenAI = (options: TSESTree.Node | undefined) =>
      baseURLTarget(options, sourceCode) === 'openai' && !servesOtherVendor(options, sourceCode) && !azureRequests(options);

    /** Agents SDK modules that hand the SDK a client or provider themselves (`setDefaultOpenAIClient(...)`). */
    let agentsConfigured = false;
    /** A test file that replaces the `openai` module with a factory's stand-in: its clients are mocks (MODULE_MOCKS). */
    let sdkMocked = false;

    /**
     * The Agents SDK talks to OpenAI unless the module sets a default client or provider: agents and runners in a
     * module without one, `setDefaultOpenAIKey`, and an `OpenAIProvider` that builds its own OpenAI client.
     */
    function agentsTalkToOpenAI(site: ClientSite): boolean {
      const options = site.node.arguments[0];
      if (site.info.name === AGENTS_DIRECT.provider) {
        if (lookupOption(options, AGENTS_DIRECT.providerClientOption, sourceCode).kind !== 'absent') return false;
        if (baseURLTarget(options, sourceCode) !== 'openai') return false;
        return hasOptionMatching(options, (k) => AGENTS_DIRECT.providerOwnClientOptions.includes(k), sourceCode);
      }
      return site.node.type === 'CallExpression' || (!agentsConfigured && !givenModelObject(options));
    }

    /** An agent given a model object (AGENTS_MODEL_OBJECTS): it does not run on the SDK's default client. */
    function givenModelObject(options: TSESTree.Node | undefined): boolean {
      const model = lookupOption(options, AGENTS_MODEL_FIELD, sourceCode);
      if (model.kind !== 'found') return false;
      const value = unwrap(model.value);
      const held = value.type === 'Identifier' ? constantInit(sourceCode, value) : undefined;
      return (AGENTS_MODEL_OBJECTS.written as readonly string[]).includes(value.type) || (!!held && (AGENTS_MODEL_OBJECTS.held as readonly string[]).includes(unwrap(held).type));
    }

    function wrapperTalksToOpenAI(site: ClientSite): boolean {
      const options = site.node.arguments[0];
      if ([AGENTS_PACKAGE, AGENTS_SANDBOX_PACKAGE, AGENTS_OPENAI_PACKAGE].includes(site.info.module)) return agentsTalkToOpenAI(site);
      if (AGENTS_REALTIME_PACKAGES.includes(site.info.module)) return !connectsRealtimeToAzure(sourceCode.text);
      // The openai SDK's client, re-exported: its options are the SDK's.
      if (site.info.module === LANGCHAIN_PACKAGE && site.info.name === LANGCHAIN_SDK_CLIENT) return talksToOpenAI(options);
      if (site.info.module === LANGCHAIN_PACKAGE || LANGCHAIN_LEGACY_ENTRYPOINTS.includes(site.info.module)) {
        if (hasOptionMatching(options, (k) => k.startsWith('azure'), sourceCode)) return false;
        if (vendorKey(options, LANGCHAIN_KEY_FIELDS)) return false;
        const configuration = lookupOption(options, 'configuration', sourceCode);
        if (configuration.kind === 'unknown') return false;
        return configuration.kind === 'absent' || talksToOpenAI(configuration.value);
      }
      // A framework class given the option that puts it on Azure (legacy LlamaIndex's `azure: {…}`).
      const azureOption = OPENAI_WRAPPERS.find((w) => w.pkg === site.info.module)?.azureOption;
      // Only options seen to set it (in the literal, or written later) count, as the codemod's markers do: a parameter's may not.
      if (azureOption && (lookupOption(options, azureOption, sourceCode).kind === 'found' || assignedLater(options, azureOption, sourceCode))) return false;
      return !Object.hasOwn(AI_SDK.factories, site.info.name) || talksToOpenAI(options);
    }

    /** `new OpenAI(` → `new AzureOpenAI(`, importing it beside the existing `openai` import when needed. */
    function azureSuggestion(site: ClientSite): TSESLint.ReportFixFunction | undefined {
      const callee = site.node.callee;
      if (site.node.type !== 'NewExpression') return undefined;
      if (callee.type === 'MemberExpression' && !callee.computed) {
        return (f) => f.replaceText(callee.property, 'AzureOpenAI');
      }
      if (callee.type !== 'Identifier') return undefined;
      const program = sourceCode.ast;
      const imports = program.body.filter(
        (s): s is TSESTree.ImportDeclaration => s.type === 'ImportDeclaration' && isSpecifierOf(s.source.value, OPENAI_SDK) && s.importKind !== 'type',
      );
      const hasAzure = imports.some((d) =>
        d.specifiers.some((s) => s.type === 'ImportSpecifier' && s.local.name === 'AzureOpenAI'),
      );
      if (hasAzure) return (f) => f.replaceText(callee, 'AzureOpenAI');
      const target = imports.find((d) => !d.specifiers.some((s) => s.type === 'ImportNamespaceSpecifier'));
      if (!target) return undefined;
      const named = target.specifiers.filter((s) => s.type === 'ImportSpecifier');
      return (f) => [
        f.replaceText(callee, 'AzureOpenAI'),
        named.length > 0
          ? f.insertTextAfter(named.at(-1)!, ', AzureOpenAI')
          : f.insertTextAfter(target.specifiers.at(-1)!, ', { AzureOpenAI }'),
      ];
    }

    function check(site: ClientSite): void {
      const { node, info } = site;
      switch (info.kind) {
        case 'azure':
          return;
        case 'legacy': {
          // `@azure/openai` beta's OpenAIClient talks to OpenAI only when built with its OpenAI-key credential.
          const direct = LEGACY_CLIENTS[info.module]?.directWith;
          const first = node.arguments[0];
          const credential = first?.type === 'NewExpression' && first.callee.type === 'Identifier' ? first.callee.name : undefined;
          if (direct && credential !== direct) return;
          context.report({ node, messageId: 'legacyClient', data: { name: info.name, module: info.module } });
          return;
        }
        case 'wrapper': {
          if (!wrappers || !wrapperTalksToOpenAI(site)) return;
          const base = info.name.split('.')[0]!;
          const replacement =
            DIRECT_OPENAI_WRAPPERS[info.module]?.[base] ?? OPENAI_WRAPPERS.find((w) => w.pkg === info.module)?.exports[base] ?? 'its Azure counterpart';
          context.report({ node, messageId: 'wrapperClient', data: { name: info.name, module: info.module, replacement } });
          return;
        }
        case 'openai': {
          if (sdkMocked || !talksToOpenAI(node.arguments[0])) return;
          const fix = azureSuggestion(site);
          context.report({
            node,
            messageId: 'openaiClient',
            data: { name: 'OpenAI' },
            suggest: fix ? [{ messageId: 'useAzureOpenAI', fix }] : [],
          });
        }
      }
    }

    /** Mastra or VoltAgent given `model: 'openai/…'` builds an OpenAI client itself (core MODEL_ROUTERS). */
    const router = wrappers ? modelRouterIn(sourceCode.text) : undefined;

    return mergeListeners(tracker.listeners, {
      Property(node) {
        if (!router || node.value.type !== 'Literal' || typeof node.value.value !== 'string' || !isRoutedOpenAIId(router, node.value.value)) return;
        const key = node.key.type === 'Identifier' && !node.computed ? node.key.name : node.key.type === 'Literal' ? String(node.key.value) : undefined;
        if (key === undefined || !ROUTED_MODEL_KEYS.has(key)) return;
        context.report({ node: node.value, messageId: 'routedModel', data: { framework: router.name, id: node.value.value, azure: router.azure } });
      },
      CallExpression(node) {
        const callee = node.callee;
        const name = callee.type === 'Identifier' ? callee.name : callee.type === 'MemberExpression' && callee.property.type === 'Identifier' ? callee.property.name : undefined;
        if (name && AGENTS_CLIENT_CONFIG.includes(name)) agentsConfigured = true;
        const [spec, factory] = node.arguments;
        // `initChatModel('openai:gpt-4o')`: a function of a framework that takes a routed id (MODEL_ROUTERS `calls`).
        if (router && name && router.calls.includes(name) && spec?.type === 'Literal' && typeof spec.value === 'string' && isRoutedOpenAIId(router, spec.value)) {
          context.report({ node: spec, messageId: 'routedModel', data: { framework: router.name, id: spec.value, azure: router.azure } });
        }
        // `initChatModel('gpt-4o', { modelProvider: 'openai' })`: the provider in an option of such a function.
        const options = node.arguments[1];
        if (router?.provider && name && router.calls.includes(name) && options?.type === 'ObjectExpression') {
          const provider = options.properties.find(
            (p): p is TSESTree.Property => p.type === 'Property' && !p.computed && p.key.type === 'Identifier' && p.key.name === router.provider!.key,
          );
          if (provider?.value.type === 'Literal' && provider.value.value === router.provider.openai) {
            // Reported as the routed id it amounts to (`openai:gpt-4o`).
            const model = spec?.type === 'Literal' && typeof spec.value === 'string' ? spec.value : '…';
            context.report({ node: provider.value, messageId: 'routedModel', data: { framework: router.name, id: `${router.provider.openai}:${model}`, azure: router.azure } });
          }
        }
        if (
          factory &&
          callee.type === 'MemberExpression' &&
          callee.object.type === 'Identifier' &&
          isModuleMock(callee.object.name, name) &&
          spec?.type === 'Literal' &&
          typeof spec.value === 'string' &&
          isSpecifierOf(spec.value, OPENAI_SDK)
        ) {
          sdkMocked = true;
        }
      },
      // With type information, `new X()` where X is openai's OpenAI re-exported from another module.
      NewExpression(node) {
        const name = types?.constructorClass(node.callee);
        if (name === 'OpenAI') typedSites.push({ node, info: { kind: 'openai', module: OPENAI_SDK, name } });
      },
      'Program:exit'() {
        const sites = tracker.sites();
        const seen = new Set(sites.map((s) => s.node));
        for (const site of [...sites, ...typedSites.filter((s) => !seen.has(s.node))]) check(site);
      },
    });
  },
});
