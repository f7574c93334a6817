import { describe, expect, it } from 'vitest';
import { differInFigures, quantitiesIn } from './quantities.js';

describe('quantitiesIn', () => {
  it('reads figures with what they count', () => {
    expect(quantitiesIn('312 people had been confirmed dead and 1,450 injured')).toEqual([
      { value: 312, measures: ['peopl', '#casualties'], hedged: false },
      { value: 1450, measures: ['#injured'], hedged: false },
    ]);
    expect(quantitiesIn('records on 6.8 million accounts')[0]).toMatchObject({
      value: 6_800_000,
      measures: ['#accounts'],
    });
    expect(quantitiesIn('at least 30 villages had not seen a rescuer')[0].hedged).toBe(true);
  });

  it('leaves out years, durations and parts of a whole', () => {
    expect(quantitiesIn('since 2022')).toEqual([]);
    expect(quantitiesIn('within three hours of the quake')).toEqual([]);
    expect(quantitiesIn('four of the cases were in the capital')).toEqual([]);
  });
});

describe('differInFigures', () => {
  const differ = (a: string, b: string) => differInFigures(quantitiesIn(a), quantitiesIn(b));

  it('finds two figures for the same thing', () => {
    expect(
      differ('418 bodies at three collection points', '312 people had been confirmed dead'),
    ).toBe(true);
    expect(differ('two of its cargo planes had landed', 'a single Kazvari plane had landed')).toBe(
      true,
    );
    expect(differ('about 410,000 customers', 'records on 6.8 million accounts')).toBe(true);
  });

  it('does not compare different things, or one figure with itself', () => {
    expect(differ('140,000 people had fled', '27 bodies were found')).toBe(false);
    expect(differ('412 polling stations', '6,200 polling stations')).toBe(false);
    expect(differ('418 bodies', '418 dead')).toBe(false);
  });
});

describe('shares of a named thing', () => {
  it('compares "48% of capacity" with "61% of its capacity"', () => {
    expect(
      differInFigures(
        quantitiesIn('ran at 48% of capacity'),
        quantitiesIn('had run at about 61% of its capacity'),
      ),
    ).toBe(true);
  });
});

describe('money', () => {
  it('compares two amounts of money when one is an estimate', () => {
    const differ = (a: string, b: string) => differInFigures(quantitiesIn(a), quantitiesIn(b));
    expect(quantitiesIn('reserves stood at $6.4 billion')).toEqual([
      { value: 6_400_000_000, measures: ['$'], hedged: false },
    ]);
    expect(
      differ('reserves stood at $6.4 billion', 'usable reserves were closer to $3.9 billion'),
    ).toBe(true);
    expect(differ('a $62 million contract', 'sales of $2.3 billion')).toBe(false);
  });
});

describe('bare percentages', () => {
  const differ = (a: string, b: string, loose?: boolean) =>
    differInFigures(quantitiesIn(a), quantitiesIn(b), loose);

  it('compares them only loosely, as they may measure different things', () => {
    expect(quantitiesIn('Korvin had 52.6% and Miklošová 47.4%')).toEqual([
      { value: 52.6, measures: ['%'], hedged: false },
      { value: 47.4, measures: ['%'], hedged: false },
    ]);
    expect(differ('turnout was 44%', 'cut traffic by 11% since September')).toBe(false);
    expect(differ('turnout was 44%', '61% of its members had voted', true)).toBe(false);
    expect(differ('turnout was 44%', 'turnout reached 61%', true)).toBe(true);
  });

  it('loosely, compares one count of the same thing given twice without a hedge', () => {
    expect(differ('44 passengers', '41 passengers and four crew')).toBe(false);
    expect(differ('44 passengers', '41 passengers and four crew', true)).toBe(true);
  });
});
