import { Field, ID, ObjectType } from '@nestjs/graphql';
import { ConnectionType } from '../common/pagination/connection.model.js';
import type { Briefing } from './briefing.entity.js';

@ObjectType('Briefing', { description: 'A published live briefing or article.' })
export class BriefingModel implements Partial<Briefing> {
  @Field(() => ID, { description: 'Stable id.' })
  id: number;

  @Field({ description: 'Headline as published.' })
  title: string;

  @Field(() => String, { nullable: true, description: 'Canonical URL; unique when given.' })
  url: string | null;

  @Field(() => Date, { nullable: true, description: 'When the publisher published it.' })
  publishedAt: Date | null;

  @Field({ description: 'When Claimtrack recorded it.' })
  createdAt: Date;

  @Field({ description: 'When it was last changed.' })
  updatedAt: Date;
}

export const BriefingConnection = ConnectionType(BriefingModel, 'Briefing');
