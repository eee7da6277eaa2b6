import { DEFAULT_DEPLOYMENT_CAPACITY, isRetiredModel, modelDeploymentSpec, type ModelDeploymentSpec } from '../core/index.js';
import type { ReportDeployment } from './run.js';

/** One deployment to create, with what the model table knows about it. */
export interface PlannedDeployment {
  model: string;
  deployment: string;
  env?: string;
  modelName: string;
  /** Undefined when the model table does not know the model: the plan leaves it to the user. */
  version?: string;
  sku: string;
  capacity: number;
  /** Azure's scheduled retirement of this version, when the table knows it. */
  retires?: ModelDeploymentSpec['retires'];
  /** Azure no longer offers the model for new deployments (no version to name). */
  retired?: boolean;
}

/** The deployments to create: the configured name, else the model's own name (a valid deployment name). */
export function planDeployments(deployments: readonly ReportDeployment[]): PlannedDeployment[] {
  return deployments.map((d) => {
    const spec = modelDeploymentSpec(d.model);
    return {
      model: d.model,
      deployment: d.deployment ?? d.model,
      ...(d.env ? { env: d.env } : {}),
      modelName: spec?.name ?? d.model,
      ...(spec ? { version: spec.version } : {}),
      sku: spec?.sku ?? 'GlobalStandard',
      capacity: DEFAULT_DEPLOYMENT_CAPACITY,
      ...(spec?.retires && { retires: spec.retires }),
      ...(!spec && isRetiredModel(d.model) && { retired: true }),
    };
  });
}

const UNKNOWN_VERSION = 'set the model version Azure lists for this model (az cognitiveservices model list)';

/** The comment lines above one planned deployment (without the comment marker). */
function planNotes(d: PlannedDeployment): string[] {
  if (d.retired) {
    return [`TODO(openai-to-azure): Azure OpenAI no longer offers ${d.model} for new deployments; deploy a current model under this name (az cognitiveservices model list)`];
  }
  if (!d.version) return [`TODO(openai-to-azure): ${UNKNOWN_VERSION}`];
  if (!d.retires) return [];
  const instead = d.retires.replacement ? `the suggested replacement, ${d.retires.replacement},` : 'a current model';
  return [`Azure retires ${d.modelName} ${d.version} on ${d.retires.date}: if the version is refused, deploy ${instead} under this name`];
}

/** An Azure CLI script: one `az cognitiveservices account deployment create` per deployment, then the env lines. */
export function planShell(deployments: readonly ReportDeployment[]): string {
  const plan = planDeployments(deployments);
  const lines = [
    '#!/usr/bin/env bash',
    '# Azure OpenAI deployments the migrated code needs (written by openai-to-azure migrate --plan).',
    '# Set AZURE_OPENAI_RESOURCE and AZURE_RESOURCE_GROUP first; capacity is in thousands of tokens per minute.',
    'set -euo pipefail',
    ': "${AZURE_OPENAI_RESOURCE:?set AZURE_OPENAI_RESOURCE to your Azure OpenAI resource name}"',
    ': "${AZURE_RESOURCE_GROUP:?set AZURE_RESOURCE_GROUP to its resource group}"',
  ];
  for (const d of plan) {
    lines.push('', `# ${d.model}${d.env ? ` (read from ${d.env})` : ''}`);
    lines.push(...planNotes(d).map((note) => `# ${note}`));
    lines.push(
      'az cognitiveservices account deployment create \\',
      '  --name "$AZURE_OPENAI_RESOURCE" --resource-group "$AZURE_RESOURCE_GROUP" \\',
      `  --deployment-name "${d.deployment}" --model-name "${d.modelName}" --model-version "${d.version ?? '<version>'}" \\`,
      `  --model-format OpenAI --sku-name "${d.sku}" --sku-capacity ${d.capacity}`,
    );
  }
  const envLines = plan.filter((d) => d.env).map((d) => `#   ${d.env}=${d.deployment}`);
  if (envLines.length > 0) lines.push('', '# Then set, where the app runs:', ...envLines);
  return `${lines.join('\n')}\n`;
}

const bicepString = (s: string): string => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
const bicepIdentifier = (s: string): string => s.replace(/[^A-Za-z0-9]+/g, '_').replace(/^(\d)/, '_$1');

/** A Bicep module: one `Microsoft.CognitiveServices/accounts/deployments` per deployment (created one at a time). */
export function planBicep(deployments: readonly ReportDeployment[]): string {
  const plan = planDeployments(deployments);
  const lines = [
    '// Azure OpenAI deployments the migrated code needs (written by openai-to-azure migrate --plan).',
    '@description(\'Name of the existing Azure OpenAI resource.\')',
    'param accountName string',
    '',
    'resource account \'Microsoft.CognitiveServices/accounts@2024-10-01\' existing = {',
    '  name: accountName',
    '}',
  ];
  let previous: string | undefined;
  for (const d of plan) {
    const id = `deployment_${bicepIdentifier(d.deployment)}`;
    lines.push('', `// ${d.model}${d.env ? ` (read from ${d.env})` : ''}`);
    lines.push(...planNotes(d).map((note) => `// ${note}`));
    lines.push(
      `resource ${id} 'Microsoft.CognitiveServices/accounts/deployments@2024-10-01' = {`,
      '  parent: account',
      `  name: ${bicepString(d.deployment)}`,
      `  sku: { name: ${bicepString(d.sku)}, capacity: ${d.capacity} }`,
      '  properties: {',
      `    model: { format: 'OpenAI', name: ${bicepString(d.modelName)}, version: ${bicepString(d.version ?? '<version>')} }`,
      '  }',
      // An account takes one deployment change at a time.
      ...(previous ? [`  dependsOn: [ ${previous} ]`] : []),
      '}',
    );
    previous = id;
  }
  lines.push('', 'output endpoint string = account.properties.endpoint');
  for (const d of plan) {
    if (d.env) lines.push(`output ${d.env} string = deployment_${bicepIdentifier(d.deployment)}.name`);
  }
  return `${lines.join('\n')}\n`;
}

/** The plan writer for a file name, by extension. */
export const PLAN_WRITERS: Readonly<Record<string, (deployments: readonly ReportDeployment[]) => string>> = {
  '.sh': planShell,
  '.bicep': planBicep,
};
