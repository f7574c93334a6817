import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import type { DeletedClaim } from '../claims.service.js';

@ObjectType('DeletedClaim', { description: 'What deleteClaim removed.' })
export class DeletedClaimModel implements DeletedClaim {
  @Field(() => ID, { description: 'Id of the deleted claim.' })
  id: number;

  @Field(() => Int, { description: 'How many relations to or from it were removed with it.' })
  relationsRemoved: number;
}
