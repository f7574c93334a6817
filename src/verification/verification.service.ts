import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Claim } from '../claims/claim.entity.js';
import { claimNotFound, versionConflict } from '../claims/claim.errors.js';
import { updateClaimAtVersion } from '../claims/claim-version.js';
import { UnitOfWork } from '../database/unit-of-work.js';
import type { UpdateVerificationStatusInput } from './dto/update-verification-status.input.js';
import { StatusChange } from './status-change.entity.js';
import { isSettled, type VerificationStatus } from './verification-status.js';
import { settledWithoutEvidence, statusUnchanged } from './verification.errors.js';

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
  constructor(private readonly unitOfWork: UnitOfWork) {}

  /** Appends a step to a claim's history; callers run it in the transaction that set the status. */
  async recordStatusChange(manager: EntityManager, change: StatusChangeRecord): Promise<void> {
    await manager.insert(StatusChange, {
      ...change,
      note: change.note ?? null,
      evidenceUrls: change.evidenceUrls ?? [],
      changedBy: change.changedBy ?? null,
    });
  }

  /**
   * Moves a claim's status and records the step, in one transaction, only if the claim is still
   * at `expectedVersion`.
   */
  updateVerificationStatus(input: UpdateVerificationStatusInput, actor: string): Promise<Claim> {
    if (isSettled(input.status) && !input.note && !input.evidenceUrls?.length) {
      throw settledWithoutEvidence(
        input.status,
        'input.note',
        'a note or at least one evidence URL',
      );
    }
    return this.unitOfWork.run(async (manager) => {
      const claim = await manager.findOneBy(Claim, { id: input.claimId });
      if (!claim) throw claimNotFound(input.claimId);
      if (claim.version !== input.expectedVersion) {
        throw versionConflict(claim.id, input.expectedVersion, claim.version);
      }
      if (claim.status === input.status) throw statusUnchanged(claim.id, input.status);

      const now = new Date();
      const version = await updateClaimAtVersion(
        manager,
        claim.id,
        input.expectedVersion,
        { status: input.status },
        now,
      );
      await this.recordStatusChange(manager, {
        claimId: claim.id,
        fromStatus: claim.status,
        toStatus: input.status,
        note: input.note,
        evidenceUrls: input.evidenceUrls,
        changedBy: actor,
        changedAt: now,
      });
      return { ...claim, status: input.status, version, updatedAt: now };
    });
  }
}
