import { ArgsType, Field } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsOptional, ValidateNested } from 'class-validator';
import { ClaimFilter } from '../../claims/dto/claim-filter.input.js';

@ArgsType()
export class ClaimEventsArgs {
  @Field(() => ClaimFilter, {
    nullable: true,
    description: 'Only events about claims matching it; validated when the subscription starts.',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => ClaimFilter)
  filter?: ClaimFilter | null;
}
