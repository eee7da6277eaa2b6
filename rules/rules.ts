/** Every rule of the plugin, by name (IDs are `openai-to-azure/<name>`). */
import noHardcodedKey from './no-hardcoded-key.js';
import noMigrationTodo from './no-migration-todo.js';
import noModelName from './no-model-name.js';
import noOpenAIClient from './no-openai-client.js';
import noOpenAIEndpoint from './no-openai-endpoint.js';
import noOpenAIEnv from './no-openai-env.js';
import noUnsupportedApi from './no-unsupported-api.js';
import requireApiVersion from './require-api-version.js';

export const rules = {
  'no-openai-endpoint': noOpenAIEndpoint,
  'no-openai-client': noOpenAIClient,
  'no-openai-env': noOpenAIEnv,
  'no-hardcoded-key': noHardcodedKey,
  'no-model-name': noModelName,
  'require-api-version': requireApiVersion,
  'no-unsupported-api': noUnsupportedApi,
  'no-migration-todo': noMigrationTodo,
};

export type RuleName = keyof typeof rules;
