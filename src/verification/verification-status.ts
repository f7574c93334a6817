import { registerEnumType } from '@nestjs/graphql';

export enum VerificationStatus {
  UNVERIFIED = 'UNVERIFIED',
  COULD_NOT_VERIFY = 'COULD_NOT_VERIFY',
  NOT_CONFIRMED = 'NOT_CONFIRMED',
  DISPUTED = 'DISPUTED',
  DENIED = 'DENIED',
  CONFIRMED = 'CONFIRMED',
  FALSE = 'FALSE',
  MISLEADING = 'MISLEADING',
  RETRACTED = 'RETRACTED',
}

/** Nothing is settled yet: these claims make up the editors' queue. */
export const OPEN_STATUSES: readonly VerificationStatus[] = [
  VerificationStatus.UNVERIFIED,
  VerificationStatus.COULD_NOT_VERIFY,
  VerificationStatus.NOT_CONFIRMED,
  VerificationStatus.DISPUTED,
  VerificationStatus.DENIED,
];

/** A verdict: reaching one of these needs a note or evidence. */
export const SETTLED_STATUSES: readonly VerificationStatus[] = [
  VerificationStatus.CONFIRMED,
  VerificationStatus.FALSE,
  VerificationStatus.MISLEADING,
  VerificationStatus.RETRACTED,
];

export function isSettled(status: VerificationStatus): boolean {
  return SETTLED_STATUSES.includes(status);
}

registerEnumType(VerificationStatus, {
  name: 'VerificationStatus',
  description:
    'Where a claim stands. Open: UNVERIFIED, COULD_NOT_VERIFY, NOT_CONFIRMED, DISPUTED, DENIED. ' +
    'Settled: CONFIRMED, FALSE, MISLEADING, RETRACTED.',
  valuesMap: {
    UNVERIFIED: { description: 'Nothing in the record addresses its verification yet.' },
    COULD_NOT_VERIFY: { description: 'The publisher says it could not (independently) verify it.' },
    NOT_CONFIRMED: {
      description: 'Another party did not (immediately) confirm it or declined to comment.',
    },
    DISPUTED: { description: 'Another party contests it with a contrary claim.' },
    DENIED: { description: 'The party it concerns explicitly rejects it.' },
    CONFIRMED: { description: 'Confirmed independently or by the other party.' },
    FALSE: { description: 'Established to be false.' },
    MISLEADING: { description: 'True in part but misleading as stated.' },
    RETRACTED: { description: 'Withdrawn by its speaker or its relay.' },
  },
});
