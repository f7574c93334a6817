import { ArgsType, Field, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min, ValidateNested } from 'class-validator';
import { ClaimFilter } from '../../claims/dto/claim-filter.input.js';
import { EntityIdField } from '../../common/graphql/entity-id.js';

export const MAX_GRAPH_DEPTH = 5;

@ArgsType()
export class ClaimGraphArgs {
  @EntityIdField({
    nullable: true,
    description: 'Start here and follow claim relations; without it, the filtered claims.',
  })
  rootClaimId?: number | null;

  @Field(() => Int, {
    defaultValue: 2,
    description: 'How many relation hops from the root to follow, 0 to 5.',
  })
  @IsInt()
  @Min(0)
  @Max(MAX_GRAPH_DEPTH)
  depth: number = 2;

  @Field(() => ClaimFilter, {
    nullable: true,
    description: 'Only claims matching it (the root is always included).',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => ClaimFilter)
  filter?: ClaimFilter | null;
}
