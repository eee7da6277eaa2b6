/** SDK families the codemod migrates, as data (design.md "SDK families as data"): one entry each. */
export * from './agents-sdk.js';
export * from './ai-sdk.js';
export * from './azure-openai-beta.js';
export * from './langchain.js';
export * from './openai-v3.js';
export * from './model-routers.js';
export * from './openai-wrappers.js';
