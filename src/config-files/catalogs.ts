import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parse } from 'yaml';

/** A `catalog:` range read through the workspace's catalogs: the range it stands for, if one is defined. */
export type CatalogRange = (name: string, spec: string) => string | undefined;

type Catalog = Record<string, unknown>;

interface Catalogs {
  catalog?: Catalog;
  catalogs?: Record<string, Catalog>;
}

/** A workspace file's content, parsed by `read`; undefined when it is missing or does not parse. */
function readCatalogs(file: string, read: (text: string) => unknown): Catalogs | undefined {
  try {
    const value = read(readFileSync(file, 'utf8'));
    return typeof value === 'object' && value !== null ? (value as Catalogs) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Where a workspace defines its catalogs: pnpm's `pnpm-workspace.yaml`, or Bun's root package.json (`catalog` and
 * `catalogs` at the top or under `workspaces`). The nearest folder, the package's own or one above, that has either.
 */
function workspaceCatalogs(packageJson: string): Catalogs | undefined {
  for (let dir = dirname(packageJson), last = ''; dir !== last; last = dir, dir = dirname(dir)) {
    const pnpm = readCatalogs(join(dir, 'pnpm-workspace.yaml'), parse);
    if (pnpm) return pnpm;
    const bun = readCatalogs(join(dir, 'package.json'), JSON.parse) as (Catalogs & { workspaces?: unknown }) | undefined;
    if (bun?.catalog || bun?.catalogs) return bun;
    const nested = bun?.workspaces;
    if (typeof nested === 'object' && nested !== null && !Array.isArray(nested)) {
      const { catalog, catalogs } = nested as Catalogs;
      if (catalog || catalogs) return { catalog, catalogs };
    }
  }
  return undefined;
}

/**
 * `catalog:` ranges of the package.json at `packageJson`, read from its workspace's catalogs on first use (`catalog:`
 * and `catalog:default` name the default catalog, `catalog:<name>` a named one). A monorepo pins `@ai-sdk/openai`
 * there; the package that replaces it must get the same major.
 */
export function catalogRanges(packageJson: string): CatalogRange {
  let catalogs: Catalogs | undefined | null = null;
  return (name, spec) => {
    const m = /^catalog:(.*)$/.exec(spec.trim());
    if (!m) return undefined;
    if (catalogs === null) catalogs = workspaceCatalogs(packageJson);
    const which = m[1]!.trim();
    const catalog = which === '' || which === 'default' ? (catalogs?.catalog ?? catalogs?.catalogs?.default) : catalogs?.catalogs?.[which];
    const range = catalog?.[name];
    return typeof range === 'string' ? range : undefined;
  };
}
