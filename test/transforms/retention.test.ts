// A file's tree must die with the file. V8's young-generation GC (the scavenger) holds some references strongly
// that a full GC treats as weak: a WeakMap's values, and what the inline caches of code that called a getter written
// in an object literal keep of that object. A tree reachable that way survives every scavenge until the next full GC
// and is copied into the old generation on the way: on vercel/ai, 100 MB and a third of a second of scavenges. The
// probe runs in a child process with a young generation large enough that only its forced young-generation GCs run,
// from the build that `npm test` makes first.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../cli/cli.js';

const dist = (module: string): string => pathToFileURL(join(ROOT, 'dist', module)).href;

const PROBE = `
const { runTransforms } = await import(${JSON.stringify(dist('transforms/lib/run.js'))});
const { indexOfTree, nodesOfTree } = await import(${JSON.stringify(dist('transforms/lib/file-index.js'))});
const { plainParserFor } = await import(${JSON.stringify(dist('transforms/lib/parser.js'))});

const source = Array.from({ length: 200 }, (_, i) => 'export const f' + i + ' = (q: string) => client.chat.completions.create({ model: "gpt-4o", messages: [{ role: "user", content: q }] });\\n').join('');

/** Ten big trees made, each followed by two young-generation GCs, under a label the parent reads the GC trace by. */
function tenTrees(label, make) {
  make();
  gc();
  process.stdout.write('BEGIN ' + label + '\\n');
  for (let i = 0; i < 10; i++) {
    make();
    gc({ type: 'minor' });
    gc({ type: 'minor' });
  }
  process.stdout.write('END\\n');
}

// What a tree costs that nothing keeps: its parse and a walk that keeps no index.
const parse = plainParserFor('ts');
tenTrees('baseline', () => nodesOfTree(parse.parse(source)));
// The file index, kept on the tree for the transforms after the summary.
tenTrees('index kept', () => indexOfTree(parse.parse(source)));
// A transform run that reads the context's getters on the big file only, then a small file's.
const reads = { name: 'reads', apply: (ctx) => void (ctx.path === 'big.ts' && ctx.index && ctx.quote) };
tenTrees('transformed', () => {
  runTransforms([reads], { source, path: 'big.ts' });
  runTransforms([reads], { source: 'const a = 1;', path: 'small.ts' });
});
`;

/** Bytes the scavenges between BEGIN and END promoted, by label (V8's --trace-gc-nvp lines carry `promoted=`). */
function promotedBytes(output: string): Record<string, number> {
  const totals: Record<string, number> = {};
  let label: string | undefined;
  for (const line of output.split('\n')) {
    if (line.startsWith('BEGIN ')) label = line.slice(6);
    else if (line.startsWith('END')) label = undefined;
    else if (label && / gc=s /.test(line)) totals[label] = (totals[label] ?? 0) + Number(/ promoted=(\d+)/.exec(line)?.[1] ?? 0);
  }
  return totals;
}

describe('a file is not kept alive by the young-generation GC', () => {
  const output = execFileSync(
    process.execPath,
    ['--expose-gc', '--trace-gc-nvp', '--min-semi-space-size=16', '--input-type=module', '-e', PROBE],
    { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );

  const promoted = promotedBytes(output);
  // Ten trees of about a megabyte each: kept, they would add ten megabytes or more.
  const MARGIN = 2_000_000;

  it('a tree whose file index is kept (for the transforms after the summary) is promoted no more than one nothing keeps', () => {
    expect(promoted.baseline).toBeDefined();
    expect(promoted['index kept']!).toBeLessThan(promoted.baseline! + MARGIN);
  });

  it("a transformed file's tree is not kept by its context (a transform read its getters)", () => {
    expect(promoted.transformed!).toBeLessThan(promoted.baseline! + MARGIN);
  });
});
