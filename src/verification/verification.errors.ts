import { DomainError, InvalidInputError } from '../common/errors/domain-error.js';
import type { VerificationStatus } from './verification-status.js';

export enum VerificationErrorReason {
  SETTLED_WITHOUT_EVIDENCE = 'SETTLED_WITHOUT_EVIDENCE',
  REASON_REQUIRED = 'REASON_REQUIRED',
  STATUS_UNCHANGED = 'STATUS_UNCHANGED',
  TRANSITION_NOT_ALLOWED = 'TRANSITION_NOT_ALLOWED',
  FOLLOW_UP_NOT_ALLOWED = 'FOLLOW_UP_NOT_ALLOWED',
  DUPLICATE_CLAIM_IN_BATCH = 'DUPLICATE_CLAIM_IN_BATCH',
}

export const settledWithoutEvidence = (status: VerificationStatus, field: string, needs: string) =>
  new InvalidInputError(
    VerificationErrorReason.SETTLED_WITHOUT_EVIDENCE,
    field,
    `Settling a claim as ${status} needs ${needs}`,
  );

/** A move the transition table refuses: to the same status, or one the workflow forbids. */
export const transitionRefused = (
  claimId: number,
  refusal: { reason: VerificationErrorReason; why: string },
  from: VerificationStatus,
  to: VerificationStatus,
  field: string,
) =>
  new InvalidInputError(
    refusal.reason,
    field,
    `Claim ${claimId} cannot move to ${to}: ${refusal.why}`,
    {
      from,
      to,
    },
  );

export const reasonRequired = (
  claimId: number,
  from: VerificationStatus,
  to: VerificationStatus,
  field: string,
) =>
  new InvalidInputError(
    VerificationErrorReason.REASON_REQUIRED,
    field,
    `Moving claim ${claimId} from ${from} to ${to} needs a note or at least one evidence URL`,
    { from, to },
  );

export const followUpNotAllowed = (status: VerificationStatus, field: string) =>
  new InvalidInputError(
    VerificationErrorReason.FOLLOW_UP_NOT_ALLOWED,
    field,
    `${field} goes only with status NOT_CONFIRMED, not ${status}`,
  );

export const duplicateClaimInBatch = (claimId: number, index: number, firstIndex: number) =>
  new InvalidInputError(
    VerificationErrorReason.DUPLICATE_CLAIM_IN_BATCH,
    `inputs.${index}.claimId`,
    `inputs.${index} names claim ${claimId} again (first at inputs.${firstIndex}): one change per claim per batch`,
    { claimId: String(claimId), index, firstIndex },
  );

/**
 * A domain error of one input of a batch, naming that input: its index and claim are added to
 * the details and the message. Anything else (unexpected errors) passes through untouched.
 */
export function inBatch(error: unknown, index: number, claimId: number): unknown {
  if (!(error instanceof DomainError)) return error;
  return new DomainError(error.code, error.reason, `inputs.${index}: ${error.message}`, {
    ...error.details,
    claimId: String(claimId),
    index,
  });
}
