import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'vitest';
import { mayInvolveOpenAI } from '../../src/core/index.js';
import { discover } from '../../src/pipeline/discover.js';
import { buildProjectIndex } from '../../src/project/index.js';

test('dump', async () => {
  const root = process.env.TREE ?? '/tmp/idx-tree';
  const files: string[] = [];
  for await (const f of discover([root])) files.push(f);
  const candidates = files.filter((f) => mayInvolveOpenAI(readFileSync(f, 'utf8')));
  const r = await buildProjectIndex({ cwd: root, candidates, files });
  for (const [k, v] of Object.entries(r.facts)) console.log(path.relative(root, k), JSON.stringify(v));
  console.log('extra', r.extraFiles);
}, 120000);
