import { Field, ID, ObjectType } from '@nestjs/graphql';
import { ConnectionType } from '../common/pagination/connection.model.js';
import { SpeakerKind } from './actor-kinds.js';
import type { Speaker } from './speaker.entity.js';

@ObjectType('Speaker', { description: 'Who made a statement: a person or an organisation.' })
export class SpeakerModel implements Partial<Speaker> {
  @Field(() => ID, { description: 'Stable id.' })
  id: number;

  @Field({ description: 'Full name, or the most specific description the text gives.' })
  name: string;

  @Field(() => SpeakerKind, { description: 'Person or organisation.' })
  kind: SpeakerKind;

  @Field(() => String, {
    nullable: true,
    description: 'The body a person belongs to, or the state or movement of an organisation.',
  })
  affiliation: string | null;

  @Field({ description: 'When Claimtrack first recorded it.' })
  createdAt: Date;
}

export const SpeakerConnection = ConnectionType(SpeakerModel, 'Speaker');
