import { describe, expect, it } from 'vitest';
import { normalizeName } from './normalize-name.js';

describe('normalizeName', () => {
  it.each([
    ['The Washington Post', 'washington post'],
    ['  the   WASHINGTON\tPost ', 'washington post'],
    ['Washington Post', 'washington post'],
    ['Ukraine’s Prosecutor General', "ukraine's prosecutor general"],
    ['“Yonhap”', '"yonhap"'],
    ['Theo Smith', 'theo smith'],
  ])('%j → %j', (name, key) => {
    expect(normalizeName(name)).toBe(key);
  });

  it('keeps a "the" that is not a leading word', () => {
    expect(normalizeName('Office of the President')).toBe('office of the president');
  });
});
