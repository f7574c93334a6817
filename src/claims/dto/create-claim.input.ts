import { Field, InputType } from '@nestjs/graphql';
import { IsEnum, IsOptional, IsString, Length } from 'class-validator';
import { EntityIdField } from '../../common/graphql/entity-id.js';
import { VerificationStatus } from '../../verification/verification-status.js';
import { ClaimContentFields, MAX_CLAIM_TEXT } from './claim-content.fields.js';
import { NotBlank } from '../../common/validation/not-blank.js';

@InputType({ description: 'A new claim; give its speaker as speakerId or speakerName.' })
export class CreateClaimInput extends ClaimContentFields {
  @EntityIdField({ description: 'The briefing item the claim is in.' })
  itemId: number;

  @Field({ description: 'The statement, 1 to 5,000 characters.' })
  @IsString()
  @Length(1, MAX_CLAIM_TEXT)
  @NotBlank()
  text: string;

  @EntityIdField({ nullable: true, description: 'An existing speaker.' })
  speakerId?: number | null;

  @Field(() => VerificationStatus, {
    nullable: true,
    description: 'Initial status (default UNVERIFIED); a settled one needs a verificationPhrase.',
  })
  @IsOptional()
  @IsEnum(VerificationStatus)
  status?: VerificationStatus | null;
}
