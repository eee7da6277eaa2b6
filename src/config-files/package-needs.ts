import { DEPENDENCY_RANGES, quotesBareSpecifier as references, REPLACED_PACKAGES, withoutMarkers } from '../core/index.js';
import type { PackageNeeds } from '../../transforms/lib/types.js';

/**
 * openai v3's API: when it leaves a file, the file needs the current `openai` major. Not when the file names today's
 * client `OpenAIApi` itself (`const { OpenAI: OpenAIApi } = require('openai')`, `import { OpenAI as OpenAIApi }`).
 */
const usesV3 = (text: string): boolean => /\bOpenAIApi\b/.test(text) && !/\b(?:OpenAI|default)\s*(?::|\bas\b)\s*OpenAIApi\b/.test(text);

const AZURE_CLASS = /\bAzureOpenAI\b/;

/**
 * The package needs a rewrite shows in its text, merged with what the transforms reported: an added import of a
 * package we version (`@azure/identity`, `@ai-sdk/azure`), a replaced package no longer imported, openai v3 gone.
 */
export function packageNeeds(before: string, migrated: string, reported: PackageNeeds | undefined): PackageNeeds | undefined {
  // The markers' prose names packages too (`keyed \`azure\`… keep \`openai\``): code only.
  const after = withoutMarkers(migrated);
  const add = new Set(reported?.add ?? []);
  const remove = new Set(reported?.remove ?? []);
  for (const name of Object.keys(DEPENDENCY_RANGES)) if (references(after, name) && !references(before, name)) add.add(name);
  for (const name of REPLACED_PACKAGES) if (references(before, name) && !references(after, name)) remove.add(name);
  if (usesV3(before) && !usesV3(after) && references(after, 'openai')) add.add('openai');
  const atLeast = new Set(reported?.atLeast ?? []);
  // `AzureOpenAI` newly constructed: a range whose floor is below its first release must be raised.
  if (AZURE_CLASS.test(after) && !AZURE_CLASS.test(before) && references(after, 'openai')) atLeast.add('azureClient');
  if (add.size === 0 && remove.size === 0 && atLeast.size === 0) return undefined;
  return { add: [...add], remove: [...remove], ...(atLeast.size > 0 ? { atLeast: [...atLeast] } : {}) };
}

/** The replaced packages a file's (final) text still references. */
export function stillReferenced(text: string): string[] {
  return REPLACED_PACKAGES.filter((name) => references(text, name));
}
