import { Field, InputType } from '@nestjs/graphql';
import { IsEnum, IsOptional, IsString, Length } from 'class-validator';
import { EntityIdField } from '../../common/graphql/entity-id.js';
import { ClaimRelationType } from '../claim-relation-type.js';
import { NotBlank } from '../../common/validation/not-blank.js';

@InputType({ description: 'A link from one claim to another, across items and briefings.' })
export class LinkClaimsInput {
  @EntityIdField({ description: 'The claim that counters, denies, supports… (the source).' })
  fromClaimId: number;

  @EntityIdField({ description: 'The claim it bears on (the target).' })
  toClaimId: number;

  @Field(() => ClaimRelationType, { description: 'How the source bears on the target.' })
  @IsEnum(ClaimRelationType)
  type: ClaimRelationType;

  @Field(() => String, { nullable: true, description: 'Why (up to 2,000 characters).' })
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  @NotBlank()
  note?: string | null;
}
