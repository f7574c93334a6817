import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, type EntityManager } from 'typeorm';
import { SpeakerKind } from '../actors/actor-kinds.js';
import { normalizeName } from '../actors/normalize-name.js';
import { AuditAction, AuditEntityType } from '../audit/audit-action.js';
import { AuditService } from '../audit/audit.service.js';
import { BriefingItem } from '../briefings/briefing-item.entity.js';
import { Briefing } from '../briefings/briefing.entity.js';
import { BriefingsService } from '../briefings/briefings.service.js';
import { ClaimRelationType } from '../claim-relations/claim-relation-type.js';
import { ClaimRelationsService } from '../claim-relations/claim-relations.service.js';
import { Claim } from '../claims/claim.entity.js';
import { ClaimsService } from '../claims/claims.service.js';
import { MAX_CLAIM_TEXT } from '../claims/dto/claim-content.fields.js';
import { UnitOfWork } from '../database/unit-of-work.js';
import { isSettled, VerificationStatus } from '../verification/verification-status.js';
import type {
  BriefingIngestionModel,
  IngestedClaimModel,
  IngestedRelationModel,
} from './briefing-ingestion.model.js';
import type { IngestBriefingInput } from './dto/ingest-briefing.input.js';
import { extractBriefing, splitItems } from './extraction/extract-briefing.js';
import type { ExtractedClaim } from './extraction/extraction.types.js';
import { itemTooLong, tooManyItems } from './ingestion.errors.js';
import { planIngestion, type ClaimRef, type IngestionPlan } from './ingestion-plan.js';

/** A live briefing of several days stays well inside these; createBriefing allows 1,000 items. */
export const MAX_INGEST_ITEMS = 5000;
export const MAX_ITEM_TEXT = 20_000;

/** Column widths of what extraction may name (speakers, roles, outlets, phrases). */
const MAX_NAME = 300;
const MAX_OUTLET_NAME = 200;
const MAX_PHRASE = 2000;

const clip = (value: string, max: number) => value.slice(0, max);
const clipOrNull = (value: string | null, max: number) =>
  value === null ? null : clip(value, max);

/**
 * The status a claim is stored with. A verdict needs the phrase that gives it (as when a person
 * records one), so a verdict whose language sits in another item is stored as UNVERIFIED.
 */
function storedStatus(claim: ExtractedClaim): VerificationStatus {
  const status = claim.verification.toUpperCase() as VerificationStatus;
  return isSettled(status) && !claim.verificationEvidence ? VerificationStatus.UNVERIFIED : status;
}

/** A chain names each outlet once, nearest first (createClaim refuses repeats). */
function distinctOutlets(names: readonly string[]): string[] {
  const seen = new Set<string>();
  return names
    .map((name) => clip(name.trim(), MAX_OUTLET_NAME))
    .filter((name) => {
      const key = normalizeName(name);
      if (!key || seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}

function describeClaim(claim: ExtractedClaim, itemPosition: number): IngestedClaimModel {
  return {
    key: claim.id,
    claim: null,
    itemPosition,
    text: clip(claim.span, MAX_CLAIM_TEXT),
    quoteStart: claim.spanStart,
    speakerName: clip(claim.speaker, MAX_NAME),
    speakerRole: clipOrNull(claim.speakerRole, MAX_NAME),
    speakerAffiliation: clipOrNull(claim.speakerAffiliation, MAX_NAME),
    reportedBy: distinctOutlets(claim.reportedBy),
    status: storedStatus(claim),
    verificationPhrase: clipOrNull(claim.verificationEvidence, MAX_PHRASE),
    confidence: claim.confidence,
  };
}

interface StoredBriefing {
  briefing: Briefing | null;
  items: BriefingItem[];
  claims: Pick<Claim, 'id' | 'itemId' | 'quoteStart' | 'quoteEnd'>[];
}

/** Turns a briefing's text into stored claims: extraction, then one transaction of writes. */
@Injectable()
export class IngestionService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly unitOfWork: UnitOfWork,
    private readonly briefings: BriefingsService,
    private readonly claims: ClaimsService,
    private readonly relations: ClaimRelationsService,
    private readonly audit: AuditService,
  ) {}

  /**
   * Extracts the text's claims and stores what the briefing at `input.url` does not hold yet:
   * the briefing itself, its new items, their claims (marked extracted, awaiting review) and the
   * relations that touch them, all or nothing. The same text twice writes nothing the second
   * time. With `dryRun` it answers the same without writing, and without ids for what is new.
   */
  async ingest(input: IngestBriefingInput, actor: string): Promise<BriefingIngestionModel> {
    assertStorable(splitItems(input.text));
    const extraction = extractBriefing(input.text);
    if (input.dryRun === true) {
      const stored = await this.readStored(this.dataSource.manager, input.url);
      return describePlan(stored, planIngestion(extraction, stored.items, stored.claims));
    }
    return this.unitOfWork.run(async (manager) => {
      const stored = await this.readStored(manager, input.url);
      const plan = planIngestion(extraction, stored.items, stored.claims);
      const answer = { ...describePlan(stored, plan), dryRun: false };
      if (plan.newItems.length === 0) return answer;

      const briefing =
        stored.briefing ??
        (await this.briefings.createBriefing(
          {
            title: input.title,
            url: input.url,
            outletName: input.outletName,
            publishedAt: input.publishedAt ?? null,
            items: plan.newItems.map((item) => item.text),
          },
          actor,
        ));
      if (stored.briefing) await this.briefings.addItems(manager, briefing.id, plan.newItems);
      const items = new Map(
        (await this.briefings.listItems(manager, briefing.id)).map((item) => [item.position, item]),
      );

      const claimIds = new Map<string, number>();
      for (const ingested of answer.claims) {
        const claim = await this.claims.createClaim(
          {
            itemId: items.get(ingested.itemPosition)!.id,
            text: ingested.text,
            quote: ingested.text,
            quoteStart: ingested.quoteStart,
            speakerName: ingested.speakerName,
            // The annotation rules give a role to people only.
            speakerKind: ingested.speakerRole ? SpeakerKind.PERSON : SpeakerKind.ORGANIZATION,
            speakerAffiliation: ingested.speakerAffiliation,
            speakerRole: ingested.speakerRole,
            reportedBy: ingested.reportedBy,
            status: ingested.status,
            verificationPhrase: ingested.verificationPhrase,
          },
          actor,
          { extractionConfidence: ingested.confidence, item: items.get(ingested.itemPosition) },
        );
        ingested.claim = claim;
        claimIds.set(ingested.key, claim.id);
      }
      for (const relation of answer.relations) {
        relation.fromClaimId ??= claimIds.get(relation.fromKey!)!;
        relation.toClaimId ??= claimIds.get(relation.toKey!)!;
        relation.relation = await this.relations.link(
          manager,
          { fromClaimId: relation.fromClaimId, toClaimId: relation.toClaimId, type: relation.type },
          actor,
        );
      }
      await this.audit.record(manager, {
        actor,
        action: AuditAction.BRIEFING_INGESTED,
        entityType: AuditEntityType.BRIEFING,
        entityId: briefing.id,
        before: { itemCount: stored.items.length },
        after: {
          itemCount: stored.items.length + plan.newItems.length,
          claimsAdded: answer.claims.length,
          relationsAdded: answer.relations.length,
        },
      });
      return { ...answer, briefing };
    });
  }

  private async readStored(manager: EntityManager, url: string): Promise<StoredBriefing> {
    const briefing = await manager.findOneBy(Briefing, { url });
    if (!briefing) return { briefing: null, items: [], claims: [] };
    const items = await this.briefings.listItems(manager, briefing.id);
    const claims =
      items.length === 0
        ? []
        : await manager.find(Claim, {
            select: { id: true, itemId: true, quoteStart: true, quoteEnd: true },
            where: { briefingId: briefing.id, itemId: In(items.map((item) => item.id)) },
          });
    return { briefing, items, claims };
  }
}

/** Checked before extracting, which is the costly part. */
function assertStorable(items: readonly string[]): void {
  if (items.length > MAX_INGEST_ITEMS) throw tooManyItems(items.length, MAX_INGEST_ITEMS);
  const long = items.findIndex((text) => text.length > MAX_ITEM_TEXT);
  if (long >= 0) throw itemTooLong(long, items[long].length, MAX_ITEM_TEXT);
}

/** The answer for a plan, before anything is written: new claims and relations without ids. */
function describePlan(stored: StoredBriefing, plan: IngestionPlan): BriefingIngestionModel {
  const keyOf = (ref: ClaimRef) => ref.key ?? null;
  const idOf = (ref: ClaimRef) => ref.claimId ?? null;
  const relations: IngestedRelationModel[] = [];
  const seen = new Set<string>();
  for (const { from, to, type } of plan.relations) {
    const signature = `${keyOf(from) ?? idOf(from)}→${keyOf(to) ?? idOf(to)}:${type}`;
    if (seen.has(signature) || (from.key !== undefined && from.key === to.key)) continue;
    seen.add(signature);
    relations.push({
      type: type.toUpperCase() as ClaimRelationType,
      fromKey: keyOf(from),
      fromClaimId: idOf(from),
      toKey: keyOf(to),
      toClaimId: idOf(to),
      relation: null,
    });
  }
  return {
    dryRun: true,
    briefing: stored.briefing,
    briefingCreated: stored.briefing === null,
    itemsAdded: plan.newItems.length,
    itemsKnown: plan.knownItems,
    claims: plan.newClaims.map(({ claim, item }) => describeClaim(claim, item.position)),
    relations,
  };
}
