// REST paths a raw request calls get the gap their SDK call has (core surfaces), so raw-http and the rules agree.
import { describe, expect, it } from 'vitest';
import { restSurfaceGap } from '../../src/core/index.js';

describe('restSurfaceGap', () => {
  it('gives a REST path the gap of its SDK member, a container file by its own id included', () => {
    expect(restSurfaceGap('/containers/cntr_1/files/file_1/content')?.message).toMatch(/containers API/);
    expect(restSurfaceGap('/container-files/cfile_1/content')?.message).toMatch(/containers API/);
    expect(restSurfaceGap('/files/file_1/content')).toBeUndefined();
    expect(restSurfaceGap('/traces/ingest')?.message).toMatch(/trace ingest/);
  });
});
