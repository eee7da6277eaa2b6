// CommonJS modules (`module.exports = …`), required through transforms/lib/cjs-deps.cts.
declare module 'jscodeshift/parser/tsOptions.js' {
  import type { ParserOptions, ParserPlugin } from '@babel/parser';
  const options: ParserOptions & { plugins: ParserPlugin[] };
  export = options;
}

declare module 'jscodeshift/parser/babylon.js' {
  import type { ParserOptions } from '@babel/parser';
  /** jscodeshift's Babel wrapper: `parse(code)` is `@babel/parser`'s `parse(code, options)`. */
  const babylon: (options?: ParserOptions) => { parse(code: string): unknown };
  export = babylon;
}
