/**
 * OpenAI secret keys. The strict pattern is gitleaks' `openai-api-key` rule (anchored on `T3BlbkFJ`, base64 of
 * "OpenAI"); the loose one catches project/service/admin keys and long `sk-` tokens with lower confidence.
 */
const STRICT =
  /sk-(?:proj|svcacct|admin)-(?:[A-Za-z0-9_-]{74}|[A-Za-z0-9_-]{58})T3BlbkFJ(?:[A-Za-z0-9_-]{74}|[A-Za-z0-9_-]{58})|sk-[A-Za-z0-9]{20}T3BlbkFJ[A-Za-z0-9]{20}/;
const LOOSE = /\bsk-(?:proj-|svcacct-|admin-)[A-Za-z0-9_-]{20,}|\bsk-[A-Za-z0-9_-]{20,}/;

export function findSecret(text: string): string | undefined {
  return (STRICT.exec(text) ?? LOOSE.exec(text))?.[0];
}

/** Same search over the whole text, every match (for scanners of whole files). */
export function findSecrets(text: string): { secret: string; index: number }[] {
  const out: { secret: string; index: number }[] = [];
  const re = new RegExp(`${STRICT.source}|${LOOSE.source}`, 'g');
  for (const m of text.matchAll(re)) out.push({ secret: m[0], index: m.index ?? 0 });
  return out;
}

/** `sk-proj-AAAA…Ab12`-style masking: the kind prefix and the last four characters, never the body. */
export function maskSecret(secret: string): string {
  const prefix = /^sk-(?:proj-|svcacct-|admin-)?/.exec(secret)?.[0] ?? '';
  return `${prefix}…${secret.slice(-4)}`;
}
