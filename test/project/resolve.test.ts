import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ModuleResolver } from '../../src/project/resolve.js';
import { parseJsonc, readAliasOptions } from '../../src/project/tsconfig.js';
import { fixture } from './helpers.js';

const dir = fixture('tsconfig-extends');
const route = path.join(dir, 'src/app/route.ts');

describe('tsconfig without TypeScript', () => {
  it('reads JSON with comments and trailing commas, and nothing that is not JSON', () => {
    expect(parseJsonc('{ // c\n "a": [1, 2,], /* "b": 1 */ "c": "//not a comment", }')).toEqual({ a: [1, 2], c: '//not a comment' });
    expect(parseJsonc('{ "a": }')).toBeUndefined();
  });

  it('follows `extends` (".json" implied) and keeps `paths` relative to the config that declares them', () => {
    expect(readAliasOptions(path.join(dir, 'tsconfig.json'))).toEqual({
      paths: { '#lib/*': ['../src/lib/*'] },
      pathsBase: path.join(dir, 'configs'),
    });
  });
});

describe('ModuleResolver: TypeScript bundler resolution', () => {
  const resolver = new ModuleResolver();

  it('maps a `paths` alias written with `.js` to the `.ts` source', () => {
    expect(resolver.resolve(route, '#lib/openai.js')).toBe(path.join(dir, 'src/lib/openai.ts'));
  });

  it("finds a directory's index.tsx", () => {
    expect(resolver.resolve(route, '../widgets/button')).toBe(path.join(dir, 'src/widgets/button/index.tsx'));
  });

  it('takes a declaration file over the JavaScript beside it, as TypeScript does, and a declaration is not ours', () => {
    expect(resolver.resolve(route, '../lib/typed.js')).toBeUndefined();
  });

  it('leaves bare specifiers, node: builtins and missing files unresolved', () => {
    expect(resolver.resolve(route, 'zod')).toBeUndefined();
    expect(resolver.resolve(route, 'node:fs')).toBeUndefined();
    expect(resolver.resolve(route, './missing')).toBeUndefined();
  });
});
