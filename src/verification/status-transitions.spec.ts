import { describe, expect, it } from 'vitest';
import { ruleOnTransition } from './status-transitions.js';
import { OPEN_STATUSES, SETTLED_STATUSES, VerificationStatus } from './verification-status.js';
import { VerificationErrorReason } from './verification.errors.js';

const ALL = Object.values(VerificationStatus);

describe('ruleOnTransition', () => {
  it.each(ALL)('refuses %s → itself', (status) => {
    expect(ruleOnTransition(status, status)).toEqual({
      allowed: false,
      reason: VerificationErrorReason.STATUS_UNCHANGED,
      why: `the claim is already ${status}`,
    });
  });

  it('lets open statuses move to each other without a reason', () => {
    for (const from of OPEN_STATUSES) {
      for (const to of OPEN_STATUSES.filter((status) => status !== from)) {
        expect(ruleOnTransition(from, to)).toEqual({ allowed: true, needsReason: false });
      }
    }
  });

  it('asks a reason for every verdict and retraction', () => {
    for (const from of OPEN_STATUSES) {
      for (const to of SETTLED_STATUSES) {
        expect(ruleOnTransition(from, to)).toEqual({ allowed: true, needsReason: true });
      }
    }
  });

  it('asks a reason to reopen or change a verdict', () => {
    expect(ruleOnTransition(VerificationStatus.CONFIRMED, VerificationStatus.DISPUTED)).toEqual({
      allowed: true,
      needsReason: true,
    });
    expect(ruleOnTransition(VerificationStatus.FALSE, VerificationStatus.MISLEADING)).toEqual({
      allowed: true,
      needsReason: true,
    });
  });

  it('reopens a retracted claim only as UNVERIFIED', () => {
    for (const to of ALL.filter((status) => status !== VerificationStatus.RETRACTED)) {
      const ruling = ruleOnTransition(VerificationStatus.RETRACTED, to);
      if (to === VerificationStatus.UNVERIFIED) {
        expect(ruling).toEqual({ allowed: true, needsReason: true });
      } else {
        expect(ruling).toEqual({
          allowed: false,
          reason: VerificationErrorReason.TRANSITION_NOT_ALLOWED,
          why: 'a retracted claim can only be reopened as UNVERIFIED',
        });
      }
    }
  });
});
