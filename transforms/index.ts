import { agentsSdk } from './agents-sdk.js';
import { aiSdk } from './ai-sdk.js';
import { azureOpenAIBeta } from './azure-openai-beta.js';
import { clientSubclasses } from './client-subclasses.js';
import { envMessages } from './env-messages.js';
import { envReads, staleEnvReads } from './env-reads.js';
import { modelRouters } from './model-routers.js';
import { openAIWrappers } from './openai-wrappers.js';
import { langchain } from './langchain.js';
import { legacyV3 } from './legacy-v3.js';
import { legacyV3Calls } from './legacy-v3-calls.js';
import { leftSecrets } from './left-secrets.js';
import type { Transform } from './lib/types.js';
import { modelDeployments } from './model-deployments.js';
import { openaiClient } from './openai-client.js';
import { openaiErrors } from './openai-errors.js';
import { rawHttp } from './raw-http.js';
import { streamChunks } from './stream-chunks.js';
import { unsupportedApis } from './unsupported-apis.js';

/**
 * The pipeline's transforms, in the order they run on one parse of each file. Each sees the client and call sets
 * computed on the original tree (lib/clients.ts, lib/calls.ts), so order only matters for the printed result.
 */
export const TRANSFORMS: readonly Transform[] = [
  // Legacy SDKs first: they rewrite old APIs into today's `openai` form, and the runner re-parses after each.
  legacyV3,
  legacyV3Calls,
  azureOpenAIBeta,
  // The Agents SDK before openai-client: the client it hands the SDK must be the v1 `OpenAI` (Responses API), which openai-client then sees as Azure.
  agentsSdk,
  openaiClient,
  // Raw HTTP before env reads: the headers it replaces or drops need no rename and no marker.
  rawHttp,
  // Env reads before the model rewrite: `process.env.OPENAI_MODEL ?? 'gpt-4o'` reaches it as a deployment reference.
  envReads,
  // The AI SDK before the model rewrite: it hands model-deployments the provider calls' model ids.
  aiSdk,
  modelDeployments,
  streamChunks,
  clientSubclasses,
  unsupportedApis,
  openaiErrors,
  langchain,
  modelRouters,
  openAIWrappers,
  // Last: what the file still reads once every transform ran, and the messages naming what it reads no more.
  staleEnvReads,
  envMessages,
  leftSecrets,
];
