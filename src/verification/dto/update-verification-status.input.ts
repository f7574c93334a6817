import { Field, InputType, Int } from '@nestjs/graphql';
import {
  ArrayMaxSize,
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
    description: 'The new status; must differ from the current one.',
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
    description: 'Why (up to 2,000 characters); settling needs a note or evidence.',
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
}
