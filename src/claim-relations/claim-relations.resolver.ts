import { Args, Context, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { Claim } from '../claims/claim.entity.js';
import { ClaimModel } from '../claims/claim.model.js';
import { ClaimsLoaders } from '../claims/claims.loaders.js';
import { IdArg } from '../common/graphql/entity-id.js';
import type { RequestLoaders } from '../common/loaders/request-loaders.js';
import { COUNTER_RELATION_TYPES } from './claim-relation-type.js';
import type { ClaimRelation } from './claim-relation.entity.js';
import { ClaimRelationModel } from './claim-relation.model.js';
import { ClaimRelationsLoaders } from './claim-relations.loaders.js';
import { ClaimRelationsService } from './claim-relations.service.js';
import { LinkClaimsInput } from './dto/link-claims.input.js';
import type { Principal } from '../auth/principal.js';
import { CurrentPrincipal, ReadAccess, RequireRole } from '../auth/require-role.decorator.js';
import { Role } from '../auth/role.js';

@Resolver(() => ClaimRelationModel)
@ReadAccess()
export class ClaimRelationsResolver {
  constructor(
    private readonly relations: ClaimRelationsService,
    private readonly claimsLoaders: ClaimsLoaders,
  ) {}

  @RequireRole(Role.EDITOR)
  @Mutation(() => ClaimRelationModel, {
    description: 'Links two claims; CONFLICT if the same (from, to, type) link exists.',
  })
  linkClaims(
    @Args('input', { description: 'The link.' }) input: LinkClaimsInput,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ClaimRelation> {
    return this.relations.linkClaims(input, principal.name);
  }

  @RequireRole(Role.EDITOR)
  @Mutation(() => ClaimRelationModel, { description: 'Removes a link; returns it as it was.' })
  unlinkClaims(
    @IdArg('The relation to remove.') id: number,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ClaimRelation> {
    return this.relations.unlinkClaims(id, principal.name);
  }

  @ResolveField(() => ClaimModel, { description: 'The source claim.' })
  from(@Parent() relation: ClaimRelation, @Context('loaders') loaders: RequestLoaders) {
    return this.claimsLoaders.claimById(loaders).load(relation.fromClaimId);
  }

  @ResolveField(() => ClaimModel, { description: 'The target claim.' })
  to(@Parent() relation: ClaimRelation, @Context('loaders') loaders: RequestLoaders) {
    return this.claimsLoaders.claimById(loaders).load(relation.toClaimId);
  }
}

@Resolver(() => ClaimModel)
@ReadAccess()
export class ClaimLinksResolver {
  constructor(
    private readonly relationsLoaders: ClaimRelationsLoaders,
    private readonly claimsLoaders: ClaimsLoaders,
  ) {}

  @ResolveField(() => [ClaimRelationModel], {
    description: 'Every relation to or from this claim, oldest first.',
  })
  relations(@Parent() claim: Claim, @Context('loaders') loaders: RequestLoaders) {
    return this.relationsLoaders.relationsByClaimId(loaders).load(claim.id);
  }

  @ResolveField(() => [ClaimModel], {
    description: 'Claims linked to this one by COUNTERS or DENIES, in either direction.',
  })
  async counterClaims(
    @Parent() claim: Claim,
    @Context('loaders') loaders: RequestLoaders,
  ): Promise<Claim[]> {
    const relations = await this.relationsLoaders.relationsByClaimId(loaders).load(claim.id);
    const otherIds = relations
      .filter((relation) => COUNTER_RELATION_TYPES.includes(relation.type))
      .map((relation) =>
        relation.fromClaimId === claim.id ? relation.toClaimId : relation.fromClaimId,
      );
    const claims = await this.claimsLoaders.claimById(loaders).loadMany([...new Set(otherIds)]);
    return claims.filter((other): other is Claim => other !== null && !(other instanceof Error));
  }
}
