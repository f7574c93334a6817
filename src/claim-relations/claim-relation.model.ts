import { Field, ID, ObjectType } from '@nestjs/graphql';
import type { ClaimRelation } from './claim-relation.entity.js';
import { ClaimRelationType } from './claim-relation-type.js';

@ObjectType('ClaimRelation', { description: 'A typed, directed link from one claim to another.' })
export class ClaimRelationModel implements Partial<ClaimRelation> {
  @Field(() => ID, { description: 'Stable id.' })
  id: number;

  @Field(() => ClaimRelationType, { description: 'How `from` bears on `to`.' })
  type: ClaimRelationType;

  @Field(() => String, { nullable: true, description: 'Why the link was made.' })
  note: string | null;

  @Field(() => String, { nullable: true, description: 'Who made the link.' })
  createdBy: string | null;

  @Field({ description: 'When it was made.' })
  createdAt: Date;

  @Field({ description: 'When it last changed.' })
  updatedAt: Date;
}
