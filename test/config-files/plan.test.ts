import { describe, expect, it } from 'vitest';
import { planBicep, planDeployments, planShell } from '../../src/config-files/plan.js';
import type { ReportDeployment } from '../../src/config-files/run.js';
import { isRetiredModel, modelDeploymentSpec } from '../../src/core/index.js';

const DEPLOYMENTS: ReportDeployment[] = [
  { model: 'gpt-4o', env: 'AZURE_OPENAI_DEPLOYMENT_GPT_4O', files: ['src/chat.ts'] },
  { model: 'gpt-9-imaginary', env: 'AZURE_OPENAI_DEPLOYMENT_GPT_9_IMAGINARY', files: ['src/x.ts'] },
  { model: 'text-embedding-3-small', deployment: 'embeddings', files: ['src/embed.ts'] },
  { model: 'gpt-3.5-turbo', env: 'AZURE_OPENAI_DEPLOYMENT_GPT_3_5_TURBO', files: ['src/old.ts'] },
];

describe('deployment plan', () => {
  it('takes versions and SKUs from the core table; an unknown model gets no invented version', () => {
    expect(modelDeploymentSpec('gpt-4o-mini')).toEqual({
      name: 'gpt-4o-mini',
      version: '2024-07-18',
      sku: 'GlobalStandard',
      retires: { date: '2026-10-01', replacement: 'gpt-4.1-mini' },
    });
    expect(modelDeploymentSpec('text-embedding-3-small')).toEqual({ name: 'text-embedding-3-small', version: '1', sku: 'GlobalStandard' });
    // Another snapshot keeps its own version and claims no retirement date.
    expect(modelDeploymentSpec('gpt-4o-2024-08-06')).toEqual({ name: 'gpt-4o', version: '2024-08-06', sku: 'GlobalStandard' });
    // Retired on Azure: no version is named; the plan says to pick a current model.
    expect(modelDeploymentSpec('gpt-3.5-turbo')).toBeUndefined();
    expect(['gpt-3.5-turbo', 'gpt-4-0613', 'gpt-4-turbo-2024-04-09', 'gpt-4-1106-preview', 'gpt-4o'].map(isRetiredModel)).toEqual([
      true,
      true,
      true,
      true,
      false,
    ]);
    const plan = planDeployments(DEPLOYMENTS);
    expect(plan.map((d) => [d.deployment, d.version])).toEqual([
      ['gpt-4o', '2024-11-20'],
      ['gpt-9-imaginary', undefined],
      ['embeddings', '1'],
      ['gpt-3.5-turbo', undefined],
    ]);
  });

  it('Azure CLI script', () => {
    expect(planShell(DEPLOYMENTS)).toMatchSnapshot();
  });

  it('Bicep module', () => {
    expect(planBicep(DEPLOYMENTS)).toMatchSnapshot();
  });
});
