import { describe, expect, it } from 'vitest';
import { splitItems } from './items.js';

describe('splitItems', () => {
  it('splits on blank lines and numbers items in order', () => {
    expect(splitItems('Title\n\nFirst item.\n\nSecond item.')).toEqual([
      'Title',
      'First item.',
      'Second item.',
    ]);
  });

  it('treats several blank lines, blank lines with spaces and CRLF as one separator', () => {
    expect(splitItems('A\r\n\r\n\r\nB\n  \nC')).toEqual(['A', 'B', 'C']);
  });

  it('keeps single line breaks inside an item and trims its edges', () => {
    expect(splitItems('  Key points:\n• one\n• two  \n\nNext')).toEqual([
      'Key points:\n• one\n• two',
      'Next',
    ]);
  });

  it('gives no items for empty or blank text', () => {
    expect(splitItems('')).toEqual([]);
    expect(splitItems('\n\n  \n')).toEqual([]);
  });
});
