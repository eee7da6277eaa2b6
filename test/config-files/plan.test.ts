import { describe, expect, it } from 'vitest';
import { planBicep, planDeployments, planShell } from '../../src/config-files/plan.js';
import type { ReportDeployment } from '../../src/config-files/run.js';
import { modelDeploymentSpec } from '../../src/core/index.js';

const DEPLOYMENTS: ReportDeployment[] = [
  { model: 'gpt-4o', env: 'AZURE_OPENAI_DEPLOYMENT_GPT_4O', files: ['src/chat.ts'] },
  { model: 'gpt-9-imaginary', env: 'AZURE_OPENAI_DEPLOYMENT_GPT_9_IMAGINARY', files: ['src/x.ts'] },
  { model: 'text-embedding-3-small', deployment: 'embeddings', files: ['src/embed.ts'] },
];

describe('deployment plan', () => {
  it('takes versions and SKUs from the core table; an unknown model gets no invented version', () => {
    expect(modelDeploymentSpec('gpt-3.5-turbo')).toEqual({ name: 'gpt-35-turbo', version: '0125', sku: 'GlobalStandard' });
    expect(modelDeploymentSpec('gpt-4o-2024-08-06')?.version).toBe('2024-08-06');
    const plan = planDeployments(DEPLOYMENTS);
    expect(plan.map((d) => [d.deployment, d.version])).toEqual([
      ['gpt-4o', '2024-11-20'],
      ['gpt-9-imaginary', undefined],
      ['embeddings', '1'],
    ]);
  });

  it('Azure CLI script', () => {
    expect(planShell(DEPLOYMENTS)).toMatchSnapshot();
  });

  it('Bicep module', () => {
    expect(planBicep(DEPLOYMENTS)).toMatchSnapshot();
  });
});
