import { describe, expect, it } from 'vitest';
import { decodeText, dominantEol, encodeText } from '../../src/pipeline/text-format.js';

describe('line endings and BOM', () => {
  it('detects the dominant line ending', () => {
    expect(dominantEol('a\nb\n')).toBe('\n');
    expect(dominantEol('a\r\nb\r\n')).toBe('\r\n');
    expect(dominantEol('a\r\nb\r\nc\n')).toBe('\r\n');
    expect(dominantEol('a\r\nb\nc\n')).toBe('\n');
    expect(dominantEol('no newline')).toBe('\n');
  });

  it('hands the transforms LF text without BOM and restores both', () => {
    const original = '\uFEFFconst a = 1;\r\nconst b = 2;\r\n';
    const { body, format } = decodeText(original);
    expect(body).toBe('const a = 1;\nconst b = 2;\n');
    expect(format).toEqual({ bom: true, eol: '\r\n' });
    expect(encodeText(body, format)).toBe(original);
    expect(encodeText(`${body}const c = 3;\n`, format)).toBe(`${original}const c = 3;\r\n`);
  });

  it('leaves LF files without BOM as they are', () => {
    const { body, format } = decodeText('a\nb');
    expect(body).toBe('a\nb');
    expect(encodeText(body, format)).toBe('a\nb');
  });
});
