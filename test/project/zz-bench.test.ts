import { readFileSync } from 'node:fs';
import { test } from 'vitest';
import { mayInvolveOpenAI } from '../../src/core/index.js';
import { discover } from '../../src/pipeline/discover.js';
import { buildProjectIndex } from '../../src/project/index.js';

test('bench', async () => {
  const root = process.env.TREE ?? '/tmp/idx-tree';
  const files: string[] = [];
  for await (const f of discover([root])) files.push(f);
  const candidates = process.env.ALL ? files : files.filter((f) => mayInvolveOpenAI(readFileSync(f, "utf8")));
  for (let i = 0; i < 3; i++) {
    let t = performance.now();
    const r = await buildProjectIndex({ cwd: root, candidates });
    const a = performance.now() - t;
    t = performance.now();
    const r2 = await buildProjectIndex({ cwd: root, candidates, files });
    const b = performance.now() - t;
    console.log(`files=${files.length} candidates=${candidates.length} index=${a.toFixed(0)}ms withFiles=${b.toFixed(0)}ms facts=${Object.keys(r.facts).length}/${Object.keys(r2.facts).length} extra=${r.extraFiles.length}/${r2.extraFiles.length}`);
  }
}, 120000);
