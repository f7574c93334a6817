import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { SpeakerKind } from '../actors/actor-kinds.js';
import { ActorsService } from '../actors/actors.service.js';
import { normalizeName } from '../actors/normalize-name.js';
import type { Speaker } from '../actors/speaker.entity.js';
import { AuditAction, AuditEntityType } from '../audit/audit-action.js';
import { AuditService } from '../audit/audit.service.js';
import { BriefingItem } from '../briefings/briefing-item.entity.js';
import { briefingItemNotFound } from '../briefings/briefing.errors.js';
import { ClaimEventsService } from '../claim-events/claim-events.service.js';
import { ClaimRelation } from '../claim-relations/claim-relation.entity.js';
import { UnitOfWork } from '../database/unit-of-work.js';
import { isSettled, VerificationStatus } from '../verification/verification-status.js';
import { settledWithoutEvidence } from '../verification/verification.errors.js';
import { VerificationService } from '../verification/verification.service.js';
import { ClaimOutlet } from './claim-outlet.entity.js';
import { firstReview } from './claim-review.js';
import { snapshotClaim } from './claim-snapshot.js';
import { updateClaimAtVersion } from './claim-version.js';
import { Claim } from './claim.entity.js';
import {
  cannotClear,
  claimNotFound,
  duplicateOutletInChain,
  nothingToUpdate,
  quoteNotInItem,
  speakerRequired,
} from './claim.errors.js';
import type { ClaimContentFields } from './dto/claim-content.fields.js';
import type { CreateClaimInput } from './dto/create-claim.input.js';
import type { UpdateClaimInput } from './dto/update-claim.input.js';

interface QuoteSpan {
  quote: string | null;
  quoteStart: number | null;
  quoteEnd: number | null;
}

/** Where `quote` sits in the item's text; refused unless it is an exact substring. */
function locateQuote(
  itemText: string,
  quote: string | null,
  quoteStart?: number | null,
): QuoteSpan {
  if (quote === null) return { quote: null, quoteStart: null, quoteEnd: null };
  const start =
    quoteStart === null || quoteStart === undefined
      ? itemText.indexOf(quote)
      : itemText.startsWith(quote, quoteStart)
        ? quoteStart
        : -1;
  if (start < 0) throw quoteNotInItem('input.quote');
  return { quote, quoteStart: start, quoteEnd: start + quote.length };
}

function assertDistinctOutlets(names: readonly string[]): void {
  const seen = new Set<string>();
  for (const name of names) {
    const key = normalizeName(name);
    if (seen.has(key)) throw duplicateOutletInChain(name);
    seen.add(key);
  }
}

/** How a claim came to be recorded: typed in by a person (the default) or found by extraction. */
export interface ClaimOrigin {
  extractionConfidence: number;
  /** The item the claim was extracted from, when the caller has just read it. */
  item?: BriefingItem;
}

export interface DeletedClaim {
  id: number;
  relationsRemoved: number;
}

/** Writing claims: creation, corrections and deletion, each in one transaction. */
@Injectable()
export class ClaimsService {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly actors: ActorsService,
    private readonly verification: VerificationService,
    private readonly events: ClaimEventsService,
    private readonly audit: AuditService,
  ) {}

  /**
   * The claim, its speaker and outlets (found or created), its chain and its first history step.
   * A claim a person records counts as reviewed; one from extraction (`origin`) awaits review.
   */
  createClaim(input: CreateClaimInput, actor: string, origin?: ClaimOrigin): Promise<Claim> {
    if (Boolean(input.speakerId) === Boolean(input.speakerName)) throw speakerRequired();
    const status = input.status ?? VerificationStatus.UNVERIFIED;
    if (isSettled(status) && !input.verificationPhrase) {
      throw settledWithoutEvidence(
        status,
        'input.verificationPhrase',
        'the verificationPhrase that says so',
      );
    }
    const reportedBy = input.reportedBy ?? [];
    assertDistinctOutlets(reportedBy);

    return this.unitOfWork.run(async (manager) => {
      const item =
        origin?.item?.id === input.itemId
          ? origin.item
          : await manager.findOneBy(BriefingItem, { id: input.itemId });
      if (!item) throw briefingItemNotFound(input.itemId);
      const span = locateQuote(item.text, input.quote ?? null, input.quoteStart);
      const speaker = await this.resolveSpeaker(manager, input);
      const now = new Date();
      const claim = manager.create(Claim, {
        itemId: item.id,
        briefingId: item.briefingId,
        text: input.text,
        ...span,
        speakerId: speaker.id,
        speakerRole: input.speakerRole ?? null,
        status,
        verificationPhrase: input.verificationPhrase ?? null,
        assignee: null,
        followUpAt: null,
        extracted: origin !== undefined,
        extractionConfidence: origin?.extractionConfidence ?? null,
        reviewedAt: origin ? null : now,
        reviewedBy: origin ? null : actor,
        version: 1,
        createdAt: now,
        updatedAt: now,
      });
      await manager.insert(Claim, claim);
      const chain = await this.writeChain(manager, claim.id, reportedBy);
      await this.verification.recordStatusChange(manager, {
        claimId: claim.id,
        fromStatus: null,
        toStatus: status,
        note: input.verificationPhrase,
        changedBy: actor,
        changedAt: now,
      });
      await this.audit.record(manager, {
        actor,
        action: AuditAction.CLAIM_CREATED,
        entityType: AuditEntityType.CLAIM,
        entityId: claim.id,
        before: null,
        // The chain was just written: the snapshot needs no read of it.
        after: { ...claim, reportedBy: chain },
      });
      this.unitOfWork.afterCommit(() => this.events.publishClaimCreated(claim));
      return claim;
    });
  }

  /** Corrects the fields given, if the claim is still at `expectedVersion`. */
  updateClaim(input: UpdateClaimInput, actor: string): Promise<Claim> {
    const changesSomething = (
      ['text', 'quote', 'speakerName', 'speakerRole', 'reportedBy', 'verificationPhrase'] as const
    ).some((field) => input[field] !== undefined);
    if (!changesSomething) throw nothingToUpdate();
    for (const field of ['text', 'speakerName', 'reportedBy'] as const) {
      if (input[field] === null) throw cannotClear(field);
    }
    if (input.reportedBy) assertDistinctOutlets(input.reportedBy);

    return this.unitOfWork.run(async (manager) => {
      const claim = await manager.findOneBy(Claim, { id: input.claimId });
      if (!claim) throw claimNotFound(input.claimId);
      const before = await snapshotClaim(manager, claim);
      const changes: Partial<Claim> = {};
      if (input.text) changes.text = input.text;
      if (input.quote !== undefined) {
        const item = await manager.findOneByOrFail(BriefingItem, { id: claim.itemId });
        Object.assign(changes, locateQuote(item.text, input.quote, input.quoteStart));
      }
      if (input.speakerName) changes.speakerId = (await this.resolveSpeaker(manager, input)).id;
      if (input.speakerRole !== undefined) changes.speakerRole = input.speakerRole;
      if (input.verificationPhrase !== undefined)
        changes.verificationPhrase = input.verificationPhrase;

      const now = new Date();
      Object.assign(changes, firstReview(claim, actor, now));
      const version = await updateClaimAtVersion(
        manager,
        claim.id,
        input.expectedVersion,
        changes,
        now,
      );
      if (input.reportedBy) {
        await manager.delete(ClaimOutlet, { claimId: claim.id });
        await this.writeChain(manager, claim.id, input.reportedBy);
      }
      const updated = { ...claim, ...changes, version, updatedAt: now };
      await this.audit.record(manager, {
        actor,
        action: AuditAction.CLAIM_UPDATED,
        entityType: AuditEntityType.CLAIM,
        entityId: claim.id,
        before,
        after: await snapshotClaim(manager, updated),
      });
      return updated;
    });
  }

  /**
   * Accepts a claim as it stands: marks it reviewed without changing its content, so `version`
   * stays. A claim someone has reviewed already is returned as it is, and nothing is recorded.
   */
  reviewClaim(claimId: number, actor: string): Promise<Claim> {
    return this.unitOfWork.run(async (manager) => {
      const claim = await manager.findOneBy(Claim, { id: claimId });
      if (!claim) throw claimNotFound(claimId);
      const review = firstReview(claim, actor, new Date());
      if (!review.reviewedAt) return claim;
      // Conditional, so two reviewers racing record one review.
      const result = await manager
        .createQueryBuilder()
        .update(Claim)
        .set(review)
        .where('id = :claimId AND reviewed_at IS NULL', { claimId })
        .execute();
      if (result.affected !== 1) return manager.findOneByOrFail(Claim, { id: claimId });
      const reviewed = { ...claim, ...review };
      await this.audit.record(manager, {
        actor,
        action: AuditAction.CLAIM_REVIEWED,
        entityType: AuditEntityType.CLAIM,
        entityId: claimId,
        before: await snapshotClaim(manager, claim),
        after: await snapshotClaim(manager, reviewed),
      });
      return reviewed;
    });
  }

  /** Removes a claim with its relations; its chain and history go with it (ON DELETE CASCADE). */
  deleteClaim(id: number, actor: string): Promise<DeletedClaim> {
    return this.unitOfWork.run(async (manager) => {
      const claim = await manager.findOneBy(Claim, { id });
      if (!claim) throw claimNotFound(id);
      const before = await snapshotClaim(manager, claim);
      const relations = await manager
        .createQueryBuilder()
        .delete()
        .from(ClaimRelation)
        .where('from_claim_id = :id OR to_claim_id = :id', { id })
        .execute();
      await manager.delete(Claim, { id });
      await this.audit.record(manager, {
        actor,
        action: AuditAction.CLAIM_DELETED,
        entityType: AuditEntityType.CLAIM,
        entityId: id,
        before,
        after: null,
      });
      return { id, relationsRemoved: relations.affected ?? 0 };
    });
  }

  private async resolveSpeaker(
    manager: EntityManager,
    input: ClaimContentFields & { speakerId?: number | null },
  ): Promise<Speaker> {
    if (input.speakerId) return this.actors.getSpeaker(input.speakerId, manager);
    return this.actors.findOrCreateSpeaker(manager, {
      name: input.speakerName!,
      kind: input.speakerKind ?? SpeakerKind.PERSON,
      affiliation: input.speakerAffiliation,
    });
  }

  /** Writes a claim's `reportedBy` chain; returns its outlet ids, nearest first. */
  private async writeChain(
    manager: EntityManager,
    claimId: number,
    names: readonly string[],
  ): Promise<number[]> {
    if (names.length === 0) return [];
    const outlets = await this.actors.findOrCreateOutlets(manager, names);
    await manager.insert(
      ClaimOutlet,
      outlets.map((outlet, position) => ({ claimId, position, outletId: outlet.id })),
    );
    return outlets.map((outlet) => outlet.id);
  }
}
