import { Field, ID, ObjectType } from '@nestjs/graphql';
import { ConnectionType } from '../common/pagination/connection.model.js';
import { OutletKind } from './actor-kinds.js';
import type { Outlet } from './outlet.entity.js';

@ObjectType('Outlet', { description: 'A news organisation or relay that carries statements.' })
export class OutletModel implements Partial<Outlet> {
  @Field(() => ID, { description: 'Stable id.' })
  id: number;

  @Field({ description: 'Display name, as first recorded.' })
  name: string;

  @Field(() => OutletKind, { description: 'What sort of outlet it is.' })
  kind: OutletKind;

  @Field(() => String, { nullable: true, description: 'Home page, when known.' })
  url: string | null;

  @Field({ description: 'When Claimtrack first recorded it.' })
  createdAt: Date;
}

export const OutletConnection = ConnectionType(OutletModel, 'Outlet');
