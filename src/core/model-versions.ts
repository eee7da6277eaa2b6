/**
 * What deploying a model on Azure OpenAI takes, beside the model catalogue: the model version and SKU an Azure CLI
 * or Bicep deployment names. Versions are the GA versions Azure lists for each model; a model not here is left for
 * the user to fill in (the plan says so in a comment).
 */
export interface ModelDeploymentSpec {
  /** The model name Azure uses (`gpt-3.5-turbo` is `gpt-35-turbo` there). */
  name: string;
  version: string;
  sku: string;
}

const chat = (version: string, name?: string) => (model: string): ModelDeploymentSpec => ({
  name: name ?? model,
  version,
  sku: 'GlobalStandard',
});
const embedding = (version: string) => (model: string): ModelDeploymentSpec => ({ name: model, version, sku: 'Standard' });

const MODEL_DEPLOYMENT_SPECS: Readonly<Record<string, (model: string) => ModelDeploymentSpec>> = {
  'gpt-4o': chat('2024-11-20'),
  'gpt-4o-mini': chat('2024-07-18'),
  'gpt-4.1': chat('2025-04-14'),
  'gpt-4.1-mini': chat('2025-04-14'),
  'gpt-4.1-nano': chat('2025-04-14'),
  'gpt-4': chat('turbo-2024-04-09'),
  'gpt-4-turbo': chat('turbo-2024-04-09', 'gpt-4'),
  'gpt-3.5-turbo': chat('0125', 'gpt-35-turbo'),
  'gpt-35-turbo': chat('0125'),
  o1: chat('2024-12-17'),
  'o3-mini': chat('2025-01-31'),
  'o4-mini': chat('2025-04-16'),
  o3: chat('2025-04-16'),
  'text-embedding-3-small': embedding('1'),
  'text-embedding-3-large': embedding('1'),
  'text-embedding-ada-002': embedding('2'),
};

/** Capacity (thousands of tokens per minute) a planned deployment asks for: a small default to raise as needed. */
export const DEFAULT_DEPLOYMENT_CAPACITY = 10;

/** The deployment spec of a model; a dated snapshot (`gpt-4o-2024-08-06`) is its family at that version. */
export function modelDeploymentSpec(model: string): ModelDeploymentSpec | undefined {
  if (Object.hasOwn(MODEL_DEPLOYMENT_SPECS, model)) return MODEL_DEPLOYMENT_SPECS[model]!(model);
  const dated = /^(.+)-(\d{4}-\d{2}-\d{2})$/.exec(model);
  if (dated && Object.hasOwn(MODEL_DEPLOYMENT_SPECS, dated[1]!)) {
    return { ...MODEL_DEPLOYMENT_SPECS[dated[1]!]!(dated[1]!), version: dated[2]! };
  }
  return undefined;
}
