/**
 * What the extractor produces: the annotation format of `shared/seed/briefing.json`
 * (see its README for the rules), plus the item texts and a confidence per claim.
 */

export type ExtractedVerification =
  | 'unverified'
  | 'could_not_verify'
  | 'not_confirmed'
  | 'confirmed'
  | 'denied'
  | 'disputed'
  | 'false';

export type ExtractedRelationType = 'counters' | 'supports' | 'denies' | 'responds_to';

export interface ExtractedClaim {
  /** `c1`, `c2`, … in reading order; relations refer to claims by it. */
  id: string;
  /** Index of the item in `items`, from 0 (item 0 is usually the title). */
  item: number;
  /** An exact substring of the item's text. */
  span: string;
  /** Where `span` starts in the item's text (UTF-16 offset). */
  spanStart: number;
  speaker: string;
  speakerRole: string | null;
  speakerAffiliation: string | null;
  /** Intermediaries, nearest to the page first. */
  reportedBy: string[];
  verification: ExtractedVerification;
  /** The exact substring of the claim's own item that carries the verification language. */
  verificationEvidence: string | null;
  /** 0–1: how sure the extractor is that this is an attributed claim with this speaker. */
  confidence: number;
}

export interface ExtractedRelation {
  from: string;
  to: string;
  type: ExtractedRelationType;
}

export interface BriefingExtraction {
  items: string[];
  claims: ExtractedClaim[];
  relations: ExtractedRelation[];
}
