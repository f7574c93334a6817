import { ArgsType, Field } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsOptional, ValidateNested } from 'class-validator';
import { PageArgs } from '../../common/pagination/page.args.js';
import { ClaimFilter, ClaimOrder } from './claim-filter.input.js';

@ArgsType()
export class ClaimListArgs extends PageArgs {
  @Field(() => ClaimFilter, { nullable: true, description: 'Conditions on the claims.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => ClaimFilter)
  filter?: ClaimFilter | null;
}

@ArgsType()
export class ClaimsArgs extends ClaimListArgs {
  @Field(() => ClaimOrder, { nullable: true, description: 'Default: newest first.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => ClaimOrder)
  orderBy?: ClaimOrder | null;
}
