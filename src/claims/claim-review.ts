import type { Claim } from './claim.entity.js';

type ReviewFields = Pick<Claim, 'reviewedAt' | 'reviewedBy'>;

/**
 * The columns that mark `claim` reviewed by `actor`, to merge into a write that a person makes;
 * empty when someone reviewed it already, so the first review is the one kept.
 */
export function firstReview(claim: ReviewFields, actor: string, now: Date): Partial<ReviewFields> {
  return claim.reviewedAt ? {} : { reviewedAt: now, reviewedBy: actor };
}
