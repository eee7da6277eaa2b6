// Project files for the check tests: code already on Azure, and one offender per checked file type.

/** Azure-bound code and config that `check` must leave alone. */
export const CLEAN: Record<string, string> = {
  'src/client.ts': `import { AzureOpenAI } from "openai";

const deployment = process.env.AZURE_OPENAI_DEPLOYMENT_GPT_4O ?? "gpt-4o";

export const client = new AzureOpenAI({
  endpoint: process.env.AZURE_OPENAI_ENDPOINT,
  apiKey: process.env.AZURE_OPENAI_API_KEY,
  apiVersion: "2024-10-21",
  deployment,
});

export async function ask(question: string): Promise<string | null | undefined> {
  const res = await client.chat.completions.create({ model: deployment, messages: [{ role: "user", content: question }] });
  return res.choices[0]?.message.content;
}
`,
  'src/Answer.tsx': `export function Answer({ text }: { text: string }) {
  return <p className="answer">{text}</p>;
}
`,
  // JSX in a plain .js file, as many React projects write it.
  'src/legacy/Banner.js': `export function Banner() {
  return <div>Hello</div>;
}
`,
  'src/legacy/old.cjs': `/* eslint-env node */
// eslint-disable-next-line no-console
console.log(require("node:path").sep);
`,
  'package.json': `{ "name": "app", "type": "module", "dependencies": { "openai": "^5.0.0" } }\n`,
  'config/app.yaml': `azure:\n  endpoint: https://contoso.openai.azure.com/\n`,
  'README.md': `# App\n\nModels are described at https://platform.openai.com/docs/models.\n`,
  '.env.example': `AZURE_OPENAI_ENDPOINT=https://contoso.openai.azure.com/\nAZURE_OPENAI_API_KEY=\n`,
};

/** One file per checked type that still talks to OpenAI directly. */
export const OFFENDERS: Record<string, string> = {
  'src/client.ts': `import OpenAI from "openai";\n\nexport const client = new OpenAI();\n`,
  'src/url.js': `export const CHAT_URL = "https://api.openai.com/v1/chat/completions";\n`,
  'src/key.mts': `export const key = process.env.OPENAI_API_KEY;\n`,
  'config/endpoints.json': `{ "chat": "https://api.openai.com/v1/chat/completions" }\n`,
  'deploy/ci.yaml': `env:\n  OPENAI_API_KEY: \${{ secrets.OPENAI_API_KEY }}\n`,
  'docs/setup.md': `# Setup\n\nThe service calls https://api.openai.com/v1 with \`OPENAI_API_KEY\`.\n`,
  '.env': `OPENAI_API_KEY=changeme\n`,
};
