import { describe, expect, it } from 'vitest';
import { DEFAULT_OPTIONS } from '../../src/core/index.js';
import { runTransforms } from '../../transforms/lib/run.js';
import type { Transform } from '../../transforms/lib/types.js';

/** A transform that declares a name the file already declares: its output does not parse. */
const redeclares: Transform = {
  name: 'redeclares',
  apply(ctx) {
    const body = ctx.root.get().node.program.body;
    body.unshift(ctx.j.template.statement([`const client = 1;\n`]));
    ctx.change(body[1], 'client');
  },
};

describe('the migrated code parses', () => {
  for (const wholeFile of [false, true]) {
    it(`throws rather than hand back an output that does not parse (${wholeFile ? 'whole file' : 'regions'})`, () => {
      const source = "import OpenAI from 'openai';\n\nconst client = new OpenAI();\n";
      const run = () => runTransforms([redeclares], { source, path: 'a.mjs', options: DEFAULT_OPTIONS, wholeFile });
      expect(run).toThrow(/the migrated code would not parse \(Identifier 'client' has already been declared\. \(4:6\)\): the file is left as it was/);
    });
  }
});
