// Just enough of Deno's and Bun's globals, and of Deno's `npm:` specifiers, for the Deno/Bun fixture outputs to
// type-check (the specifiers name the same `openai` package the other fixtures use).
declare const Deno: {
  env: { get(name: string): string | undefined; toObject(): Record<string, string> };
  serve(handler: (request: Request) => Response | Promise<Response>): void;
};
declare const Bun: { env: Record<string, string | undefined> };
declare module 'npm:openai@^4.52.0' {
  export * from 'openai';
  export { default } from 'openai';
}
declare module 'https://esm.sh/v135/openai@4.20.1' {
  export * from 'openai';
  export { default } from 'openai';
}
