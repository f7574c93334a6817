import { Field, InputType, Int } from '@nestjs/graphql';
import {
  ArrayMaxSize,
  IsDate,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Length,
  MaxLength,
  Min,
} from 'class-validator';
import { HTTP_URL } from '../../briefings/dto/create-briefing.input.js';
import { EntityIdField } from '../../common/graphql/entity-id.js';
import { VerificationStatus } from '../verification-status.js';
import { NotBlank } from '../../common/validation/not-blank.js';

@InputType({ description: "A move of a claim's verification status, with its reasons." })
export class UpdateVerificationStatusInput {
  @EntityIdField({ description: 'The claim.' })
  claimId: number;

  @Field(() => VerificationStatus, {
    description:
      'The new status: one the workflow allows after the current one (a retracted claim only ' +
      'reopens as UNVERIFIED), and never the current one.',
  })
  @IsEnum(VerificationStatus)
  status: VerificationStatus;

  @Field(() => Int, {
    description: 'The version the change is based on; a stale one is refused with CONFLICT.',
  })
  @IsInt()
  @Min(1)
  expectedVersion: number;

  @Field(() => String, {
    nullable: true,
    description:
      'Why (up to 2,000 characters). Reaching or leaving a verdict or a retraction needs a note ' +
      'or evidence.',
  })
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  @NotBlank()
  note?: string | null;

  @Field(() => [String], { nullable: true, description: 'Up to 20 http(s) URLs of evidence.' })
  @IsOptional()
  @ArrayMaxSize(20)
  @IsUrl(HTTP_URL, { each: true, message: 'each value in evidenceUrls must be an http(s) URL' })
  @MaxLength(2000, { each: true })
  evidenceUrls?: string[] | null;

  @Field(() => Date, {
    nullable: true,
    description:
      'With status NOT_CONFIRMED only: when to ask again (see `claims(filter: { followUpDue })`).',
  })
  @IsOptional()
  @IsDate()
  followUpAt?: Date | null;
}
