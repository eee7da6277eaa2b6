import { deploymentEnvName } from './models.js';

/** A deployment value in the config: a literal deployment name, or an env variable read with the model as fallback. */
export type DeploymentSetting = string | { env: string };
export type DeploymentMap = Readonly<Record<string, DeploymentSetting>>;

/** What a model literal in a deployment position becomes. */
export type DeploymentRef =
  | { kind: 'name'; name: string }
  | { kind: 'env'; env: string; fallback: string };

export function deploymentFor(model: string, deployments: DeploymentMap = {}): DeploymentRef {
  const setting = Object.hasOwn(deployments, model) ? deployments[model] : undefined;
  if (typeof setting === 'string') return { kind: 'name', name: setting };
  return { kind: 'env', env: setting?.env ?? deploymentEnvName(model), fallback: model };
}

/** The env variable a deployment reference reads, if any (for the report's env list). */
export function deploymentEnv(ref: DeploymentRef): string | undefined {
  return ref.kind === 'env' ? ref.env : undefined;
}
