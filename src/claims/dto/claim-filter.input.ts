import { Field, InputType, registerEnumType } from '@nestjs/graphql';
import {
  ArrayMaxSize,
  IsBoolean,
  IsDate,
  IsEnum,
  IsOptional,
  IsString,
  Length,
  MaxLength,
} from 'class-validator';
import { EntityIdField } from '../../common/graphql/entity-id.js';
import { VerificationStatus } from '../../verification/verification-status.js';

@InputType({ description: 'Which claims to return; every given condition must hold.' })
export class ClaimFilter {
  @Field(() => [VerificationStatus], { nullable: true, description: 'Any of these statuses.' })
  @IsOptional()
  @ArrayMaxSize(9)
  @IsEnum(VerificationStatus, { each: true })
  status?: VerificationStatus[] | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'true: only open statuses (nothing settled yet); false: only settled ones.',
  })
  @IsOptional()
  @IsBoolean()
  open?: boolean | null;

  @EntityIdField({ nullable: true, description: 'Made by this speaker.' })
  speakerId?: number | null;

  @EntityIdField({
    nullable: true,
    description: "Carried by this outlet: as the briefing's publisher or anywhere in reportedBy.",
  })
  outletId?: number | null;

  @EntityIdField({ nullable: true, description: 'Inside this briefing.' })
  briefingId?: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'Words that must all appear in the claim text (any case).',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  search?: string | null;

  @Field(() => Date, { nullable: true, description: 'Recorded at or after this time.' })
  @IsOptional()
  @IsDate()
  since?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Recorded before this time.' })
  @IsOptional()
  @IsDate()
  until?: Date | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'true: only claims linked to a counter-claim (COUNTERS or DENIES, either way).',
  })
  @IsOptional()
  @IsBoolean()
  hasCounterClaims?: boolean | null;

  @Field(() => String, { nullable: true, description: 'Assigned to this API key name.' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  assignedTo?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'true: only NOT_CONFIRMED claims whose followUpAt has passed; false: only the others.',
  })
  @IsOptional()
  @IsBoolean()
  followUpDue?: boolean | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'true: only claims found by extraction; false: only claims typed in by people.',
  })
  @IsOptional()
  @IsBoolean()
  extracted?: boolean | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'false: only claims nobody has reviewed yet (extracted ones awaiting an editor); true: the others.',
  })
  @IsOptional()
  @IsBoolean()
  reviewed?: boolean | null;
}

export enum ClaimOrderField {
  CREATED_AT = 'CREATED_AT',
  UPDATED_AT = 'UPDATED_AT',
}

export enum OrderDirection {
  ASC = 'ASC',
  DESC = 'DESC',
}

registerEnumType(ClaimOrderField, { name: 'ClaimOrderField', description: 'What claims sort by.' });
registerEnumType(OrderDirection, { name: 'OrderDirection', description: 'Sort direction.' });

@InputType({ description: 'Sort order of a claim list; ties break on id.' })
export class ClaimOrder {
  @Field(() => ClaimOrderField, {
    defaultValue: ClaimOrderField.CREATED_AT,
    description: 'Sort key.',
  })
  @IsEnum(ClaimOrderField)
  field: ClaimOrderField = ClaimOrderField.CREATED_AT;

  @Field(() => OrderDirection, { defaultValue: OrderDirection.DESC, description: 'Direction.' })
  @IsEnum(OrderDirection)
  direction: OrderDirection = OrderDirection.DESC;
}
