/** SDK families the codemod migrates from legacy APIs, as data (design.md "SDK families as data"). */
export * from './azure-openai-beta.js';
export * from './openai-v3.js';
