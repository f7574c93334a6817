import { Args, Context, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { Claim } from '../claims/claim.entity.js';
import { ClaimModel } from '../claims/claim.model.js';
import type { RequestLoaders } from '../common/loaders/request-loaders.js';
import { UpdateVerificationStatusInput } from './dto/update-verification-status.input.js';
import { UpdateVerificationStatusesArgs } from './dto/update-verification-statuses.args.js';
import { statusAt } from './status-at.js';
import type { StatusChange } from './status-change.entity.js';
import { StatusChangeModel } from './status-change.model.js';
import { VerificationStatus } from './verification-status.js';
import { VerificationLoaders } from './verification.loaders.js';
import { VerificationService } from './verification.service.js';
import type { Principal } from '../auth/principal.js';
import { CurrentPrincipal, ReadAccess, RequireRole } from '../auth/require-role.decorator.js';
import { Role } from '../auth/role.js';

@Resolver(() => ClaimModel)
@ReadAccess()
export class VerificationResolver {
  constructor(
    private readonly verification: VerificationService,
    private readonly loaders: VerificationLoaders,
  ) {}

  @RequireRole(Role.FACT_CHECKER)
  @Mutation(() => ClaimModel, {
    description:
      "Moves a claim's verification status and records the step in its history. Refused with " +
      'CONFLICT when expectedVersion is stale, and with BAD_USER_INPUT when the workflow does ' +
      'not allow the move (STATUS_UNCHANGED, TRANSITION_NOT_ALLOWED) or it needs a reason ' +
      '(REASON_REQUIRED: reaching or leaving a verdict or a retraction).',
  })
  updateVerificationStatus(
    @Args('input', { description: 'The new status and its reasons.' })
    input: UpdateVerificationStatusInput,
    @CurrentPrincipal() principal: Principal,
  ): Promise<Claim> {
    return this.verification.updateVerificationStatus(input, principal.name);
  }

  @RequireRole(Role.FACT_CHECKER)
  @Mutation(() => [ClaimModel], {
    description:
      'Applies several status changes all or none, in one transaction; returns the claims in ' +
      'input order. Any refusal (a stale version, a disallowed move, a missing claim) rejects ' +
      'the whole batch with its usual code, naming the input in `extensions.index` and ' +
      '`extensions.claimId`.',
  })
  updateVerificationStatuses(
    @Args() args: UpdateVerificationStatusesArgs,
    @CurrentPrincipal() principal: Principal,
  ): Promise<Claim[]> {
    return this.verification.updateVerificationStatuses(args.inputs, principal.name);
  }

  @ResolveField(() => [StatusChangeModel], {
    description: 'Every change of status, oldest first, starting with the one that recorded it.',
  })
  statusHistory(
    @Parent() claim: Claim,
    @Context('loaders') loaders: RequestLoaders,
  ): Promise<StatusChange[]> {
    return this.loaders.historyByClaimId(loaders).load(claim.id);
  }

  @ResolveField(() => VerificationStatus, {
    nullable: true,
    description: 'The status as it stood at that moment; null before the claim was recorded.',
  })
  async statusAt(
    @Parent() claim: Claim,
    @Args('time', { type: () => Date, description: 'The moment to look at.' }) time: Date,
    @Context('loaders') loaders: RequestLoaders,
  ): Promise<VerificationStatus | null> {
    return statusAt(await this.loaders.historyByClaimId(loaders).load(claim.id), time);
  }
}
