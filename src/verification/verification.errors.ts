import { InvalidInputError } from '../common/errors/domain-error.js';
import type { VerificationStatus } from './verification-status.js';

export enum VerificationErrorReason {
  SETTLED_WITHOUT_EVIDENCE = 'SETTLED_WITHOUT_EVIDENCE',
  STATUS_UNCHANGED = 'STATUS_UNCHANGED',
}

export const settledWithoutEvidence = (status: VerificationStatus, field: string, needs: string) =>
  new InvalidInputError(
    VerificationErrorReason.SETTLED_WITHOUT_EVIDENCE,
    field,
    `Settling a claim as ${status} needs ${needs}`,
  );

export const statusUnchanged = (claimId: number, status: VerificationStatus) =>
  new InvalidInputError(
    VerificationErrorReason.STATUS_UNCHANGED,
    'input.status',
    `Claim ${claimId} is already ${status}`,
  );
