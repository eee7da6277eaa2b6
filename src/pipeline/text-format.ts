import { isAscii } from 'node:buffer';
import type { TextDecoder } from 'node:util';

/**
 * The text of UTF-8 `bytes` through a strict (`fatal`) `decoder`, which throws on anything else. Most source is
 * ASCII: its latin1 reading is the same text (and holds no BOM), several times cheaper than the decoder.
 */
export function decodeUtf8(bytes: Buffer, decoder: TextDecoder): string {
  return isAscii(bytes) ? bytes.toString('latin1') : decoder.decode(bytes);
}

/** How a file's text is laid out on disk, kept so a rewrite changes only what the transforms changed. */
export interface TextFormat {
  bom: boolean;
  eol: '\n' | '\r\n';
}

const BOM = '\uFEFF';

/** The dominant line ending: CRLF when more lines end in `\r\n` than in a bare `\n`. */
export function dominantEol(text: string): TextFormat['eol'] {
  const crlf = text.match(/\r\n/g)?.length ?? 0;
  const lf = (text.match(/\n/g)?.length ?? 0) - crlf;
  return crlf > lf ? '\r\n' : '\n';
}

/** The text the transforms see (no BOM, `\n` line endings) and the layout to restore afterwards. */
export function decodeText(text: string): { body: string; format: TextFormat } {
  const bom = text.startsWith(BOM);
  const withoutBom = bom ? text.slice(1) : text;
  const eol = dominantEol(withoutBom);
  return { body: eol === '\r\n' ? withoutBom.replace(/\r\n/g, '\n') : withoutBom, format: { bom, eol } };
}

export function encodeText(body: string, format: TextFormat): string {
  const text = format.eol === '\r\n' ? body.replace(/\r?\n/g, '\r\n') : body;
  return format.bom ? BOM + text : text;
}
