import { Injectable } from '@nestjs/common';
import { AuditAction, AuditEntityType } from '../audit/audit-action.js';
import { AuditService } from '../audit/audit.service.js';
import { ApiKeysService } from '../auth/api-keys.service.js';
import { UnitOfWork } from '../database/unit-of-work.js';
import { Claim } from './claim.entity.js';
import { assigneeNotFound, assignmentChanged, claimNotFound } from './claim.errors.js';
import { snapshotClaim } from './claim-snapshot.js';

/** Who works on which claim. */
@Injectable()
export class ClaimAssignmentService {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly apiKeys: ApiKeysService,
    private readonly audit: AuditService,
  ) {}

  /**
   * Assigns a claim to a working API key by name, or releases it (null). Assignment is not
   * content, so it neither bumps `version` (a fact-checker's pending status change stays valid)
   * nor moves `updatedAt`; the audit trail records it instead. Assigning to the current
   * assignee changes nothing and records nothing.
   */
  assignClaim(claimId: number, assignee: string | null, actor: string): Promise<Claim> {
    return this.unitOfWork.run(async (manager) => {
      const claim = await manager.findOneBy(Claim, { id: claimId });
      if (!claim) throw claimNotFound(claimId);
      if (assignee !== null && !(await this.apiKeys.isActiveKeyName(manager, assignee))) {
        throw assigneeNotFound(assignee);
      }
      if (claim.assignee === assignee) return claim;

      // Conditional on the assignee read above, so the audit's `before` is what was replaced.
      const result = await manager
        .createQueryBuilder()
        .update(Claim)
        .set({ assignee })
        .where('id = :claimId', { claimId })
        .andWhere(claim.assignee === null ? 'assignee IS NULL' : 'assignee = :previous', {
          previous: claim.assignee,
        })
        .execute();
      if (result.affected !== 1) throw assignmentChanged(claimId);

      const assigned = { ...claim, assignee };
      await this.audit.record(manager, {
        actor,
        action: AuditAction.CLAIM_ASSIGNED,
        entityType: AuditEntityType.CLAIM,
        entityId: claimId,
        before: await snapshotClaim(manager, claim),
        after: await snapshotClaim(manager, assigned),
      });
      return assigned;
    });
  }
}
