import { Field, ID, ObjectType } from '@nestjs/graphql';
import type { StatusChange } from './status-change.entity.js';
import { VerificationStatus } from './verification-status.js';

@ObjectType('StatusChange', { description: "One step of a claim's verification history." })
export class StatusChangeModel implements Partial<StatusChange> {
  @Field(() => ID, { description: 'Stable id.' })
  id: number;

  @Field(() => VerificationStatus, {
    name: 'from',
    nullable: true,
    description: 'Status before; null on the first step, when the claim was recorded.',
  })
  fromStatus: VerificationStatus | null;

  @Field(() => VerificationStatus, { name: 'to', description: 'Status after.' })
  toStatus: VerificationStatus;

  @Field(() => String, { nullable: true, description: 'Why it changed.' })
  note: string | null;

  @Field(() => [String], { description: 'URLs of the evidence.' })
  evidenceUrls: string[];

  @Field(() => String, { nullable: true, description: 'Who changed it.' })
  changedBy: string | null;

  @Field({ description: 'When it changed.' })
  changedAt: Date;
}
