import type { StatusChange } from './status-change.entity.js';
import type { VerificationStatus } from './verification-status.js';

/**
 * The status as it stood at `time`, from a history in order (oldest first): the target of the
 * last change made at or before it; null before the claim was recorded.
 */
export function statusAt(history: readonly StatusChange[], time: Date): VerificationStatus | null {
  let status: VerificationStatus | null = null;
  for (const change of history) {
    if (change.changedAt.getTime() > time.getTime()) break;
    status = change.toStatus;
  }
  return status;
}
