import type { Change, SecretFinding } from '../../transforms/lib/types.js';

/** What editing one config file produced (the text is `\n`-normalised, as the code transforms see it). */
export interface ConfigEdit {
  output: string;
  changes: Change[];
  secrets: SecretFinding[];
  notes: string[];
}

/** The 1-based line of an offset in a config file's text (for its changes and secrets). */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

export function emptyEdit(body: string): ConfigEdit {
  return { output: body, changes: [], secrets: [], notes: [] };
}
