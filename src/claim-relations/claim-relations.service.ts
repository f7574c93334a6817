import { Injectable } from '@nestjs/common';
import { In, type EntityManager } from 'typeorm';
import { AuditAction, AuditEntityType } from '../audit/audit-action.js';
import { AuditService } from '../audit/audit.service.js';
import { Claim } from '../claims/claim.entity.js';
import { claimNotFound } from '../claims/claim.errors.js';
import { UnitOfWork } from '../database/unit-of-work.js';
import { ClaimRelation } from './claim-relation.entity.js';
import { relationExists, relationNotFound, selfRelation } from './claim-relation.errors.js';
import type { LinkClaimsInput } from './dto/link-claims.input.js';

@Injectable()
export class ClaimRelationsService {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly audit: AuditService,
  ) {}

  linkClaims(input: LinkClaimsInput, actor: string): Promise<ClaimRelation> {
    return this.unitOfWork.run((manager) => this.link(manager, input, actor));
  }

  /** For callers that link claims inside a larger transaction (seeding, ingestion). */
  async link(
    manager: EntityManager,
    input: LinkClaimsInput,
    actor: string,
  ): Promise<ClaimRelation> {
    if (input.fromClaimId === input.toClaimId) throw selfRelation();
    // Both ends in one read; which one is missing is looked up only when one is.
    const ends = [input.fromClaimId, input.toClaimId];
    if ((await manager.countBy(Claim, { id: In(ends) })) < 2) {
      for (const id of ends) if (!(await manager.existsBy(Claim, { id }))) throw claimNotFound(id);
    }
    const existing = await manager.findOneBy(ClaimRelation, {
      fromClaimId: input.fromClaimId,
      toClaimId: input.toClaimId,
      type: input.type,
    });
    if (existing) throw relationExists(input.fromClaimId, input.toClaimId, input.type, existing.id);
    const now = new Date();
    const relation = manager.create(ClaimRelation, {
      fromClaimId: input.fromClaimId,
      toClaimId: input.toClaimId,
      type: input.type,
      note: input.note ?? null,
      createdBy: actor,
      createdAt: now,
      updatedAt: now,
    });
    await manager.insert(ClaimRelation, relation);
    await this.audit.record(manager, {
      actor,
      action: AuditAction.CLAIMS_LINKED,
      entityType: AuditEntityType.CLAIM_RELATION,
      entityId: relation.id,
      before: null,
      after: relation,
    });
    return relation;
  }

  /** Removes a link and returns it as it was. */
  unlinkClaims(id: number, actor: string): Promise<ClaimRelation> {
    return this.unitOfWork.run(async (manager) => {
      const relation = await manager.findOneBy(ClaimRelation, { id });
      if (!relation) throw relationNotFound(id);
      await manager.delete(ClaimRelation, { id });
      await this.audit.record(manager, {
        actor,
        action: AuditAction.CLAIMS_UNLINKED,
        entityType: AuditEntityType.CLAIM_RELATION,
        entityId: id,
        before: relation,
        after: null,
      });
      return relation;
    });
  }
}
