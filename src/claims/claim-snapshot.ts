import type { EntityManager } from 'typeorm';
import { ClaimOutlet } from './claim-outlet.entity.js';
import type { Claim } from './claim.entity.js';

/**
 * A claim as the audit trail records it: its row and its `reportedBy` chain (outlet ids,
 * nearest first), read through `manager` so it sees the transaction's own writes.
 */
export async function snapshotClaim(
  manager: EntityManager,
  claim: Claim,
): Promise<Claim & { reportedBy: number[] }> {
  const hops = await manager.find(ClaimOutlet, {
    where: { claimId: claim.id },
    order: { position: 'ASC' },
  });
  return { ...claim, reportedBy: hops.map((hop) => hop.outletId) };
}
