import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { ConnectionType } from '../common/pagination/connection.model.js';
import { VerificationStatus } from '../verification/verification-status.js';
import type { Claim } from './claim.entity.js';

@ObjectType('Quote', { description: "The exact span of the item's text a claim comes from." })
export class QuoteModel {
  @Field({ description: 'The span, verbatim.' })
  text: string;

  @Field(() => Int, { nullable: true, description: 'Offset of its first character in the item.' })
  start: number | null;

  @Field(() => Int, { nullable: true, description: 'Offset just past its last character.' })
  end: number | null;
}

@ObjectType('Claim', { description: 'One attributed statement inside a briefing item.' })
export class ClaimModel implements Partial<Claim> {
  @Field(() => ID, { description: 'Stable id.' })
  id: number;

  @Field({ description: 'The statement, as the tracker records it.' })
  text: string;

  @Field(() => String, {
    nullable: true,
    description: 'Title the speaker held when speaking ("Kremlin spokesman").',
  })
  speakerRole: string | null;

  @Field(() => VerificationStatus, { description: 'Where its verification stands now.' })
  status: VerificationStatus;

  @Field(() => String, {
    nullable: true,
    description:
      'The verbatim phrase that carries the status, when the text states one ' +
      '("The Washington Post could not independently verify the reports").',
  })
  verificationPhrase: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'The API key name it is assigned to (assignClaim); null when unassigned. Assigning does ' +
      'not change `version`.',
  })
  assignee: string | null;

  @Field(() => Date, {
    nullable: true,
    description:
      'For a NOT_CONFIRMED claim, when to ask again (set with updateVerificationStatus); ' +
      'cleared when the status moves on.',
  })
  followUpAt: Date | null;

  @Field({
    description:
      'True when ingestion extracted it from a briefing text rather than a person typing it in.',
  })
  extracted: boolean;

  @Field(() => Float, {
    nullable: true,
    description: "The extractor's confidence, 0–1, for an extracted claim; null otherwise.",
  })
  extractionConfidence: number | null;

  @Field(() => Date, {
    nullable: true,
    description:
      'When a person first reviewed it: recorded it, edited it, moved its status or accepted it ' +
      '(reviewClaim). Null while an extracted claim awaits review.',
  })
  reviewedAt: Date | null;

  @Field(() => String, {
    nullable: true,
    description: 'The API key name (or CLI actor) that reviewed it first.',
  })
  reviewedBy: string | null;

  @Field(() => Int, {
    description:
      'Bumped by every change of content or status (not by assignment); send it back as ' +
      '`expectedVersion` when writing.',
  })
  version: number;

  @Field({ description: 'When it was recorded.' })
  createdAt: Date;

  @Field({ description: 'When its content or status last changed.' })
  updatedAt: Date;
}

export const ClaimConnection = ConnectionType(ClaimModel, 'Claim');
