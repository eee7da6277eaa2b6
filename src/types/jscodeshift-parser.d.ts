declare module 'jscodeshift/parser/tsOptions.js' {
  import type { ParserOptions, ParserPlugin } from '@babel/parser';
  const options: ParserOptions & { plugins: ParserPlugin[] };
  export default options;
}
