import { Args, Context, Resolver, Subscription } from '@nestjs/graphql';
import type { PubSub } from 'mercurius';
import { ReadAccess } from '../auth/require-role.decorator.js';
import type { Claim } from '../claims/claim.entity.js';
import { ClaimModel } from '../claims/claim.model.js';
import { ClaimEventsArgs } from './dto/claim-events.args.js';
import { ClaimStatusChangedModel } from './claim-events.model.js';
import {
  ClaimEventsService,
  ClaimTopic,
  reviveClaim,
  reviveStatusChange,
  type ClaimCreatedPayload,
  type ClaimStatusChangedPayload,
} from './claim-events.service.js';

@Resolver()
@ReadAccess()
export class ClaimEventsResolver {
  constructor(private readonly events: ClaimEventsService) {}

  @Subscription(() => ClaimStatusChangedModel, {
    description:
      "Every committed change of a claim's status, on any instance, for claims matching the filter.",
    resolve: (payload: ClaimStatusChangedPayload) => ({
      claim: reviveClaim(payload.claim),
      change: reviveStatusChange(payload.change),
    }),
  })
  claimStatusChanged(@Args() { filter }: ClaimEventsArgs, @Context('pubsub') pubsub: PubSub) {
    return this.events.subscribe<ClaimStatusChangedPayload>(
      pubsub,
      ClaimTopic.STATUS_CHANGED,
      filter ?? null,
    );
  }

  @Subscription(() => ClaimModel, {
    description: 'Every claim recorded from now on, on any instance, that matches the filter.',
    resolve: (payload: ClaimCreatedPayload): Claim => reviveClaim(payload.claim),
  })
  claimCreated(@Args() { filter }: ClaimEventsArgs, @Context('pubsub') pubsub: PubSub) {
    return this.events.subscribe<ClaimCreatedPayload>(pubsub, ClaimTopic.CREATED, filter ?? null);
  }
}
