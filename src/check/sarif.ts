/**
 * `check --format sarif`: Microsoft's ESLint SARIF formatter, reshaped for code scanning and Microsoft's SARIF
 * validator (`sarif-multitool validate`): the final 2.1.0 schema, the tool named and versioned, file locations
 * relative to the repository root under `%SRCROOT%`, rules with a friendly name, and GitHub's per-run result limit.
 */
import { fileURLToPath, pathToFileURL } from 'node:url';
import path from 'node:path';
import { DOCS_BASE } from '../../rules/create-rule.js';

/** GitHub code scanning rejects a run with more results (docs: "SARIF support for code scanning", limits). */
export const MAX_RESULTS = 25_000;
const SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const SRCROOT = '%SRCROOT%';

interface ArtifactLocation {
  uri: string;
  uriBaseId?: string;
  index?: number;
}
interface Run {
  tool: { driver: { name: string; rules?: { id: string; name?: string }[]; [k: string]: unknown } };
  artifacts?: unknown[];
  results?: { locations?: { physicalLocation?: { artifactLocation?: ArtifactLocation } }[] }[];
  originalUriBaseIds?: Record<string, { uri: string }>;
  invocations?: unknown[];
}

/** `openai-to-azure/no-openai-client` → `NoOpenaiClient` (SARIF2012: a Pascal-case friendly name). */
function friendlyName(id: string): string {
  return (id.split('/').at(-1) ?? id).replace(/(^|-)([a-z0-9])/g, (_, _dash: string, c: string) => c.toUpperCase());
}

function relativeTo(root: string, location: ArtifactLocation): ArtifactLocation {
  if (!location.uri.startsWith('file:')) return location;
  const rel = path.relative(root, fileURLToPath(location.uri));
  if (rel.startsWith('..') || path.isAbsolute(rel)) return { uri: location.uri };
  return { uri: rel.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
}

/** `root`: the repository root (or the working directory outside git), which locations become relative to. */
export function forCodeScanning(sarifText: string, { root, version }: { root: string; version: string }): string {
  const log = JSON.parse(sarifText) as { $schema: string; runs: Run[] };
  log.$schema = SCHEMA;
  for (const run of log.runs) {
    run.tool.driver = {
      ...run.tool.driver,
      name: 'openai-to-azure',
      version,
      informationUri: DOCS_BASE.replace(/\/blob\/.*$/, ''),
      rules: run.tool.driver.rules?.map((rule) => ({ ...rule, name: friendlyName(rule.id) })),
    };
    // Locations only (SARIF2004): the results say all of it.
    delete run.artifacts;
    run.originalUriBaseIds = { [SRCROOT]: { uri: pathToFileURL(root + path.sep).href } };
    for (const result of run.results ?? []) {
      for (const location of result.locations ?? []) {
        const physical = location.physicalLocation;
        if (physical?.artifactLocation) physical.artifactLocation = relativeTo(root, physical.artifactLocation);
      }
    }
    const total = run.results?.length ?? 0;
    if (total > MAX_RESULTS) {
      run.results = run.results!.slice(0, MAX_RESULTS);
      run.invocations = [
        {
          executionSuccessful: true,
          toolExecutionNotifications: [
            {
              level: 'warning',
              message: { text: `${total} results; only the first ${MAX_RESULTS} are included (code scanning's limit per run).` },
            },
          ],
        },
      ];
    }
  }
  return JSON.stringify(log, null, 2);
}
