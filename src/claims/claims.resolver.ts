import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { ActorsLoaders } from '../actors/actors.loaders.js';
import type { Outlet } from '../actors/outlet.entity.js';
import { OutletModel } from '../actors/outlet.model.js';
import type { Speaker } from '../actors/speaker.entity.js';
import { SpeakerModel } from '../actors/speaker.model.js';
import type { BriefingItem } from '../briefings/briefing-item.entity.js';
import { BriefingItemModel } from '../briefings/briefing-item.model.js';
import type { Briefing } from '../briefings/briefing.entity.js';
import { BriefingModel } from '../briefings/briefing.model.js';
import { BriefingsLoaders } from '../briefings/briefings.loaders.js';
import { IdArg } from '../common/graphql/entity-id.js';
import type { RequestLoaders } from '../common/loaders/request-loaders.js';
import type { Connection } from '../common/pagination/connection.model.js';
import { PageArgs } from '../common/pagination/page.args.js';
import { ClaimAssignmentService } from './claim-assignment.service.js';
import { ClaimQueryService } from './claim-query.service.js';
import type { Claim } from './claim.entity.js';
import { ClaimConnection, ClaimModel, QuoteModel } from './claim.model.js';
import { ClaimsLoaders } from './claims.loaders.js';
import { ClaimsService, type DeletedClaim } from './claims.service.js';
import { ClaimListArgs, ClaimsArgs } from './dto/claims.args.js';
import { CreateClaimInput } from './dto/create-claim.input.js';
import { DeletedClaimModel } from './dto/deleted-claim.model.js';
import { UpdateClaimInput } from './dto/update-claim.input.js';
import type { Principal } from '../auth/principal.js';
import { CurrentPrincipal, ReadAccess, RequireRole } from '../auth/require-role.decorator.js';
import { Role } from '../auth/role.js';

@Resolver(() => ClaimModel)
@ReadAccess()
export class ClaimsResolver {
  constructor(
    private readonly claimQueries: ClaimQueryService,
    private readonly claimsService: ClaimsService,
    private readonly claimAssignment: ClaimAssignmentService,
    private readonly claimsLoaders: ClaimsLoaders,
    private readonly actorsLoaders: ActorsLoaders,
    private readonly briefingsLoaders: BriefingsLoaders,
  ) {}

  @Query(() => ClaimConnection, {
    description: 'Claims matching a filter, one keyset page at a time.',
  })
  claims(@Args() args: ClaimsArgs): Promise<Connection<Claim>> {
    return this.claimQueries.listClaims(args);
  }

  @Query(() => ClaimConnection, {
    description: "The editors' queue: claims whose status is still open, newest first.",
  })
  unverifiedClaims(@Args() args: ClaimListArgs): Promise<Connection<Claim>> {
    return this.claimQueries.listUnverifiedClaims(args);
  }

  @RequireRole(Role.FACT_CHECKER)
  @Query(() => ClaimConnection, {
    description: "The caller's queue: open claims assigned to the caller's API key, oldest first.",
  })
  myQueue(
    @Args() page: PageArgs,
    @CurrentPrincipal() principal: Principal,
  ): Promise<Connection<Claim>> {
    return this.claimQueries.listAssignedQueue(principal.name, page);
  }

  @Query(() => ClaimModel, { description: 'One claim.' })
  claim(@IdArg('The claim.') id: number): Promise<Claim> {
    return this.claimQueries.getClaim(id);
  }

  @RequireRole(Role.EDITOR)
  @Mutation(() => ClaimModel, {
    description: 'Records a claim; speakers and outlets given by name are found or created.',
  })
  createClaim(
    @Args('input', { description: 'The claim.' }) input: CreateClaimInput,
    @CurrentPrincipal() principal: Principal,
  ): Promise<Claim> {
    return this.claimsService.createClaim(input, principal.name);
  }

  @RequireRole(Role.EDITOR)
  @Mutation(() => ClaimModel, {
    description: 'Corrects a claim; CONFLICT when expectedVersion is stale.',
  })
  updateClaim(
    @Args('input', { description: 'The correction.' }) input: UpdateClaimInput,
    @CurrentPrincipal() principal: Principal,
  ): Promise<Claim> {
    return this.claimsService.updateClaim(input, principal.name);
  }

  @RequireRole(Role.EDITOR)
  @Mutation(() => DeletedClaimModel, {
    description: 'Deletes a claim with its relations, chain and history, in one transaction.',
  })
  deleteClaim(
    @IdArg('The claim to delete.') id: number,
    @CurrentPrincipal() principal: Principal,
  ): Promise<DeletedClaim> {
    return this.claimsService.deleteClaim(id, principal.name);
  }

  @RequireRole(Role.EDITOR)
  @Mutation(() => ClaimModel, {
    description:
      'Accepts an extracted claim as it stands: sets reviewedAt and reviewedBy without changing ' +
      'its content or `version`. Editing a claim or moving its status reviews it too. A claim ' +
      'already reviewed is returned unchanged.',
  })
  reviewClaim(
    @IdArg('The claim to accept.') id: number,
    @CurrentPrincipal() principal: Principal,
  ): Promise<Claim> {
    return this.claimsService.reviewClaim(id, principal.name);
  }

  @RequireRole(Role.FACT_CHECKER)
  @Mutation(() => ClaimModel, {
    description:
      'Assigns a claim to an API key by name, or releases it (assignee null). Not a content ' +
      'change: `version` stays. NOT_FOUND when no working key has that name.',
  })
  assignClaim(
    @IdArg('The claim.', 'claimId') claimId: number,
    @Args('assignee', {
      type: () => String,
      nullable: true,
      description: 'The name of an existing, non-revoked API key; null releases the claim.',
    })
    assignee: string | null | undefined,
    @CurrentPrincipal() principal: Principal,
  ): Promise<Claim> {
    return this.claimAssignment.assignClaim(claimId, assignee ?? null, principal.name);
  }

  @ResolveField(() => QuoteModel, {
    nullable: true,
    description: "The exact span of the item's text, with offsets; null when not recorded.",
  })
  quote(@Parent() claim: Claim): QuoteModel | null {
    return claim.quote === null
      ? null
      : { text: claim.quote, start: claim.quoteStart, end: claim.quoteEnd };
  }

  @ResolveField(() => SpeakerModel, { description: 'Who made the statement.' })
  speaker(
    @Parent() claim: Claim,
    @Context('loaders') loaders: RequestLoaders,
  ): Promise<Speaker | null> {
    return this.actorsLoaders.speakerById(loaders).load(claim.speakerId);
  }

  @ResolveField(() => [OutletModel], {
    description: 'The outlets that carried it to the briefing, nearest first; empty when direct.',
  })
  reportedBy(
    @Parent() claim: Claim,
    @Context('loaders') loaders: RequestLoaders,
  ): Promise<Outlet[]> {
    return this.claimsLoaders.reportedByClaimId(loaders).load(claim.id);
  }

  @ResolveField(() => BriefingItemModel, { description: 'The item it appears in.' })
  item(
    @Parent() claim: Claim,
    @Context('loaders') loaders: RequestLoaders,
  ): Promise<BriefingItem | null> {
    return this.briefingsLoaders.itemById(loaders).load(claim.itemId);
  }

  @ResolveField(() => BriefingModel, { description: 'The briefing it appears in.' })
  briefing(
    @Parent() claim: Claim,
    @Context('loaders') loaders: RequestLoaders,
  ): Promise<Briefing | null> {
    return this.briefingsLoaders.briefingById(loaders).load(claim.briefingId);
  }
}
