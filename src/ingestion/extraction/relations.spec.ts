import { describe, expect, it } from 'vitest';
import {
  findRelations,
  isDenialContent,
  overlap,
  PAIR_FEATURES,
  type RelatableClaim,
} from './relations.js';

let n = 0;
const claim = (
  item: number,
  speaker: string,
  span: string,
  extra: Partial<RelatableClaim> = {},
): RelatableClaim => ({
  id: `c${++n}`,
  item,
  spanStart: 0,
  span,
  speaker,
  affiliation: null,
  denial: false,
  sentence: span,
  verb: 'said',
  ...extra,
});

describe('overlap', () => {
  it('compares content-word stems', () => {
    expect(overlap('the accusations against him', 'he was accused of it')).toBeGreaterThan(0);
    expect(overlap('the airport had fallen', 'cholera spread in the camps')).toBe(0);
  });
});

describe('isDenialContent', () => {
  it('recognises denial wording', () => {
    expect(isDenialContent('the accusations “are wholly without merit')).toBe(true);
    expect(isDenialContent('no such call had taken place')).toBe(true);
    expect(isDenialContent('We have never seen river levels like this')).toBe(false);
  });
});

describe('findRelations', () => {
  it('links a denial to the claim it denies', () => {
    const accusation = claim(
      1,
      'Civic Alliance',
      'election officials of inflating turnout in rural strongholds',
    );
    const denial = claim(2, 'Ivo Petrescu', 'turnout had been inflated', { denial: true });
    expect(findRelations([accusation, denial])).toMatchObject([
      { from: denial.id, to: accusation.id, type: 'denies' },
    ]);
  });

  it('links a contrary claim by another party as a counter', () => {
    const a = claim(
      5,
      'Gulf States Power',
      'the utility had cut its line crews by a third since 2022',
    );
    const b = claim(
      5,
      'Renee Okafor',
      'it has more line workers in the field today than at any time',
      {
        sentence:
          'Okafor denied it and said it has more line workers in the field today than at any time.',
      },
    );
    expect(findRelations([a, b])).toMatchObject([{ from: b.id, to: a.id, type: 'counters' }]);
  });

  it('links a corroboration by another speaker as support', () => {
    const a = claim(8, 'Marianne Thibodeaux', 'she had spoken with the president by phone');
    const b = claim(9, 'White House', 'the two had spoken by phone', { verb: 'confirmed' });
    expect(findRelations([a, b])).toMatchObject([{ from: b.id, to: a.id, type: 'supports' }]);
  });

  it('does not link a speaker’s restatements, unrelated claims, or claims far apart', () => {
    const a = claim(1, 'Peskov', 'a visit to Pyongyang is being planned');
    const b = claim(1, 'Dmitry Peskov', 'the visit to Pyongyang is being planned for next month');
    const c = claim(2, 'Yonhap', 'cholera spread in the camps');
    const d = claim(9, 'Ukraine', 'a visit to Pyongyang is not being planned');
    expect(findRelations([a, b, c, d])).toEqual([]);
  });

  it('does not link a claim to the speaker who relays it', () => {
    const a = claim(18, 'British Defense Ministry', 'Ukraine’s plans hit a milestone this week');
    const b = claim(18, 'Energoatom', 'it had refueled a reactor with Western fuel this week', {
      reportedBy: ['British Defense Ministry'],
    });
    expect(findRelations([a, b])).toEqual([]);
  });
});

describe('findRelations across frames', () => {
  it('types "countered" and "disputed" answers as counters, not denials', () => {
    const a = claim(1, 'Prosecutors', 'Mercer had hidden $300 million in trading losses');
    const b = claim(2, 'Ruth Abrams', 'the losses had been disclosed in the quarterly filings', {
      denial: true,
      verb: 'countered',
      sentence:
        'Mercer’s attorney, Ruth Abrams, countered that the losses had been disclosed in the quarterly filings.',
    });
    expect(findRelations([a, b]).map((r) => r.type)).toEqual(['counters']);
  });

  it('lets an explicit answer ("disputed that account") reach back to the claim it names', () => {
    const a = claim(1, 'Baltic Election Watch', 'turnout had been closer to 55 percent');
    const b = claim(2, 'Tarsen Electoral Commission', 'it had counted every ballot twice');
    const d = claim(
      4,
      'Tarsen Electoral Commission',
      'its own turnout figure of 71 percent was final',
      {
        sentence:
          'The commission disputed the Election Watch account, saying its own turnout figure of 71 percent was final.',
      },
    );
    // d's speaker restates b, so b is not linked; a is three items back but the answer points at it
    const rel = findRelations([a, b, d]).find((r) => r.from === d.id);
    expect(rel).toMatchObject({ to: a.id, type: 'counters' });
  });

  it('does not link a denial or counter to a claim by its own side', () => {
    const team = claim(1, 'Team Valderra', 'it had suspended Ferrante pending the case');
    const manager = claim(1, 'Luis Ortega', 'the team had never encouraged doping', {
      affiliation: 'Team Valderra',
      denial: true,
    });
    expect(findRelations([team, manager])).toEqual([]);
  });

  it('does not link a denial that shares no content with, and names neither, party', () => {
    const a = claim(1, 'Vestrian energy ministry', 'a drone had struck the pipeline near Kessa');
    const b = claim(2, 'Interior Ministry', 'no ballots had been tampered with', { denial: true });
    expect(findRelations([a, b])).toEqual([]);
  });
});

describe('findRelations with figures and early denials', () => {
  it('types different figures for the same thing as counters, and weighs them up', () => {
    const ministry = claim(2, 'Interior Ministry', '312 people had been confirmed dead');
    const society = claim(4, 'Crescent Society', 'its volunteers had counted 418 bodies');
    const vague = claim(4, 'Crescent Society', 'its volunteers had counted the bodies');
    const [rival] = findRelations([ministry, society], { threshold: 0 });
    const [plain] = findRelations([ministry, vague], { threshold: 0 });
    expect(rival).toMatchObject({ from: society.id, to: ministry.id, type: 'counters' });
    expect(rival.score).toBeGreaterThan(plain.score + 0.2);
  });

  it('writes a denial that comes before its target from the denial', () => {
    const denial = claim(3, 'Energy Ministry', 'the Sarob dam had been breached', {
      denial: true,
      verb: 'denied',
    });
    const rumour = claim(
      3,
      'unnamed social media sources',
      'water pouring through a breach in the Sarob dam',
      {
        verb: 'said to show',
      },
    );
    expect(findRelations([denial, rumour])).toMatchObject([
      { from: denial.id, to: rumour.id, type: 'denies' },
    ]);
  });
});

describe('findRelations, replies', () => {
  it('types "was “reviewing” the figures" as a reply that neither confirms nor denies', () => {
    const governor = claim(3, 'Miran Sadok', 'more than 500 people had been buried in Gorvash');
    const ministry = claim(4, 'Karim Dorran', 'it was “reviewing” the governor’s figures', {
      sentence:
        'A ministry spokesman, Karim Dorran, said it was “reviewing” the governor’s figures.',
    });
    expect(findRelations([governor, ministry], { threshold: 0 })[0]).toMatchObject({
      from: ministry.id,
      to: governor.id,
      type: 'responds_to',
    });
  });
});

describe('findRelations, words rare in the briefing', () => {
  it('weighs a shared rare word above shared words every claim uses', () => {
    const claims = [
      claim(1, 'Kestrel Pay', 'Kestrel customers were not affected by the intrusion'),
      claim(2, 'Grey Halyard', 'Kestrel customers should change their passwords'),
      claim(3, 'Ines Marlow', 'Kestrel customers had been told nothing'),
      claim(4, 'Tomas Brekke', 'the intrusion at Kestrel began on Oct. 27'),
    ];
    const rare = PAIR_FEATURES.indexOf('rareOverlap');
    const seen = new Map<string, number>();
    findRelations(claims, {
      onCandidate: ({ from, to, features }) => seen.set(`${from.id}>${to.id}`, features[rare]),
    });
    const [first, second, , last] = claims.map((c) => c.id);
    expect(seen.get(`${last}>${first}`)).toBeGreaterThan(seen.get(`${second}>${first}`)!);
  });
});
