/** The detection core: what is true about OpenAI and Azure OpenAI, shared by the codemod and the linter. */
export * from './deployments.js';
export * from './env.js';
export * from './facts.js';
export * from './file-context.js';
export * from './hosts.js';
export * from './markers.js';
export * from './models.js';
export * from './options.js';
export * from './packages.js';
export * from './prefilter.js';
export * from './secrets.js';
export * from './surfaces.js';
export * from './targets.js';
export * from './families/index.js';
export * from './model-versions.js';
