import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { BriefingModel } from '../briefings/briefing.model.js';
import type { Briefing } from '../briefings/briefing.entity.js';
import { ClaimRelationType } from '../claim-relations/claim-relation-type.js';
import { ClaimRelationModel } from '../claim-relations/claim-relation.model.js';
import type { ClaimRelation } from '../claim-relations/claim-relation.entity.js';
import { ClaimModel } from '../claims/claim.model.js';
import type { Claim } from '../claims/claim.entity.js';
import { VerificationStatus } from '../verification/verification-status.js';

@ObjectType('IngestedClaim', { description: 'A claim an ingestion extracted from a new item.' })
export class IngestedClaimModel {
  @Field({ description: 'Its key within this answer ("c1"); relations refer to it.' })
  key: string;

  @Field(() => ClaimModel, { nullable: true, description: 'The stored claim; null on a dry run.' })
  claim: Claim | null;

  @Field(() => Int, { description: 'Position of its item in the briefing, from 0.' })
  itemPosition: number;

  @Field({ description: 'The exact span of the item the claim comes from.' })
  text: string;

  @Field(() => Int, { description: "Offset of the span's first character in the item." })
  quoteStart: number;

  @Field({ description: 'The speaker, as named in the text or resolved from an earlier mention.' })
  speakerName: string;

  @Field(() => String, { nullable: true, description: "The speaker's title, for people." })
  speakerRole: string | null;

  @Field(() => String, { nullable: true, description: 'The body or state the speaker belongs to.' })
  speakerAffiliation: string | null;

  @Field(() => [String], { description: 'The outlets that carried it, nearest to the page first.' })
  reportedBy: string[];

  @Field(() => VerificationStatus, {
    description:
      'The status it is stored with. A verdict the text gives without the phrase in the same ' +
      'item is stored as UNVERIFIED: a verdict needs its evidence.',
  })
  status: VerificationStatus;

  @Field(() => String, { nullable: true, description: 'The phrase carrying that status.' })
  verificationPhrase: string | null;

  @Field(() => Float, { description: "The extractor's confidence, 0–1." })
  confidence: number;
}

@ObjectType('IngestedRelation', {
  description: 'A relation an ingestion found; at least one end is a claim it added.',
})
export class IngestedRelationModel {
  @Field(() => ClaimRelationType, { description: 'How the source bears on the target.' })
  type: ClaimRelationType;

  @Field(() => String, {
    nullable: true,
    description: "Key of the source among this answer's claims; null when it is an earlier claim.",
  })
  fromKey: string | null;

  @Field(() => ID, { nullable: true, description: 'The source claim; null on a dry run if new.' })
  fromClaimId: number | null;

  @Field(() => String, {
    nullable: true,
    description: "Key of the target among this answer's claims; null when it is an earlier claim.",
  })
  toKey: string | null;

  @Field(() => ID, { nullable: true, description: 'The target claim; null on a dry run if new.' })
  toClaimId: number | null;

  @Field(() => ClaimRelationModel, {
    nullable: true,
    description: 'The stored relation; null on a dry run.',
  })
  relation: ClaimRelation | null;
}

@ObjectType('BriefingIngestion', { description: 'What an ingestion stored, or would store.' })
export class BriefingIngestionModel {
  @Field({ description: 'true when nothing was written.' })
  dryRun: boolean;

  @Field(() => BriefingModel, {
    nullable: true,
    description: 'The briefing; null on a dry run for a url not stored yet.',
  })
  briefing: Briefing | null;

  @Field({ description: 'true when this ingestion recorded the briefing (or, dry, would).' })
  briefingCreated: boolean;

  @Field(() => Int, { description: 'Items of the text the briefing did not hold, now added.' })
  itemsAdded: number;

  @Field(() => Int, {
    description: 'Items of the text the briefing held already: left as they were.',
  })
  itemsKnown: number;

  @Field(() => [IngestedClaimModel], { description: 'The claims of the added items.' })
  claims: IngestedClaimModel[];

  @Field(() => [IngestedRelationModel], { description: 'The relations that touch them.' })
  relations: IngestedRelationModel[];
}
