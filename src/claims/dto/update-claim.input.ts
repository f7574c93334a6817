import { Field, InputType, Int } from '@nestjs/graphql';
import { IsInt, IsOptional, IsString, Length, Min } from 'class-validator';
import { EntityIdField } from '../../common/graphql/entity-id.js';
import { ClaimContentFields, MAX_CLAIM_TEXT } from './claim-content.fields.js';
import { NotBlank } from '../../common/validation/not-blank.js';

@InputType({
  description: 'A correction: only the fields given change; null clears quote, role or phrase.',
})
export class UpdateClaimInput extends ClaimContentFields {
  @EntityIdField({ description: 'The claim to correct.' })
  claimId: number;

  @Field(() => Int, { description: 'The version the correction is based on.' })
  @IsInt()
  @Min(1)
  expectedVersion: number;

  @Field(() => String, { nullable: true, description: 'The corrected statement.' })
  @IsOptional()
  @IsString()
  @Length(1, MAX_CLAIM_TEXT)
  @NotBlank()
  text?: string | null;
}
