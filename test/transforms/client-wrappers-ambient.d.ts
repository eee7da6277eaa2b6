// Just enough of the client wrappers core knows (CLIENT_WRAPPERS), and of a made-up one, for the fixture outputs that
// use them to type-check: each hands back the client it is given.
declare module 'langsmith/wrappers' {
  export function wrapOpenAI<T extends object>(client: T, options?: object): T;
}
declare module 'langfuse' {
  export function observeOpenAI<T extends object>(client: T, config?: { generationName?: string }): T;
}
declare module '@instructor-ai/instructor' {
  export default function Instructor<C extends object>(config: { client: C; mode: string }): {
    chat: { completions: { create(params: Record<string, unknown> & { response_model: { name: string } }): Promise<unknown> } };
  };
}
declare module '@acme/tracing' {
  export function track<T extends object>(client: T): T;
  export function structured<T extends object>(options: { client: T; retries: number }): T;
  export function structured(options: { retries: number }): { chat: { completions: { create(params: object): Promise<unknown> } } };
}
