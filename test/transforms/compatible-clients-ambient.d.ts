// A made-up OpenAI-compatible HTTP library (as xsai, or @ai-sdk/openai-compatible's provider factory): it takes
// OpenAI's settings as options and sends the key as a Bearer token to whatever `baseURL` it is given (OpenAI's by
// default).
declare module '@acme/compatible-llm' {
  export function generateText(options: {
    apiKey: string;
    baseURL?: string;
    model: string;
    messages: { role: string; content: string }[];
  }): Promise<{ text: string }>;
  interface Model {
    id: string;
  }
  export function createCompatible(settings: { name: string; baseURL: string; apiKey?: string }): ((id: string) => Model) & {
    imageModel(id: string): Model;
  };
}
