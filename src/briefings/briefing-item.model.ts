import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import type { BriefingItem } from './briefing-item.entity.js';

@ObjectType('BriefingItem', { description: 'One paragraph of a briefing.' })
export class BriefingItemModel implements Partial<BriefingItem> {
  @Field(() => ID, { description: 'Stable id.' })
  id: number;

  @Field(() => Int, { description: 'Place in the briefing, from 0.' })
  position: number;

  @Field({ description: 'The paragraph as published.' })
  text: string;
}
