import { Field, ObjectType } from '@nestjs/graphql';
import { ClaimModel } from '../claims/claim.model.js';
import { StatusChangeModel } from '../verification/status-change.model.js';

@ObjectType('ClaimStatusChanged', { description: "A committed change of a claim's status." })
export class ClaimStatusChangedModel {
  @Field(() => ClaimModel, { description: 'The claim as the change left it.' })
  claim: ClaimModel;

  @Field(() => StatusChangeModel, { description: 'The step added to its history.' })
  change: StatusChangeModel;
}
