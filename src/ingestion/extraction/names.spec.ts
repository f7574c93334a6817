import { describe, expect, it } from 'vitest';
import { acronymKey, gatherNames, isAcronym } from './names.js';

describe('gatherNames', () => {
  it('learns defined and implied acronyms', () => {
    const names = gatherNames([
      'The paramilitary Northern Shield Forces (NSF) said on Saturday that it seized the airport.',
      'The World Health Organization said four cases were in the capital. The WHO later confirmed it.',
    ]);
    expect(names.acronyms.get('NSF')).toBe('Northern Shield Forces');
    expect(names.acronyms.get('WHO')).toBe('World Health Organization');
  });

  it('learns place adjectives the text uses', () => {
    const names = gatherNames([
      'Lusara’s health ministry said so.',
      'The Lusaran president agreed.',
    ]);
    expect(names.adjectives.get('Lusara')).toBe('Lusaran');
    expect(names.adjectives.has('Karesh')).toBe(false);
  });

  it('learns outlets from their introduction', () => {
    const names = gatherNames([
      'Interior Minister Goran Stoica told state broadcaster MRT that police had detained 14 people.',
    ]);
    expect(names.outlets.has('mrt')).toBe(true);
  });
});

describe('acronyms', () => {
  it('compare without dots', () => {
    expect(acronymKey('U.N.')).toBe('UN');
    expect(isAcronym('U.N.')).toBe(true);
    expect(isAcronym('NSF')).toBe(true);
    expect(isAcronym('Kremlin')).toBe(false);
  });
});

describe('organisationNames', () => {
  it('knows organisations that read like people by what the text says of them', () => {
    const names = gatherNames([
      'Kestrel Pay said its systems were safe. Kestrel shares fell.',
      'Ines Marlow, a researcher at cybersecurity firm Tallow Labs, said Marlow’s sample matched.',
    ]);
    expect(names.organisationNames.has('Kestrel Pay')).toBe(true);
    expect(names.organisationNames.has('Tallow Labs')).toBe(true);
    expect(names.organisationNames.has('Ines Marlow')).toBe(false);
  });
});
