import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ClaimEventsService } from '../claim-events/claim-events.service.js';
import { AuditAction, AuditEntityType } from '../audit/audit-action.js';
import { AuditService } from '../audit/audit.service.js';
import { Claim } from '../claims/claim.entity.js';
import { claimNotFound, versionConflict } from '../claims/claim.errors.js';
import { snapshotClaim } from '../claims/claim-snapshot.js';
import { firstReview } from '../claims/claim-review.js';
import { updateClaimAtVersion } from '../claims/claim-version.js';
import { UnitOfWork } from '../database/unit-of-work.js';
import type { UpdateVerificationStatusInput } from './dto/update-verification-status.input.js';
import { StatusChange } from './status-change.entity.js';
import { ruleOnTransition } from './status-transitions.js';
import { VerificationStatus } from './verification-status.js';
import {
  duplicateClaimInBatch,
  followUpNotAllowed,
  inBatch,
  reasonRequired,
  transitionRefused,
} from './verification.errors.js';

export interface StatusChangeRecord {
  claimId: number;
  fromStatus: VerificationStatus | null;
  toStatus: VerificationStatus;
  note?: string | null;
  evidenceUrls?: string[] | null;
  changedBy?: string | null;
  changedAt: Date;
}

@Injectable()
export class VerificationService {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly events: ClaimEventsService,
    private readonly audit: AuditService,
  ) {}

  /** Appends a step to a claim's history; callers run it in the transaction that set the status. */
  async recordStatusChange(
    manager: EntityManager,
    change: StatusChangeRecord,
  ): Promise<StatusChange> {
    const row = manager.create(StatusChange, {
      ...change,
      note: change.note ?? null,
      evidenceUrls: change.evidenceUrls ?? [],
      changedBy: change.changedBy ?? null,
    });
    await manager.insert(StatusChange, row);
    return row;
  }

  /**
   * Moves a claim's status and records the step, in one transaction, only if the claim is still
   * at `expectedVersion` and the transition table allows the move. `path` names the input in
   * error fields (`input`, or `inputs.3` in a batch).
   */
  updateVerificationStatus(
    input: UpdateVerificationStatusInput,
    actor: string,
    path = 'input',
  ): Promise<Claim> {
    if (input.followUpAt && input.status !== VerificationStatus.NOT_CONFIRMED) {
      throw followUpNotAllowed(input.status, `${path}.followUpAt`);
    }
    return this.unitOfWork.run(async (manager) => {
      const claim = await manager.findOneBy(Claim, { id: input.claimId });
      if (!claim) throw claimNotFound(input.claimId);
      if (claim.version !== input.expectedVersion) {
        throw versionConflict(claim.id, input.expectedVersion, claim.version);
      }
      const ruling = ruleOnTransition(claim.status, input.status);
      if (!ruling.allowed) {
        throw transitionRefused(claim.id, ruling, claim.status, input.status, `${path}.status`);
      }
      if (ruling.needsReason && !input.note && !input.evidenceUrls?.length) {
        throw reasonRequired(claim.id, claim.status, input.status, `${path}.note`);
      }

      const now = new Date();
      // Only NOT_CONFIRMED may carry a follow-up (checked above): every other move clears it.
      const followUpAt = input.followUpAt ?? null;
      const before = await snapshotClaim(manager, claim);
      const review = firstReview(claim, actor, now);
      const version = await updateClaimAtVersion(
        manager,
        claim.id,
        input.expectedVersion,
        { status: input.status, followUpAt, ...review },
        now,
      );
      const change = await this.recordStatusChange(manager, {
        claimId: claim.id,
        fromStatus: claim.status,
        toStatus: input.status,
        note: input.note,
        evidenceUrls: input.evidenceUrls,
        changedBy: actor,
        changedAt: now,
      });
      const updated = {
        ...claim,
        ...review,
        status: input.status,
        followUpAt,
        version,
        updatedAt: now,
      };
      await this.audit.record(manager, {
        actor,
        action: AuditAction.STATUS_CHANGED,
        entityType: AuditEntityType.CLAIM,
        entityId: claim.id,
        before,
        // A status change leaves the reportedBy chain as it was: no second read of its hops.
        after: { ...updated, reportedBy: before.reportedBy },
      });
      this.unitOfWork.afterCommit(() => this.events.publishStatusChanged(updated, change));
      return updated;
    });
  }

  /**
   * Applies every change or none. The single updates run inside this one transaction (a unit of
   * work joins the one around it), so the first refusal rolls back the changes before it; the
   * error names the input's index and claim. Returns the claims in input order.
   */
  updateVerificationStatuses(
    inputs: UpdateVerificationStatusInput[],
    actor: string,
  ): Promise<Claim[]> {
    assertOneChangePerClaim(inputs);
    return this.unitOfWork.run(async () => {
      const claims: Claim[] = [];
      for (const [index, input] of inputs.entries()) {
        try {
          claims.push(await this.updateVerificationStatus(input, actor, `inputs.${index}`));
        } catch (error) {
          throw inBatch(error, index, input.claimId);
        }
      }
      return claims;
    });
  }
}

/** A batch moves each claim at most once, so each input is judged against the claim as it stood. */
function assertOneChangePerClaim(inputs: readonly UpdateVerificationStatusInput[]): void {
  const firstIndex = new Map<number, number>();
  inputs.forEach((input, index) => {
    const first = firstIndex.get(input.claimId);
    if (first !== undefined) throw duplicateClaimInBatch(input.claimId, index, first);
    firstIndex.set(input.claimId, index);
  });
}
