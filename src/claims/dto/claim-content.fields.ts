import { Field, InputType, Int } from '@nestjs/graphql';
import {
  ArrayMaxSize,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { SpeakerKind } from '../../actors/actor-kinds.js';
import { NotBlank } from '../../common/validation/not-blank.js';

export const MAX_CLAIM_TEXT = 5000;

/** The fields a claim is written with, shared by createClaim and updateClaim. */
@InputType({ isAbstract: true })
export class ClaimContentFields {
  @Field(() => String, {
    nullable: true,
    description: "Exact span of the item's text the claim comes from; must occur in the item.",
  })
  @IsOptional()
  @IsString()
  @Length(1, MAX_CLAIM_TEXT)
  quote?: string | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Offset of the quote in the item, when it occurs more than once.',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  quoteStart?: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'The speaker by name, found after normalisation or created.',
  })
  @IsOptional()
  @IsString()
  @Length(1, 300)
  @NotBlank()
  speakerName?: string | null;

  @Field(() => SpeakerKind, {
    nullable: true,
    description: 'Kind of a new speaker (default PERSON).',
  })
  @IsOptional()
  @IsEnum(SpeakerKind)
  speakerKind?: SpeakerKind | null;

  @Field(() => String, { nullable: true, description: 'Affiliation of a new speaker ("Kremlin").' })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  speakerAffiliation?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Title the speaker held when speaking ("Kremlin spokesman").',
  })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  speakerRole?: string | null;

  @Field(() => [String], {
    nullable: true,
    description: 'Outlets that carried it, by name, nearest to the briefing first (at most 10).',
  })
  @IsOptional()
  @ArrayMaxSize(10)
  @IsString({ each: true })
  @Length(1, 200, { each: true })
  @NotBlank({ each: true })
  reportedBy?: string[] | null;

  @Field(() => String, {
    nullable: true,
    description: 'The verbatim phrase that carries the verification status, if the text has one.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  verificationPhrase?: string | null;
}
