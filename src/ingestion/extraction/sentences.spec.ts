import { describe, expect, it } from 'vitest';
import { normalizeQuotes, splitSentences } from './sentences.js';

const texts = (item: string) => splitSentences(item).map((s) => s.text);

describe('splitSentences', () => {
  it('splits at sentence ends and keeps offsets into the item', () => {
    const item = 'Peskov said the talks were over. The ministry denied it.';
    const sentences = splitSentences(item);
    expect(sentences.map((s) => s.text)).toEqual([
      'Peskov said the talks were over.',
      'The ministry denied it.',
    ]);
    for (const s of sentences) expect(item.slice(s.start, s.start + s.text.length)).toBe(s.text);
  });

  it('does not split after titles, initials or dotted acronyms inside a sentence', () => {
    expect(
      texts(
        'Lt. Col. Richard Hecht told CNN that the U.S. Navy had sent John F. Kennedy’s namesake.',
      ),
    ).toHaveLength(1);
    expect(texts('Sen. Warren said the bill passed at 7 a.m. on Tuesday.')).toHaveLength(1);
  });

  it('splits after a dotted acronym when a new sentence starts', () => {
    expect(texts('The sanctions target the U.S. The ministry said so.')).toEqual([
      'The sanctions target the U.S.',
      'The ministry said so.',
    ]);
  });

  it('keeps a closing quote with its sentence', () => {
    expect(texts('“We are ready,” he said. “The rest is up to them.”')).toEqual([
      '“We are ready,” he said.',
      '“The rest is up to them.”',
    ]);
  });

  it('ends a sentence at a line break and drops list bullets', () => {
    const item =
      'Key developments:\n• The Kremlin said no talks were planned.\n• Nato said aid was pledged.';
    const sentences = splitSentences(item);
    expect(sentences.map((s) => s.text)).toEqual([
      'Key developments:',
      'The Kremlin said no talks were planned.',
      'Nato said aid was pledged.',
    ]);
    for (const s of sentences) expect(item.slice(s.start, s.start + s.text.length)).toBe(s.text);
  });
});

describe('normalizeQuotes', () => {
  it('writes straight and British single quotes as curly double quotes, offsets unchanged', () => {
    const straight = '"We won," he said.';
    expect(normalizeQuotes(straight)).toBe('“We won,” he said.');
    const british = '‘We have never seen this,’ said Douglas, the agency’s chief.';
    const out = normalizeQuotes(british);
    expect(out).toBe('“We have never seen this,” said Douglas, the agency’s chief.');
    expect(out).toHaveLength(british.length);
  });

  it('leaves apostrophes inside words alone', () => {
    expect(normalizeQuotes('Sunday’s vote and the farmers’ union')).toBe(
      'Sunday’s vote and the farmers’ union',
    );
  });
});
