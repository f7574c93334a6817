import { Field, ID, ObjectType } from '@nestjs/graphql';
import { JsonObjectScalar } from '../common/graphql/json-object.scalar.js';
import { ConnectionType } from '../common/pagination/connection.model.js';
import { AuditAction, AuditEntityType } from './audit-action.js';
import type { AuditEvent } from './audit-event.entity.js';
import type { AuditSnapshot } from './audit-snapshot.js';

@ObjectType('AuditEvent', {
  description: 'One change to one record: who made it, when, and the record before and after.',
})
export class AuditEventModel implements Partial<AuditEvent> {
  @Field(() => ID, { description: 'Stable id.' })
  id: number;

  @Field({
    description: 'Who made the change: the API key name, or "seed" / "local" for work without one.',
  })
  actor: string;

  @Field(() => AuditAction, { description: 'What the change did.' })
  action: AuditAction;

  @Field(() => AuditEntityType, { description: 'The kind of record changed.' })
  entityType: AuditEntityType;

  @Field(() => ID, { description: "The record's id; for an API key, its name." })
  entityId: string;

  @Field(() => JsonObjectScalar, {
    nullable: true,
    description: 'The record before the change; null for a creation.',
  })
  before: AuditSnapshot | null;

  @Field(() => JsonObjectScalar, {
    nullable: true,
    description: 'The record after the change; null for a deletion.',
  })
  after: AuditSnapshot | null;

  @Field({ description: 'When the change was made.' })
  at: Date;
}

export const AuditEventConnection = ConnectionType(AuditEventModel, 'AuditEvent');
