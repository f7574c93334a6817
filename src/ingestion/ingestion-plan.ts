import type {
  BriefingExtraction,
  ExtractedClaim,
  ExtractedRelationType,
} from './extraction/extraction.types.js';

/** An item already stored for the briefing. */
export interface StoredItem {
  id: number;
  position: number;
  text: string;
}

/** A claim already stored in one of the briefing's items, with where its quote sits. */
export interface StoredClaim {
  id: number;
  itemId: number;
  quoteStart: number | null;
  quoteEnd: number | null;
}

/** An item of the text that the briefing does not hold yet, and the position it will take. */
export interface NewItem {
  /** Index of the item in the extraction's `items`. */
  index: number;
  position: number;
  text: string;
}

/** One end of a relation: a claim this ingestion adds, or one an earlier ingestion stored. */
export type ClaimRef = { key: string; claimId?: undefined } | { key?: undefined; claimId: number };

export interface PlannedRelation {
  from: ClaimRef;
  to: ClaimRef;
  type: ExtractedRelationType;
}

export interface IngestionPlan {
  newItems: NewItem[];
  /** How many of the text's items the briefing holds already. */
  knownItems: number;
  /** The extracted claims of the new items, in reading order. */
  newClaims: { claim: ExtractedClaim; item: NewItem }[];
  /** Relations with at least one new end; both ends resolved. */
  relations: PlannedRelation[];
}

/** Live blogs get re-flowed: items are the same when they read the same, whitespace aside. */
const sameText = (text: string) => text.trim().replace(/\s+/g, ' ');

/**
 * Decides what an ingestion adds to a briefing that may hold earlier versions of the same text:
 * the items not stored yet (matched by text, so an update that prepends or appends items adds
 * just those), their claims, and the extracted relations that touch a new claim. Claims of known
 * items are resolved to the stored claims whose quotes overlap them, so a denial in a new item
 * links to the claim an earlier ingestion stored; relations between two known claims were an
 * earlier ingestion's to make (or a person has since removed them), so they are left alone.
 */
export function planIngestion(
  extraction: BriefingExtraction,
  storedItems: readonly StoredItem[],
  storedClaims: readonly StoredClaim[],
): IngestionPlan {
  const unmatched = new Map<string, StoredItem[]>();
  for (const item of storedItems) {
    const key = sameText(item.text);
    unmatched.set(key, [...(unmatched.get(key) ?? []), item]);
  }
  let nextPosition = storedItems.reduce((max, item) => Math.max(max, item.position + 1), 0);
  const storedItemAt = new Map<number, StoredItem>();
  const newItemAt = new Map<number, NewItem>();
  extraction.items.forEach((text, index) => {
    const match = unmatched.get(sameText(text))?.shift();
    if (match) storedItemAt.set(index, match);
    else newItemAt.set(index, { index, position: nextPosition++, text });
  });

  const claimsByItem = new Map<number, StoredClaim[]>();
  for (const claim of storedClaims) {
    claimsByItem.set(claim.itemId, [...(claimsByItem.get(claim.itemId) ?? []), claim]);
  }
  const refs = new Map<string, ClaimRef>();
  const newClaims: IngestionPlan['newClaims'] = [];
  for (const claim of extraction.claims) {
    const item = newItemAt.get(claim.item);
    if (item) {
      newClaims.push({ claim, item });
      refs.set(claim.id, { key: claim.id });
      continue;
    }
    const stored = storedItemAt.get(claim.item);
    const match = stored && overlappingClaim(claim, claimsByItem.get(stored.id) ?? []);
    if (match) refs.set(claim.id, { claimId: match.id });
  }

  const relations: PlannedRelation[] = [];
  for (const relation of extraction.relations) {
    const from = refs.get(relation.from);
    const to = refs.get(relation.to);
    if (!from || !to || (from.claimId !== undefined && to.claimId !== undefined)) continue;
    relations.push({ from, to, type: relation.type });
  }
  return { newItems: [...newItemAt.values()], knownItems: storedItemAt.size, newClaims, relations };
}

/** The stored claim whose quote shares the most characters with the extracted span, if any. */
function overlappingClaim(
  claim: ExtractedClaim,
  candidates: readonly StoredClaim[],
): StoredClaim | undefined {
  const start = claim.spanStart;
  const end = claim.spanStart + claim.span.length;
  let best: StoredClaim | undefined;
  let bestOverlap = 0;
  for (const candidate of candidates) {
    if (candidate.quoteStart === null || candidate.quoteEnd === null) continue;
    const overlap = Math.min(end, candidate.quoteEnd) - Math.max(start, candidate.quoteStart);
    if (overlap > bestOverlap) {
      best = candidate;
      bestOverlap = overlap;
    }
  }
  return best;
}
