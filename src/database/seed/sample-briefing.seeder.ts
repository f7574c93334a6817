import { Injectable, Logger } from '@nestjs/common';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { OutletKind, SpeakerKind } from '../../actors/actor-kinds.js';
import { ActorsService } from '../../actors/actors.service.js';
import { BriefingsService } from '../../briefings/briefings.service.js';
import { ClaimRelationType } from '../../claim-relations/claim-relation-type.js';
import { ClaimRelationsService } from '../../claim-relations/claim-relations.service.js';
import { ClaimsService } from '../../claims/claims.service.js';
import { VerificationStatus } from '../../verification/verification-status.js';
import { UnitOfWork } from '../unit-of-work.js';

/** The annotation format of `shared/seed/briefing.json`, with the item texts alongside. */
export interface AnnotatedBriefing {
  source: { url: string | null; outlet: string; title: string; publishedAt: string | null };
  outlets?: { name: string; kind: OutletKind }[];
  items: string[];
  claims: {
    id: string;
    item: number;
    span: string;
    speaker: string;
    speakerRole: string | null;
    speakerAffiliation: string | null;
    reportedBy: string[];
    verification: string;
    verificationEvidence: string | null;
  }[];
  relations: { from: string; to: string; type: string }[];
}

/** Recorded as the author of what seeding writes. */
export const SEED_ACTOR = 'seed';

export const SAMPLE_BRIEFING_FILE = fileURLToPath(
  new URL('./sample-briefing.json', import.meta.url),
);

export interface SeedResult {
  briefingId: number;
  claims: number;
  relations: number;
}

/** Annotation labels are lower-case forms of the API's enum values ("could_not_verify"). */
function enumValue<T extends Record<string, string>>(
  values: T,
  label: string,
  what: string,
): T[keyof T] {
  const value = label.toUpperCase();
  if (!Object.values(values).includes(value)) throw new Error(`Unknown ${what} "${label}"`);
  return value as T[keyof T];
}

/** Loads an annotated briefing through the normal services, all in one transaction. */
@Injectable()
export class SampleBriefingSeeder {
  private readonly logger = new Logger('Seed');

  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly actors: ActorsService,
    private readonly briefings: BriefingsService,
    private readonly claims: ClaimsService,
    private readonly relations: ClaimRelationsService,
  ) {}

  async readFile(path = SAMPLE_BRIEFING_FILE): Promise<AnnotatedBriefing> {
    return JSON.parse(await readFile(path, 'utf8')) as AnnotatedBriefing;
  }

  /** Seeds only a database without briefings; returns null when there was something already. */
  async seedIfEmpty(path?: string): Promise<SeedResult | null> {
    if ((await this.briefings.countBriefings()) > 0) return null;
    return this.seed(await this.readFile(path));
  }

  seed(annotated: AnnotatedBriefing): Promise<SeedResult> {
    return this.unitOfWork.run(async (manager) => {
      for (const outlet of annotated.outlets ?? []) {
        await this.actors.findOrCreateOutlet(manager, outlet);
      }
      const briefing = await this.briefings.createBriefing(
        {
          title: annotated.source.title,
          url: annotated.source.url,
          outletName: annotated.source.outlet,
          publishedAt: annotated.source.publishedAt ? new Date(annotated.source.publishedAt) : null,
          items: annotated.items,
        },
        SEED_ACTOR,
      );
      const items = await this.briefings.listItems(manager, briefing.id);
      const claimIds = new Map<string, number>();
      for (const annotation of annotated.claims) {
        const item = items[annotation.item];
        if (!item)
          throw new Error(
            `Claim ${annotation.id} names item ${annotation.item}, which does not exist`,
          );
        const claim = await this.claims.createClaim(
          {
            itemId: item.id,
            text: annotation.span,
            quote: annotation.span,
            speakerName: annotation.speaker,
            // The annotation rules give a role to people only.
            speakerKind: annotation.speakerRole ? SpeakerKind.PERSON : SpeakerKind.ORGANIZATION,
            speakerAffiliation: annotation.speakerAffiliation,
            speakerRole: annotation.speakerRole,
            reportedBy: annotation.reportedBy,
            status: enumValue(VerificationStatus, annotation.verification, 'verification'),
            verificationPhrase: annotation.verificationEvidence,
          },
          SEED_ACTOR,
        );
        claimIds.set(annotation.id, claim.id);
      }
      for (const relation of annotated.relations) {
        const fromClaimId = claimIds.get(relation.from);
        const toClaimId = claimIds.get(relation.to);
        if (!fromClaimId || !toClaimId) {
          throw new Error(`Relation ${relation.from} → ${relation.to} names an unknown claim`);
        }
        await this.relations.link(
          manager,
          {
            fromClaimId,
            toClaimId,
            type: enumValue(ClaimRelationType, relation.type, 'relation type'),
          },
          SEED_ACTOR,
        );
      }
      const result = {
        briefingId: briefing.id,
        claims: claimIds.size,
        relations: annotated.relations.length,
      };
      this.logger.log(
        `Loaded "${annotated.source.title}": ${result.claims} claims, ${result.relations} relations`,
      );
      return result;
    });
  }
}
