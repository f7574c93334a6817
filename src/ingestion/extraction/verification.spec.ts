import { describe, expect, it } from 'vitest';
import {
  applyCues,
  applyFactChecks,
  findCues,
  findSelfOutlet,
  setLabel,
  type VerifiableClaim,
} from './verification.js';

const claim = (
  item: number,
  spanStart: number,
  span: string,
  speaker: string,
): VerifiableClaim => ({
  item,
  spanStart,
  span,
  speaker,
  speakerRole: null,
  speakerAffiliation: null,
  verification: 'unverified',
  verificationEvidence: null,
});

describe('findCues', () => {
  it('tells the outlet’s "could not verify" from another party’s "did not confirm"', () => {
    expect(
      findCues(
        'The Washington Post could not independently verify the reports.',
        'Washington Post',
      ).map((c) => c.label),
    ).toEqual(['could_not_verify']);
    expect(
      findCues('The figure could not be independently verified.', null).map((c) => c.label),
    ).toEqual(['could_not_verify']);
    expect(
      findCues('Ukraine did not immediately confirm the assaults.', null).map((c) => [
        c.label,
        c.party.trim(),
      ]),
    ).toEqual([['not_confirmed', 'Ukraine']]);
    expect(
      findCues(
        'A WHO spokeswoman said the agency could neither confirm nor refute the report.',
        null,
      )[0].label,
    ).toBe('not_confirmed');
    expect(
      findCues('Voltis did not immediately respond to a request for comment.', null)[0].label,
    ).toBe('not_confirmed');
  });

  it('reads the outlet’s own "is false" and a dispute', () => {
    expect(findCues('Those statements are false.', null)[0].label).toBe('false');
    // A fact-check that names its claim is applyFactChecks' to place.
    expect(findCues('The claim that it showed Sunday’s vote is false.', null)).toEqual([]);
    expect(findCues('Republicans dispute that figure.', null)[0].label).toBe('disputed');
  });

  it('finds nothing in plain narration, nor in "confirmed cases"', () => {
    expect(
      findCues('Contact tracers were following people exposed to confirmed cases.', null),
    ).toEqual([]);
  });
});

describe('applyCues', () => {
  it('labels the claims before the cue, not the claims of the party that did not confirm', () => {
    const item =
      'Russia said it stopped a drone assault. Ukraine said it hit a depot. Ukraine did not immediately confirm the assaults.';
    const russian = claim(0, 12, 'it stopped a drone assault', 'Russia');
    const ukrainian = claim(0, 55, 'it hit a depot', 'Ukraine');
    applyCues([item], [russian, ukrainian], null);
    expect(russian.verification).toBe('not_confirmed');
    expect(russian.verificationEvidence).toBe('Ukraine did not immediately confirm the assaults.');
    expect(ukrainian.verification).toBe('unverified');
  });

  it('reads the party of a cue attached to a statement from the cue’s own clause', () => {
    const item =
      'The Civic Alliance said six of those detained were its observers, an accusation the Interior Ministry did not immediately address.';
    const accusation = claim(0, 24, 'six of those detained were its observers', 'Civic Alliance');
    applyCues([item], [accusation], null);
    expect(accusation.verification).toBe('not_confirmed');
    expect(accusation.verificationEvidence).toBe(
      'an accusation the Interior Ministry did not immediately address.',
    );
  });

  it('narrows "on the allegation" to the accusations and "the person’s account" to that person', () => {
    const item =
      'The lawyer said 14 people had been burned. She accused Voltara of ignoring complaints. Voltara declined to comment on the allegation.';
    const burned = {
      ...claim(0, 16, '14 people had been burned', 'Rosalind Achterberg'),
      verb: 'said',
    };
    const accusation = {
      ...claim(0, 55, 'Voltara of ignoring complaints', 'Rosalind Achterberg'),
      speakerRole: 'lawyer representing burned Voltara customers',
      verb: 'accused',
    };
    applyCues([item], [burned, accusation], null);
    expect([burned.verification, accusation.verification]).toEqual(['unverified', 'not_confirmed']);

    const wire =
      'The company said it had changed suppliers. A person familiar with the matter said the cells came from Orrin. The Wire could not independently verify the person’s account.';
    const company = claim(0, 17, 'it had changed suppliers', 'Voltara');
    const source = claim(0, 72, 'the cells came from Orrin', 'person familiar with the matter');
    applyCues([wire], [company, source], 'Wire');
    expect([company.verification, source.verification]).toEqual(['unverified', 'could_not_verify']);
  });

  it('applies "either figure" to the two claims before it, and an outlet’s reviewed record', () => {
    const item =
      'Blackouts hit 14 districts, the operator said. It said 61,000 households lost power. A consumer group said the number was 140,000. The Ledger could not independently verify either figure.';
    const districts = claim(0, 0, 'Blackouts hit 14 districts', 'Transvar');
    const households = claim(0, 50, '61,000 households lost power', 'Transvar');
    const group = claim(0, 100, 'the number was 140,000', 'Consumer Watch');
    applyCues([item], [districts, households, group], 'Ledger');
    expect([districts, households, group].map((c) => c.verification)).toEqual([
      'unverified',
      'could_not_verify',
      'could_not_verify',
    ]);

    const log =
      'Residents said their power had gone off four times. Transvar’s own outage log, reviewed by the Ledger, confirms four cuts in the district.';
    const residents = claim(0, 18, 'their power had gone off four times', 'residents');
    applyCues([log], [residents], 'Ledger');
    expect(residents.verification).toBe('confirmed');
  });

  it('lets a commenting item speak about the item before it', () => {
    const a = claim(0, 0, 'NSF shelling killed 27 civilians', 'Governor of Jabal');
    applyCues(
      [
        'The governor said NSF shelling killed 27 civilians.',
        'Neither account could be independently verified.',
      ],
      [a],
      null,
    );
    expect(a.verification).toBe('could_not_verify');
    expect(a.verificationEvidence).toBeNull();
  });
});

describe('setLabel', () => {
  it('keeps the strongest label', () => {
    const c = claim(0, 0, 'x y', 'A');
    setLabel(c, 'disputed', 'e1');
    setLabel(c, 'not_confirmed', 'e2');
    expect([c.verification, c.verificationEvidence]).toEqual(['disputed', 'e1']);
    setLabel(c, 'denied', 'e3');
    expect(c.verification).toBe('denied');
  });
});

describe('findSelfOutlet', () => {
  it('finds the page’s outlet from its own verification language', () => {
    expect(findSelfOutlet('The Herald could not independently verify the claim.')).toBe('Herald');
    expect(findSelfOutlet('Nothing here.')).toBeNull();
  });
});

describe('applyFactChecks', () => {
  it('makes false the claim a later fact-check names, by its speaker or its content', () => {
    const items = [
      'Title',
      'Councillor Bram Ostlund wrote that drivers had been paid €11 million in overtime.',
      'Harwick said the contract was awarded by a panel of independent clinicians.',
      'Videos said to show water pouring through a breach in the dam circulated online.',
      'The Post checked. Ostlund’s claim is false. The minister’s statement that the contract was awarded by a panel of clinicians is false. Claims that the videos show the dam are false.',
    ];
    const ostlund = claim(1, 0, 'drivers had been paid €11 million in overtime', 'Bram Ostlund');
    const harwick = claim(
      2,
      0,
      'the contract was awarded by a panel of independent clinicians',
      'Harwick',
    );
    const videos = claim(
      3,
      0,
      'Videos said to show water pouring through a breach in the dam',
      'unnamed social media sources',
    );
    const other = claim(3, 70, 'the dam had been inspected in March', 'Energy Ministry');
    applyFactChecks(items, [ostlund, harwick, videos, other]);
    expect([ostlund, harwick, videos].map((c) => [c.verification, c.verificationEvidence])).toEqual(
      [
        ['false', null],
        ['false', null],
        ['false', null],
      ],
    );
    expect(other.verification).toBe('unverified');
  });

  it('reads a denial called incorrect, and a fact-check of a claim the extractor missed', () => {
    const denial = claim(1, 0, 'no drivers had been hired', 'Harbor Lines');
    const turnout = claim(
      2,
      0,
      'Turnout across the 239 stations was 56.2%',
      'City Election Commission',
    );
    applyFactChecks(
      [
        'Title',
        'Harbor Lines denied that replacement drivers had been hired.',
        'Turnout across the 239 stations was 56.2%, the commission said. Records show 61.7% took part in 2010, so Korvin’s claim that turnout was the highest ever is false. Harbor Lines’ denial is incorrect.',
      ],
      [denial, turnout],
    );
    expect(denial.verification).toBe('false');
    // Korvin's claim is not among the claims: the fact-check labels nobody else's.
    expect(turnout.verification).toBe('unverified');
  });
});
