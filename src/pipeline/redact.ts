import { findSecrets, maskSecret } from '../core/index.js';

/** Replace every OpenAI secret in text bound for a terminal or report by its masked form. */
export function redactSecrets(text: string): string {
  let out = text;
  for (const { secret, index } of findSecrets(text).reverse()) {
    out = out.slice(0, index) + maskSecret(secret) + out.slice(index + secret.length);
  }
  return out;
}
