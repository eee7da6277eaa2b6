import { describe, expect, it } from 'vitest';
import { DEFAULT_OPTIONS } from '../../src/core/index.js';
import { TRANSFORMS } from '../../transforms/index.js';
import { runTransforms } from '../../transforms/lib/run.js';

/** The report's secrets, like its changes and markers, name lines of the migrated file. */
function secretsOf(source: string) {
  const result = runTransforms(TRANSFORMS, { source, path: 'keys.ts', options: DEFAULT_OPTIONS });
  const lines = result.output.split('\n');
  return result.outcome.secrets.map((s) => ({ ...s, text: lines[s.line - 1] }));
}

describe('secret lines', () => {
  it('a key left in place is reported where it sits below its marker', () => {
    const source = [
      "import OpenAI from 'openai';",
      "export const seed = { vendor: 'openai', token: 'sk-proj-Pl9Ok8Ij7Uh6Yg5Tf4Rd3Es2Wa1Qz0Xs9Cd8Vf7Bg6Nh5Mj4' };",
      'export const client = new OpenAI();',
      '',
    ].join('\n');
    const [secret] = secretsOf(source);
    expect(secret).toMatchObject({ kept: true, text: expect.stringContaining('export const seed') });
  });

  it('a key removed is reported at the line that replaced it, after lines the migration added above', () => {
    const source = [
      "import OpenAI from 'openai';",
      "const first = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });",
      "const KEY = 'sk-proj-Mn3Bv5Cx7Za9Sd1Fg3Hj5Kl7Qw9Er1Ty3Ui5Op7As9Df1Gh3';",
      'export const second = new OpenAI({ apiKey: KEY });',
      'export { first };',
      '',
    ].join('\n');
    const [secret] = secretsOf(source);
    expect(secret!.kept).toBeUndefined();
    expect(secret!.text).toMatch(/^const KEY = /);
  });
});
