import type { Plugin } from 'vite';

/**
 * transforms/lib/cjs-deps.cts is CommonJS on purpose (see there): the build emits a `.cjs` that Node loads natively.
 * Vitest runs sources as ES modules, so there its `import x = require('y')` lines become `const x = require('y')`
 * with a `require` made for the file; the packages it loads are the same.
 */
export function cjsBridge(): Plugin {
  return {
    name: 'openai-to-azure:cjs-bridge',
    enforce: 'pre',
    transform(code, id) {
      if (!id.endsWith('.cts')) return undefined;
      const body = code.replace(/^import (\w+) = require\(('[^']+')\);$/gm, 'const $1 = require($2);');
      return `import { createRequire } from 'node:module';\nconst require = createRequire(import.meta.url);\n${body}`;
    },
  };
}
