/** Reports that quote a secret: only ever its masked form (`sk-proj-…Ab12`), never the key. */
import { findOpenAIKeys, findSecrets, maskSecret } from '../../src/core/index.js';

export interface MaskedSecret {
  /** `sk-proj-…Ab12`: safe for messages, terminals, SARIF and CI logs. */
  masked: string;
  start: number;
  end: number;
}

/** A text safe to quote in a message: any key in it masked. */
export function maskSecretsIn(text: string): string {
  let out = text;
  for (const { secret } of findSecrets(text)) out = out.replace(secret, maskSecret(secret));
  return out;
}

/** The OpenAI keys in `text` (see `findOpenAIKeys`: `contextOf` gives the text a low-confidence match is judged by). */
export function maskedSecrets(text: string, contextOf?: (index: number) => string): MaskedSecret[] {
  return findOpenAIKeys(text, contextOf).map(({ secret, index }) => ({ masked: maskSecret(secret), start: index, end: index + secret.length }));
}
