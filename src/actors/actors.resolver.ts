import { Args, Query, Resolver } from '@nestjs/graphql';
import { IdArg } from '../common/graphql/entity-id.js';
import type { Connection } from '../common/pagination/connection.model.js';
import { ActorsService } from './actors.service.js';
import { ActorSearchArgs } from './dto/actors.args.js';
import type { Outlet } from './outlet.entity.js';
import { OutletConnection, OutletModel } from './outlet.model.js';
import type { Speaker } from './speaker.entity.js';
import { SpeakerConnection, SpeakerModel } from './speaker.model.js';
import { ReadAccess } from '../auth/require-role.decorator.js';

@Resolver()
@ReadAccess()
export class ActorsResolver {
  constructor(private readonly actors: ActorsService) {}

  @Query(() => SpeakerModel, { description: 'One speaker, with the claims credited to them.' })
  speaker(@IdArg('The speaker.') id: number): Promise<Speaker> {
    return this.actors.getSpeaker(id);
  }

  @Query(() => SpeakerConnection, { description: 'Speakers in name order, optionally searched.' })
  speakers(@Args() args: ActorSearchArgs): Promise<Connection<Speaker>> {
    return this.actors.listSpeakers(args);
  }

  @Query(() => OutletModel, { description: 'One outlet, with the claims it published or relayed.' })
  outlet(@IdArg('The outlet.') id: number): Promise<Outlet> {
    return this.actors.getOutlet(id);
  }

  @Query(() => OutletConnection, { description: 'Outlets in name order, optionally searched.' })
  outlets(@Args() args: ActorSearchArgs): Promise<Connection<Outlet>> {
    return this.actors.listOutlets(args);
  }
}
