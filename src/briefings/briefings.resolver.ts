import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { ActorsLoaders } from '../actors/actors.loaders.js';
import type { Outlet } from '../actors/outlet.entity.js';
import { OutletModel } from '../actors/outlet.model.js';
import { IdArg } from '../common/graphql/entity-id.js';
import type { RequestLoaders } from '../common/loaders/request-loaders.js';
import type { Connection } from '../common/pagination/connection.model.js';
import { PageArgs } from '../common/pagination/page.args.js';
import type { BriefingItem } from './briefing-item.entity.js';
import { BriefingItemModel } from './briefing-item.model.js';
import type { Briefing } from './briefing.entity.js';
import { BriefingConnection, BriefingModel } from './briefing.model.js';
import { BriefingsLoaders } from './briefings.loaders.js';
import { BriefingsService } from './briefings.service.js';
import { CreateBriefingInput } from './dto/create-briefing.input.js';
import type { Principal } from '../auth/principal.js';
import { CurrentPrincipal, ReadAccess, RequireRole } from '../auth/require-role.decorator.js';
import { Role } from '../auth/role.js';

@Resolver(() => BriefingModel)
@ReadAccess()
export class BriefingsResolver {
  constructor(
    private readonly briefingsService: BriefingsService,
    private readonly briefingsLoaders: BriefingsLoaders,
    private readonly actorsLoaders: ActorsLoaders,
  ) {}

  @Query(() => BriefingModel, { description: 'One briefing with its items and claims.' })
  briefing(@IdArg('The briefing.') id: number): Promise<Briefing> {
    return this.briefingsService.getBriefing(id);
  }

  @Query(() => BriefingConnection, { description: 'Briefings, newest recorded first.' })
  briefings(@Args() page: PageArgs): Promise<Connection<Briefing>> {
    return this.briefingsService.listBriefings(page);
  }

  @RequireRole(Role.EDITOR)
  @Mutation(() => BriefingModel, { description: 'Records a briefing and its items.' })
  createBriefing(
    @Args('input', { description: 'The briefing and its items.' }) input: CreateBriefingInput,
    @CurrentPrincipal() principal: Principal,
  ): Promise<Briefing> {
    return this.briefingsService.createBriefing(input, principal.name);
  }

  @ResolveField(() => OutletModel, { nullable: true, description: 'The publishing outlet.' })
  outlet(
    @Parent() briefing: Briefing,
    @Context('loaders') loaders: RequestLoaders,
  ): Promise<Outlet | null> | null {
    return briefing.outletId === null
      ? null
      : this.actorsLoaders.outletById(loaders).load(briefing.outletId);
  }

  @ResolveField(() => [BriefingItemModel], { description: 'The items in reading order.' })
  items(
    @Parent() briefing: Briefing,
    @Context('loaders') loaders: RequestLoaders,
  ): Promise<BriefingItem[]> {
    return this.briefingsLoaders.itemsByBriefingId(loaders).load(briefing.id);
  }
}

@Resolver(() => BriefingItemModel)
@ReadAccess()
export class BriefingItemsResolver {
  constructor(private readonly briefingsLoaders: BriefingsLoaders) {}

  @ResolveField(() => BriefingModel, { description: 'The briefing this item belongs to.' })
  async briefing(
    @Parent() item: BriefingItem,
    @Context('loaders') loaders: RequestLoaders,
  ): Promise<Briefing | null> {
    return this.briefingsLoaders.briefingById(loaders).load(item.briefingId);
  }
}
