import { describe, expect, it } from 'vitest';
import { gatherNames } from './names.js';
import { describeSpeaker, findMentions, normalizeOrgName, SpeakerResolver } from './speakers.js';

describe('describeSpeaker', () => {
  it('splits a title from a name', () => {
    expect(describeSpeaker('Kremlin spokesman Dmitry Peskov')).toEqual({
      speaker: 'Dmitry Peskov',
      role: 'Kremlin spokesman',
      affiliation: 'Kremlin',
      kind: 'person',
    });
    expect(describeSpeaker('Russian Foreign Minister Sergei Lavrov')).toMatchObject({
      speaker: 'Sergei Lavrov',
      affiliation: 'Russia',
    });
  });

  it('reads appositives in either order', () => {
    expect(
      describeSpeaker('Lim Soo-suk, a spokesman for South Korea’s Foreign Ministry'),
    ).toMatchObject({
      speaker: 'Lim Soo-suk',
      role: 'spokesman for South Korea’s Foreign Ministry',
      affiliation: 'South Korean Foreign Ministry',
    });
    expect(describeSpeaker('the group’s field coordinator, Jonas Weyer')).toMatchObject({
      speaker: 'Jonas Weyer',
      kind: 'person',
    });
    expect(
      describeSpeaker('Opposition leader Petra Solvig of the Social Democratic Front'),
    ).toEqual({
      speaker: 'Petra Solvig',
      role: 'Opposition leader',
      affiliation: 'Social Democratic Front',
      kind: 'person',
    });
    expect(
      describeSpeaker('Rosalind Achterberg, a lawyer representing burned Voltara customers'),
    ).toMatchObject({ speaker: 'Rosalind Achterberg', affiliation: null });
    expect(
      describeSpeaker('Norvania’s national regulator, the Product Safety Commission'),
    ).toMatchObject({ speaker: 'Product Safety Commission', kind: 'org' });
    expect(describeSpeaker('Marek Holtz, the Civic Union spokesman')).toMatchObject({
      speaker: 'Marek Holtz',
      role: 'Civic Union spokesman',
      kind: 'person',
    });
    expect(describeSpeaker('Inspector Jonas Hale, a spokesman for Halden Police')).toMatchObject({
      speaker: 'Jonas Hale',
      role: 'spokesman for Halden Police',
      kind: 'person',
    });
  });

  it('tells organisations, groups, countries and outlets apart', () => {
    expect(describeSpeaker('The Russian Defense Ministry')).toMatchObject({
      speaker: 'Russian Defense Ministry',
      kind: 'org',
      affiliation: 'Russia',
    });
    expect(describeSpeaker('Russian officials')).toMatchObject({
      kind: 'group',
      affiliation: 'Russia',
    });
    expect(describeSpeaker('Ukraine')).toMatchObject({ kind: 'country' });
    expect(describeSpeaker('South Korean news agency Yonhap')).toMatchObject({
      speaker: 'Yonhap',
      kind: 'outlet',
    });
    expect(describeSpeaker('Corvane Inc.')).toMatchObject({ kind: 'org' });
  });
});

describe('normalizeOrgName', () => {
  it('writes a country’s possessive as its adjective', () => {
    expect(normalizeOrgName('Britain’s Defense Ministry')).toBe('British Defense Ministry');
    expect(normalizeOrgName('Office of Ukraine’s Prosecutor General')).toBe(
      'Office of Ukraine’s Prosecutor General',
    );
  });
});

function resolver(text: string) {
  const items = text.split(/\n\n/);
  return new SpeakerResolver(findMentions(items), gatherNames(items));
}

describe('SpeakerResolver', () => {
  const ctx = (item: number, itemText = '') => ({ item, clauseSubject: null, itemText });

  it('resolves a pronoun to the last person who spoke in the item', () => {
    const r = resolver(
      'Title\n\nWhite House spokesman John Kirby said the summit was watched. He said more.',
    );
    const kirby = r.resolve('White House spokesman John Kirby', ctx(1));
    r.remember(kirby.info, 1);
    expect(r.resolve('he', ctx(1))).toMatchObject({
      how: 'resolved',
      info: { speaker: 'John Kirby' },
    });
  });

  it('resolves a surname to the full name a titled mention gave', () => {
    const r = resolver('Title\n\nNorth Korean leader Kim Jong Un arrived.\n\nKim praised Russia.');
    expect(r.resolve('Kim', ctx(2)).info).toMatchObject({
      speaker: 'Kim Jong Un',
      role: 'North Korean leader',
    });
  });

  it('resolves a definite description to the organisation it names', () => {
    const r = resolver(
      'Title\n\nThe Central Electoral Commission said Balan led.\n\nEuropean Commission spokesman Pieter Claes said the bloc was watching.\n\nTurnout was 61%, the commission said.',
    );
    r.remember(r.resolve('the Central Electoral Commission', ctx(1)).info, 1);
    r.remember(r.resolve('European Commission spokesman Pieter Claes', ctx(2)).info, 2);
    expect(r.resolve('the commission', ctx(3)).info.speaker).toBe('Central Electoral Commission');
  });

  it('resolves "the company" to the company that spoke last', () => {
    const r = resolver(
      'Title\n\nCorvane Inc. said revenue rose. Net income rose, the company said.',
    );
    r.remember(r.resolve('Corvane Inc.', ctx(1)).info, 1);
    expect(r.resolve('the company', ctx(1)).info.speaker).toBe('Corvane');
  });

  it('prefers a body named as a company for "the company" over a group that spoke since', () => {
    const r = resolver(
      'Title\n\nDrellund Chemicals said two workers were treated. Friends of the Tarne said fish had died; the company said the fish were found upstream.',
    );
    r.remember(r.resolve('Drellund Chemicals', ctx(1)).info, 1);
    r.remember(r.resolve('Friends of the Tarne', ctx(1)).info, 1);
    expect(r.resolve('the company', ctx(1)).info.speaker).toBe('Drellund Chemicals');
  });

  it('expands an acronym the text defines', () => {
    const r = resolver(
      'Title\n\nThe paramilitary Northern Shield Forces (NSF) said it seized the airport.\n\nThe NSF blamed the army.',
    );
    expect(r.resolve('The NSF', ctx(2)).info.speaker).toBe('Northern Shield Forces');
  });

  it('names a regional governor after the region', () => {
    const r = resolver('Title\n\nx');
    expect(r.resolve('Ostrel’s provincial governor', ctx(1)).info.speaker).toBe(
      'Governor of Ostrel',
    );
    expect(
      r.resolve('The local governor', ctx(1, 'Drones flew over Bryansk Oblast.')).info.speaker,
    ).toBe('Governor of Bryansk Oblast');
  });

  it('uses the text’s own adjective for a place', () => {
    const r = resolver(
      'Title\n\nLusara’s health ministry said 38 cases were confirmed. The Lusaran government agreed.',
    );
    expect(r.resolve('Lusara’s health ministry', ctx(1)).info.speaker).toBe(
      'Lusaran health ministry',
    );
  });

  it('leaves a pronoun unresolved when nobody spoke before', () => {
    const r = resolver('Title\n\nx');
    expect(r.resolve('he', ctx(1)).how).toBe('unresolved');
  });
});
