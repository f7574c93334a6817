import { VerificationErrorReason } from './verification.errors.js';
import { isSettled, VerificationStatus } from './verification-status.js';

export type TransitionRuling =
  | { allowed: true; needsReason: boolean }
  | {
      allowed: false;
      reason:
        VerificationErrorReason.STATUS_UNCHANGED | VerificationErrorReason.TRANSITION_NOT_ALLOWED;
      why: string;
    };

/**
 * The verification workflow as a table: what may follow what, and which moves must be
 * justified with a note or evidence. Open statuses move freely. A verdict (CONFIRMED, FALSE,
 * MISLEADING) and a retraction need a reason, and so does reopening one. A retracted claim
 * can only be reopened as UNVERIFIED: it was withdrawn, not judged.
 */
export function ruleOnTransition(
  from: VerificationStatus,
  to: VerificationStatus,
): TransitionRuling {
  if (from === to) {
    return {
      allowed: false,
      reason: VerificationErrorReason.STATUS_UNCHANGED,
      why: `the claim is already ${to}`,
    };
  }
  if (from === VerificationStatus.RETRACTED && to !== VerificationStatus.UNVERIFIED) {
    return {
      allowed: false,
      reason: VerificationErrorReason.TRANSITION_NOT_ALLOWED,
      why: 'a retracted claim can only be reopened as UNVERIFIED',
    };
  }
  return { allowed: true, needsReason: isSettled(to) || isSettled(from) };
}
