/**
 * What deploying a model on Azure OpenAI takes, beside the model catalogue: the model version and SKU an Azure CLI
 * or Bicep deployment names. A model not here is left for the user to fill in (the plan says so in a comment).
 *
 * Source, checked 2026-12-03: Microsoft's Azure OpenAI docs (MicrosoftDocs/azure-ai-docs, articles/foundry/openai):
 * the Global Standard availability matrix (includes/model-matrix/standard-global.md) for each model and version, and
 * the model retirement table (includes/retirement/models.md) for retirement dates and replacements. Every model
 * below is offered as GlobalStandard, the deployment type available in the most regions (embeddings included: the
 * regional Standard type has them in a few regions only). gpt-4, gpt-4-turbo and gpt-35-turbo are in neither list
 * any more (retired for new deployments), so the plan says to pick a current model instead of naming a version.
 */
export interface ModelDeploymentSpec {
  /** The model name Azure uses. */
  name: string;
  version: string;
  sku: string;
  /** The date Azure's retirement table gives for this version (GlobalStandard), and its suggested replacement. */
  retires?: { date: string; replacement?: string };
}

const SKU = 'GlobalStandard';
const spec =
  (version: string, retires?: ModelDeploymentSpec['retires']) =>
  (model: string): ModelDeploymentSpec => ({ name: model, version, sku: SKU, ...(retires && { retires }) });

const MODEL_DEPLOYMENT_SPECS: Readonly<Record<string, (model: string) => ModelDeploymentSpec>> = {
  'gpt-4o': spec('2024-11-20', { date: '2026-10-01', replacement: 'gpt-5.1' }),
  'gpt-4o-mini': spec('2024-07-18', { date: '2026-10-01', replacement: 'gpt-4.1-mini' }),
  'gpt-4.1': spec('2025-04-14', { date: '2026-10-14', replacement: 'gpt-5' }),
  'gpt-4.1-mini': spec('2025-04-14', { date: '2026-10-14', replacement: 'gpt-5-mini' }),
  'gpt-4.1-nano': spec('2025-04-14', { date: '2026-10-14', replacement: 'gpt-5-nano' }),
  o1: spec('2024-12-17', { date: '2026-07-15', replacement: 'o3' }),
  'o3-mini': spec('2025-01-31', { date: '2026-08-02', replacement: 'o4-mini' }),
  o3: spec('2025-04-16', { date: '2026-10-16' }),
  'o4-mini': spec('2025-04-16', { date: '2026-10-16' }),
  'gpt-5': spec('2025-08-07', { date: '2027-02-06' }),
  'gpt-5-mini': spec('2025-08-07', { date: '2027-02-06' }),
  'gpt-5-nano': spec('2025-08-07', { date: '2027-02-06' }),
  'gpt-5.1': spec('2025-11-13', { date: '2027-05-15' }),
  'text-embedding-3-small': spec('1'),
  'text-embedding-3-large': spec('1'),
  'text-embedding-ada-002': spec('2'),
};

/** Models Azure OpenAI no longer offers for new deployments (absent from both sources above). */
const RETIRED_MODELS: ReadonlySet<string> = new Set([
  'gpt-4',
  'gpt-4-turbo',
  'gpt-4-32k',
  'gpt-3.5-turbo',
  'gpt-3.5-turbo-16k',
  'gpt-35-turbo',
  'gpt-35-turbo-16k',
]);

/** Whether Azure OpenAI has retired a model (or a dated snapshot of it) for new deployments. */
export function isRetiredModel(model: string): boolean {
  return RETIRED_MODELS.has(model.replace(/-(\d{4}(?:-\d{2}-\d{2})?|\d{4}-preview)$/, ''));
}

/** Capacity (thousands of tokens per minute) a planned deployment asks for: a small default to raise as needed. */
export const DEFAULT_DEPLOYMENT_CAPACITY = 10;

/** The deployment spec of a model; a dated snapshot (`gpt-4o-2024-08-06`) is its family at that version. */
export function modelDeploymentSpec(model: string): ModelDeploymentSpec | undefined {
  if (Object.hasOwn(MODEL_DEPLOYMENT_SPECS, model)) return MODEL_DEPLOYMENT_SPECS[model]!(model);
  const dated = /^(.+)-(\d{4}-\d{2}-\d{2})$/.exec(model);
  if (dated && Object.hasOwn(MODEL_DEPLOYMENT_SPECS, dated[1]!)) {
    const { retires, ...family } = MODEL_DEPLOYMENT_SPECS[dated[1]!]!(dated[1]!);
    // The retirement date is the table's version's; another snapshot's is not claimed.
    return { ...family, version: dated[2]!, ...(retires && family.version === dated[2] && { retires }) };
  }
  return undefined;
}
