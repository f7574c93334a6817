import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Claim } from '../claims/claim.entity.js';
import { applyClaimFilter } from '../claims/claim-filter.js';
import type { ClaimFilter } from '../claims/dto/claim-filter.input.js';
import type { PubSub } from 'mercurius';
import type { StatusChange } from '../verification/status-change.entity.js';
import { ClaimEventsEmitter } from './claim-events.emitter.js';

export enum ClaimTopic {
  STATUS_CHANGED = 'claim.statusChanged',
  CREATED = 'claim.created',
}

/** Events cross Redis as JSON: dates travel as ISO strings and are revived on arrival. */
type Wire<T> = {
  [K in keyof T]: T[K] extends Date ? string : T[K] extends Date | null ? string | null : T[K];
};

export interface ClaimCreatedPayload {
  claim: Wire<Claim>;
}

export interface ClaimStatusChangedPayload {
  claim: Wire<Claim>;
  change: Wire<StatusChange>;
}

const toWire = <T>(value: T): Wire<T> => JSON.parse(JSON.stringify(value)) as Wire<T>;

const reviveDate = (value: string | null) => (value === null ? null : new Date(value));

export function reviveClaim(claim: Wire<Claim>): Claim {
  return {
    ...claim,
    createdAt: new Date(claim.createdAt),
    updatedAt: new Date(claim.updatedAt),
    followUpAt: reviveDate(claim.followUpAt),
    reviewedAt: reviveDate(claim.reviewedAt),
  };
}

export function reviveStatusChange(change: Wire<StatusChange>): StatusChange {
  return { ...change, changedAt: new Date(change.changedAt) };
}

@Injectable()
export class ClaimEventsService {
  constructor(
    private readonly bus: ClaimEventsEmitter,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /** Call after the change has committed (UnitOfWork.afterCommit). */
  publishStatusChanged(claim: Claim, change: StatusChange): void {
    const payload: ClaimStatusChangedPayload = { claim: toWire(claim), change: toWire(change) };
    this.bus.emitter.emit({ topic: ClaimTopic.STATUS_CHANGED, payload });
  }

  /** Call after the claim has committed (UnitOfWork.afterCommit). */
  publishClaimCreated(claim: Claim): void {
    const payload: ClaimCreatedPayload = { claim: toWire(claim) };
    this.bus.emitter.emit({ topic: ClaimTopic.CREATED, payload });
  }

  /**
   * The events of `topic` whose claim passes `filter`. The filter is validated before this runs
   * (a bad one fails the subscription at its start), and it is decided by the same query as
   * `claims`, so a list and a subscription never disagree.
   */
  async *subscribe<T extends { claim: { id: number } }>(
    pubsub: PubSub,
    topic: ClaimTopic,
    filter: ClaimFilter | null,
  ): AsyncGenerator<T> {
    const events = (await pubsub.subscribe(topic)) as AsyncIterable<T>;
    for await (const event of events) {
      if (await this.matches(event.claim.id, filter)) yield event;
    }
  }

  private async matches(claimId: number, filter: ClaimFilter | null): Promise<boolean> {
    if (!filter || Object.values(filter).every((value) => value === undefined || value === null)) {
      return true;
    }
    const query = this.dataSource.manager
      .createQueryBuilder(Claim, 'claim')
      .where('claim.id = :claimId', { claimId });
    return applyClaimFilter(query, filter).getExists();
  }
}
