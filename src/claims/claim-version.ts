import type { EntityManager, QueryDeepPartialEntity } from 'typeorm';
import { Claim } from './claim.entity.js';
import { claimNotFound, versionConflict } from './claim.errors.js';

/**
 * Writes `changes` to a claim only if it is still at `expectedVersion`, bumping the version:
 * `UPDATE claims SET … version = version + 1 WHERE id = :id AND version = :expected`. Zero rows
 * means someone else wrote first (CONFLICT with the current version) or the claim is gone.
 * TypeORM's save() would not check the version, so every claim write goes through here.
 */
export async function updateClaimAtVersion(
  manager: EntityManager,
  claimId: number,
  expectedVersion: number,
  changes: QueryDeepPartialEntity<Claim>,
  now: Date,
): Promise<number> {
  const result = await manager
    .createQueryBuilder()
    .update(Claim)
    .set({ ...changes, version: () => 'version + 1', updatedAt: now })
    .where('id = :claimId AND version = :expectedVersion', { claimId, expectedVersion })
    .execute();
  if (result.affected === 1) return expectedVersion + 1;
  const current = await manager.findOne(Claim, {
    where: { id: claimId },
    select: { id: true, version: true },
  });
  if (!current) throw claimNotFound(claimId);
  throw versionConflict(claimId, expectedVersion, current.version);
}
