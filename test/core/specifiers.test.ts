// Deno and CDN module specifiers name the same packages as bare ones, so the codemod and the linter treat
// `npm:openai@^4` as `openai`; a specifier that pins a release older than AzureOpenAI is told apart.
import { describe, expect, it } from 'vitest';
import { AZURE_CLIENT_SINCE, isSpecifierOf, packageOfSpecifier, pinnedBelow, quotesPackage, respecify } from '../../src/core/index.js';

describe('module specifiers', () => {
  it('names the package behind Deno, JSR, deno.land and CDN specifiers', () => {
    expect(packageOfSpecifier('openai')).toBe('openai');
    expect(packageOfSpecifier('npm:openai@^4.52.0')).toBe('openai');
    expect(packageOfSpecifier('npm:openai')).toBe('openai');
    expect(packageOfSpecifier('npm:@ai-sdk/openai@1.3.0')).toBe('@ai-sdk/openai');
    expect(packageOfSpecifier('npm:openai@4/resources')).toBe('openai/resources');
    expect(packageOfSpecifier('jsr:@openai/openai')).toBe('openai');
    expect(packageOfSpecifier('jsr:@openai/openai@^5')).toBe('openai');
    expect(packageOfSpecifier('https://deno.land/x/openai@v4.24.0/mod.ts')).toBe('openai');
    expect(packageOfSpecifier('https://esm.sh/openai@4.28.0')).toBe('openai');
    // esm.sh's build-versioned URLs (`/v135/`), as its own import maps write them.
    expect(packageOfSpecifier('https://esm.sh/v135/openai@4.28.0')).toBe('openai');
    expect(packageOfSpecifier('https://esm.sh/v132/@ai-sdk/openai@1.3.0/')).toBe('@ai-sdk/openai/');
    expect(packageOfSpecifier('https://cdn.jsdelivr.net/npm/openai@4/+esm')).toBe('openai');
    expect(packageOfSpecifier('https://example.com/openai.js')).toBe('https://example.com/openai.js');
    // A package's index module named as a subpath is the package; a scoped package named `index` is not a subpath.
    expect(packageOfSpecifier('openai/index')).toBe('openai');
    expect(packageOfSpecifier('openai/index.js')).toBe('openai');
    expect(packageOfSpecifier('@ai-sdk/openai/index.mjs')).toBe('@ai-sdk/openai');
    expect(packageOfSpecifier('@scope/index')).toBe('@scope/index');
    expect(packageOfSpecifier('openai/resources/index')).toBe('openai/resources/index');
    expect(isSpecifierOf('openai/index', 'openai')).toBe(true);
    expect(quotesPackage('import { OpenAI } from "openai/index";', 'openai')).toBe(true);
    expect(isSpecifierOf('npm:my-openai@1', 'openai')).toBe(false);
    expect(isSpecifierOf('npm:@langchain/openai@0.3', '@langchain/openai')).toBe(true);
  });

  it('finds quoted specifiers of a package itself, not of a subpath or another package', () => {
    expect(quotesPackage("import OpenAI from 'npm:openai@^4';", 'openai')).toBe(true);
    expect(quotesPackage('import OpenAI from "jsr:@openai/openai";', 'openai')).toBe(true);
    expect(quotesPackage("import { openai } from '@ai-sdk/openai';", 'openai')).toBe(false);
    expect(quotesPackage("import type { X } from 'openai/resources';", 'openai')).toBe(false);
  });

  it('points a specifier at another package in its own scheme and range', () => {
    expect(respecify('npm:@ai-sdk/openai@^1.3.0', '@ai-sdk/azure')).toBe('npm:@ai-sdk/azure@^1.3.0');
    expect(respecify('https://esm.sh/@ai-sdk/openai@1', '@ai-sdk/azure')).toBe('https://esm.sh/@ai-sdk/azure@1');
    expect(respecify('https://esm.sh/v135/@ai-sdk/openai@1', '@ai-sdk/azure')).toBe('https://esm.sh/v135/@ai-sdk/azure@1');
    expect(respecify('@ai-sdk/openai', '@ai-sdk/azure')).toBe('@ai-sdk/azure');
  });

  it('tells the pins that cannot reach AzureOpenAI', () => {
    expect(pinnedBelow('npm:openai@4.24.0', AZURE_CLIENT_SINCE)).toBe('4.24.0');
    expect(pinnedBelow('https://deno.land/x/openai@v4.24.0/mod.ts', AZURE_CLIENT_SINCE)).toBe('v4.24.0');
    expect(pinnedBelow('npm:openai@~4.40.1', AZURE_CLIENT_SINCE)).toBe('~4.40.1');
    expect(pinnedBelow('npm:openai@^3.3.0', AZURE_CLIENT_SINCE)).toBe('^3.3.0');
    expect(pinnedBelow('https://esm.sh/v135/openai@4.10.0', AZURE_CLIENT_SINCE)).toBe('4.10.0');
    for (const reaches of ['npm:openai@^4.24.0', 'npm:openai@4', 'npm:openai', 'npm:openai@4.52.0', 'jsr:@openai/openai@^5', 'openai']) {
      expect(pinnedBelow(reaches, AZURE_CLIENT_SINCE), reaches).toBeUndefined();
    }
  });
});
