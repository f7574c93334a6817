import { Args, Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { Outlet } from '../actors/outlet.entity.js';
import { OutletModel } from '../actors/outlet.model.js';
import type { Speaker } from '../actors/speaker.entity.js';
import { SpeakerModel } from '../actors/speaker.model.js';
import type { BriefingItem } from '../briefings/briefing-item.entity.js';
import { BriefingItemModel } from '../briefings/briefing-item.model.js';
import type { Briefing } from '../briefings/briefing.entity.js';
import { BriefingModel } from '../briefings/briefing.model.js';
import type { RequestLoaders } from '../common/loaders/request-loaders.js';
import type { Connection } from '../common/pagination/connection.model.js';
import { ClaimQueryService } from './claim-query.service.js';
import type { Claim } from './claim.entity.js';
import { ClaimConnection, ClaimModel } from './claim.model.js';
import { ClaimsLoaders } from './claims.loaders.js';
import { ClaimsArgs } from './dto/claims.args.js';
import { ReadAccess } from '../auth/require-role.decorator.js';

const CLAIMS_WITHIN = 'Its claims, filtered and paged like `claims`.';

@Resolver(() => SpeakerModel)
@ReadAccess()
export class SpeakerClaimsResolver {
  constructor(private readonly claimQueries: ClaimQueryService) {}

  @ResolveField(() => ClaimConnection, { description: `${CLAIMS_WITHIN} Those credited to them.` })
  claims(@Parent() speaker: Speaker, @Args() args: ClaimsArgs): Promise<Connection<Claim>> {
    return this.claimQueries.listClaimsWithin({ speakerId: speaker.id }, args);
  }
}

@Resolver(() => OutletModel)
@ReadAccess()
export class OutletClaimsResolver {
  constructor(private readonly claimQueries: ClaimQueryService) {}

  @ResolveField(() => ClaimConnection, {
    description: `${CLAIMS_WITHIN} Those it published or relayed.`,
  })
  claims(@Parent() outlet: Outlet, @Args() args: ClaimsArgs): Promise<Connection<Claim>> {
    return this.claimQueries.listClaimsWithin({ outletId: outlet.id }, args);
  }
}

@Resolver(() => BriefingModel)
@ReadAccess()
export class BriefingClaimsResolver {
  constructor(private readonly claimQueries: ClaimQueryService) {}

  @ResolveField(() => ClaimConnection, { description: `${CLAIMS_WITHIN} Those in this briefing.` })
  claims(@Parent() briefing: Briefing, @Args() args: ClaimsArgs): Promise<Connection<Claim>> {
    return this.claimQueries.listClaimsWithin({ briefingId: briefing.id }, args);
  }
}

@Resolver(() => BriefingItemModel)
@ReadAccess()
export class ItemClaimsResolver {
  constructor(private readonly claimsLoaders: ClaimsLoaders) {}

  @ResolveField(() => [ClaimModel], { description: 'The claims in this item, in reading order.' })
  claims(
    @Parent() item: BriefingItem,
    @Context('loaders') loaders: RequestLoaders,
  ): Promise<Claim[]> {
    return this.claimsLoaders.claimsByItemId(loaders).load(item.id);
  }
}
