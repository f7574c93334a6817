import { describe, expect, it } from 'vitest';
import { xmlText } from './xml-text.js';

describe('xmlText', () => {
  it('escapes markup and quotes', () => {
    expect(xmlText('a < b & "c" > d')).toBe('a &lt; b &amp; &quot;c&quot; &gt; d');
  });

  it('keeps tab, newline and carriage return as character references', () => {
    expect(xmlText('one\r\ntwo\tthree')).toBe('one&#13;&#10;two&#9;three');
  });

  it('replaces characters XML 1.0 forbids with U+FFFD', () => {
    expect(xmlText('nul\u0000 bell\u0007 esc\u001b \uFFFF')).toBe(
      'nul\uFFFD bell\uFFFD esc\uFFFD \uFFFD',
    );
  });

  it('keeps emoji but replaces unpaired surrogates', () => {
    expect(xmlText('🛰️ ok')).toBe('🛰️ ok');
    expect(xmlText('lone \uD83D end \uDE00')).toBe('lone \uFFFD end \uFFFD');
  });

  it('passes plain text and numbers through', () => {
    expect(xmlText('Kyiv')).toBe('Kyiv');
    expect(xmlText(42)).toBe('42');
  });
});
