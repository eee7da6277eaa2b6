/**
 * A client constructed in one module and used in others: the api-version its construction gets (classic target)
 * follows the preview APIs its importers call, which the construction's own file never shows.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_OPTIONS, PREVIEW_API_VERSION, type MigrationOptions } from '../../src/core/index.js';
import { buildProjectIndex } from '../../src/project/index.js';
import { fixture, migratedWithIndex, relativeFacts, sourceFiles } from './helpers.js';

const dir = fixture('preview-across-files');

const migrated = (file: string, options: Partial<MigrationOptions> = {}) => migratedWithIndex(dir, file, options);

describe('preview api-version across files', () => {
  it('hands the constructing module the preview calls its importers make on the client, through an export alias', async () => {
    const { facts } = await buildProjectIndex({ cwd: dir, candidates: sourceFiles(dir) });
    const rel = relativeFacts(dir, facts);
    expect(rel['lib/openai.ts']?.previewCalls).toEqual(['beta.threads.create', 'responses.create']);
    expect(rel['lib/search.ts']?.previewCalls).toBeUndefined();
    expect(Object.values(rel).filter((f) => f.previewCalls)).toHaveLength(1);
  });

  it('the construction asks for the preview api-version and says why; a client only chatted with keeps the GA one', async () => {
    const openai = await migrated('lib/openai.ts');
    expect(openai.output).toContain(`apiVersion: process.env.OPENAI_API_VERSION ?? '${PREVIEW_API_VERSION}'`);
    expect(openai.outcome.notes.join('\n')).toContain('beta.threads.create, responses.create are not in the dated GA api-version');
    const search = await migrated('lib/search.ts');
    expect(search.output).toContain(`apiVersion: process.env.OPENAI_API_VERSION ?? '${DEFAULT_OPTIONS.apiVersion}'`);
  });

  it('a reasoning model held in an imported constant asks for the preview api-version too (facts modelValues)', async () => {
    const { facts } = await buildProjectIndex({ cwd: dir, candidates: sourceFiles(dir) });
    expect(relativeFacts(dir, facts)['lib/planner.ts']?.modelValues).toEqual({ PLANNER_MODEL: 'o4-mini' });
    const planner = await migrated('lib/planner.ts');
    expect(planner.output).toContain(`apiVersion: process.env.OPENAI_API_VERSION ?? '${PREVIEW_API_VERSION}'`);
    expect(planner.outcome.notes.join('\n')).toContain('reasoning model o4-mini is served from api-version 2024-12-01-preview on');
  });

  it('an api-version the user chose, and the v1 target, are left as they are', async () => {
    const chosen = await migrated('lib/openai.ts', { apiVersion: '2024-06-01', apiVersionExplicit: true });
    expect(chosen.output).toContain("apiVersion: process.env.OPENAI_API_VERSION ?? '2024-06-01'");
    const v1 = await migrated('lib/openai.ts', { target: 'v1' });
    expect(v1.output).not.toContain('apiVersion');
  });
});
