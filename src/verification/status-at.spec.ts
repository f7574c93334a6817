import { describe, expect, it } from 'vitest';
import type { StatusChange } from './status-change.entity.js';
import { statusAt } from './status-at.js';
import { VerificationStatus } from './verification-status.js';

const change = (toStatus: VerificationStatus, at: string) =>
  ({ toStatus, changedAt: new Date(at) }) as StatusChange;

describe('statusAt', () => {
  const history = [
    change(VerificationStatus.UNVERIFIED, '2023-09-14T08:00:00Z'),
    change(VerificationStatus.NOT_CONFIRMED, '2023-09-14T09:00:00Z'),
    change(VerificationStatus.CONFIRMED, '2023-09-15T09:00:00Z'),
  ];

  it('is null before the claim was recorded', () => {
    expect(statusAt(history, new Date('2023-09-14T07:59:59Z'))).toBeNull();
  });

  it('takes a change made exactly at the moment', () => {
    expect(statusAt(history, new Date('2023-09-14T09:00:00Z'))).toBe(
      VerificationStatus.NOT_CONFIRMED,
    );
  });

  it('is the last status reached before the moment', () => {
    expect(statusAt(history, new Date('2023-09-15T08:59:59Z'))).toBe(
      VerificationStatus.NOT_CONFIRMED,
    );
    expect(statusAt(history, new Date('2030-01-01T00:00:00Z'))).toBe(VerificationStatus.CONFIRMED);
  });

  it('is null for an empty history', () => {
    expect(statusAt([], new Date())).toBeNull();
  });
});
