import { describe, expect, it } from 'vitest';
import type { BriefingExtraction, ExtractedClaim } from './extraction/extraction.types.js';
import { planIngestion, type StoredClaim, type StoredItem } from './ingestion-plan.js';

const items = [
  'Flood briefing',
  'Mayor Jane Holt said the east levee held overnight.',
  'Residents said water crossed Mill Road before dawn.',
];

function claim(id: string, item: number, span: string): ExtractedClaim {
  const spanStart = items[item]?.indexOf(span) ?? 0;
  return {
    id,
    item,
    span,
    spanStart,
    speaker: 'Jane Holt',
    speakerRole: 'Mayor',
    speakerAffiliation: null,
    reportedBy: [],
    verification: 'unverified',
    verificationEvidence: null,
    confidence: 0.9,
  };
}

const morning: BriefingExtraction = {
  items,
  claims: [claim('c1', 1, 'the east levee held overnight')],
  relations: [],
};

describe('planIngestion', () => {
  it('takes every item and claim of a briefing not stored yet, from position 0', () => {
    const plan = planIngestion(morning, [], []);
    expect(plan.newItems.map((item) => [item.index, item.position])).toEqual([
      [0, 0],
      [1, 1],
      [2, 2],
    ]);
    expect(plan.knownItems).toBe(0);
    expect(plan.newClaims.map(({ claim, item }) => [claim.id, item.position])).toEqual([['c1', 1]]);
  });

  describe('on a briefing stored before', () => {
    const stored: StoredItem[] = items.map((text, position) => ({
      id: 10 + position,
      position,
      text,
    }));
    const start = items[1].indexOf('the east levee');
    const storedClaims: StoredClaim[] = [
      { id: 7, itemId: 11, quoteStart: start, quoteEnd: start + 'the east levee held'.length },
    ];

    it('adds nothing for the same text, even re-flowed', () => {
      const reflowed = {
        ...morning,
        items: items.map((text) => `  ${text.replace(/ /g, '  ')}\n`),
      };
      const plan = planIngestion(reflowed, stored, storedClaims);
      expect(plan).toEqual({ newItems: [], knownItems: 3, newClaims: [], relations: [] });
    });

    it('adds only the new items, after the last stored position, wherever they sit in the text', () => {
      const denial = 'Holt denied that water crossed Mill Road.';
      const update: BriefingExtraction = {
        items: [items[0], denial, ...items.slice(1)],
        claims: [
          { ...claim('c1', 1, 'water crossed Mill Road'), spanStart: denial.indexOf('water') },
          { ...claim('c2', 2, 'the east levee held overnight'), spanStart: start },
        ],
        relations: [{ from: 'c1', to: 'c2', type: 'denies' }],
      };
      const plan = planIngestion(update, stored, storedClaims);
      expect(plan.newItems).toEqual([{ index: 1, position: 3, text: denial }]);
      expect(plan.knownItems).toBe(3);
      expect(plan.newClaims.map(({ claim }) => claim.id)).toEqual(['c1']);
      // The earlier claim is found by the overlap of its quote with the extracted span.
      expect(plan.relations).toEqual([{ from: { key: 'c1' }, to: { claimId: 7 }, type: 'denies' }]);
    });

    it('leaves relations between two stored claims, and ends it cannot resolve, alone', () => {
      const other = items[2].indexOf('water');
      const update: BriefingExtraction = {
        items,
        claims: [
          claim('c1', 1, 'the east levee held overnight'),
          claim('c2', 2, 'water crossed Mill Road before dawn'),
        ],
        relations: [{ from: 'c2', to: 'c1', type: 'counters' }],
      };
      const withSecond = [
        ...storedClaims,
        { id: 8, itemId: 12, quoteStart: other, quoteEnd: other + 10 },
      ];
      expect(planIngestion(update, stored, withSecond).relations).toEqual([]);
      expect(planIngestion(update, stored, []).relations).toEqual([]);
    });

    it('keeps a repeated paragraph that appears once more than stored', () => {
      const plan = planIngestion({ ...morning, items: [...items, items[0]] }, stored, []);
      expect(plan.newItems).toEqual([{ index: 3, position: 3, text: items[0] }]);
    });
  });
});
