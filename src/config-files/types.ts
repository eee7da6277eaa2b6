import type { Change, SecretFinding } from '../../transforms/lib/types.js';

/** What editing one config file produced (the text is `\n`-normalised, as the code transforms see it). */
export interface ConfigEdit {
  output: string;
  changes: Change[];
  secrets: SecretFinding[];
  notes: string[];
}

export function emptyEdit(body: string): ConfigEdit {
  return { output: body, changes: [], secrets: [], notes: [] };
}
