import { describe, expect, it } from 'vitest';
import { nameDescribedSpeakers, type DescribedSpeaker } from './named-later.js';

const described = (title: string): DescribedSpeaker => ({
  speaker: title,
  speakerRole: title,
  speakerAffiliation: null,
  kind: 'person',
});
const named = (speaker: string, role: string, affiliation: string | null = null) => ({
  speaker,
  speakerRole: role,
  speakerAffiliation: affiliation,
  kind: 'person',
});

describe('nameDescribedSpeakers', () => {
  it('names a title after the one person the text later gives that title', () => {
    const claims = [
      described('company spokeswoman'),
      named('Mirela Dask', 'Halvik spokeswoman', 'Halvik Resources'),
    ];
    nameDescribedSpeakers(claims);
    expect(claims[0]).toMatchObject({ speaker: 'Mirela Dask', speakerRole: 'Halvik spokeswoman' });
  });

  it('takes a spokesperson and a spokesman for one title', () => {
    const claims = [
      described('Civic Union spokesperson'),
      named('Marek Holtz', 'Civic Union spokesman', 'Civic Union'),
    ];
    nameDescribedSpeakers(claims);
    expect(claims[0].speaker).toBe('Marek Holtz');
  });

  it('uses the title’s modifiers to tell two holders apart', () => {
    const claims = [
      described('city spokesman'),
      named('Jonas Hale', 'spokesman for Halden Police'),
      named('Pieter Vallance', 'spokesman for the City of Halden'),
    ];
    nameDescribedSpeakers(claims);
    expect(claims[0].speaker).toBe('Pieter Vallance');
  });

  it('leaves it when two people fit, when none comes later, or when it is no title', () => {
    const two = [
      described('spokesman'),
      named('Jonas Hale', 'spokesman for Halden Police'),
      named('Pieter Vallance', 'spokesman for the City of Halden'),
    ];
    const earlier = [named('Nadia Brenn', 'chief economist'), described('chief economist')];
    const org = [{ ...described('agency'), kind: 'org' }, named('Karin Moe', 'agency head')];
    for (const claims of [two, earlier, org]) nameDescribedSpeakers(claims);
    expect(two[0].speaker).toBe('spokesman');
    expect(earlier[1].speaker).toBe('chief economist');
    expect(org[0].speaker).toBe('agency');
  });
});
