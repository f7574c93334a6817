import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { assertUnreachable } from '../common/errors/domain-error.js';
import type { Connection } from '../common/pagination/connection.model.js';
import { keysetPaginate, type KeysetOrder } from '../common/pagination/keyset-paginate.js';
import type { PageArgs } from '../common/pagination/page.args.js';
import { OPEN_STATUSES } from '../verification/verification-status.js';
import { Claim } from './claim.entity.js';
import { claimNotFound } from './claim.errors.js';
import { applyClaimFilter } from './claim-filter.js';
import {
  ClaimOrderField,
  OrderDirection,
  type ClaimFilter,
  type ClaimOrder,
} from './dto/claim-filter.input.js';
import type { ClaimListArgs, ClaimsArgs } from './dto/claims.args.js';

function keysetOrder(order: ClaimOrder | null | undefined): KeysetOrder<Claim> {
  const direction = order?.direction === OrderDirection.ASC ? 'ASC' : 'DESC';
  const field = order?.field ?? ClaimOrderField.CREATED_AT;
  switch (field) {
    case ClaimOrderField.CREATED_AT:
      return { property: 'createdAt', direction };
    case ClaimOrderField.UPDATED_AT:
      return { property: 'updatedAt', direction };
    default:
      return assertUnreachable(field);
  }
}

/** Reading claims: single claims and the filtered, keyset-paged lists. */
@Injectable()
export class ClaimQueryService {
  /**
   * Open claims are most claims, so the queue reads best down the (created_at, id) index,
   * stopping after a page, or down the filter's own (speaker_id, created_at, id) one. SQLite
   * without ANALYZE statistics (as migrations leave it) guesses that `status IN (…)` is selective
   * and sorts every open claim instead (2.3 s a page at 1M claims); the unary `+` keeps the status
   * index out of its choice. PostgreSQL's planner has statistics and needs no hint.
   */
  private readonly queueStatusColumn: string;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    this.queueStatusColumn =
      dataSource.options.type === 'better-sqlite3' ? '+claim.status' : 'claim.status';
  }

  async getClaim(id: number): Promise<Claim> {
    const claim = await this.dataSource.manager.findOneBy(Claim, { id });
    if (!claim) throw claimNotFound(id);
    return claim;
  }

  listClaims(args: ClaimsArgs): Promise<Connection<Claim>> {
    const query = applyClaimFilter(
      this.dataSource.manager.createQueryBuilder(Claim, 'claim'),
      args.filter,
    );
    return keysetPaginate(query, { ...keysetOrder(args.orderBy), kind: 'date' }, args);
  }

  /** The editors' queue: the filter's claims whose status is still open, newest first. */
  listUnverifiedClaims(args: ClaimListArgs): Promise<Connection<Claim>> {
    const query = applyClaimFilter(
      this.dataSource.manager.createQueryBuilder(Claim, 'claim'),
      args.filter,
    ).andWhere(`${this.queueStatusColumn} IN (:...queueStatuses)`, {
      queueStatuses: OPEN_STATUSES,
    });
    return keysetPaginate(query, { property: 'createdAt', direction: 'DESC', kind: 'date' }, args);
  }

  /** A fact-checker's queue: the open claims assigned to them, oldest first. */
  listAssignedQueue(assignee: string, page: PageArgs): Promise<Connection<Claim>> {
    const query = applyClaimFilter(this.dataSource.manager.createQueryBuilder(Claim, 'claim'), {
      assignedTo: assignee,
      open: true,
    });
    return keysetPaginate(query, { property: 'createdAt', direction: 'ASC', kind: 'date' }, page);
  }

  /** A list under a parent (a speaker's claims, an outlet's): the parent's condition wins. */
  listClaimsWithin(parent: ClaimFilter, args: ClaimsArgs): Promise<Connection<Claim>> {
    return this.listClaims({ ...args, filter: { ...args.filter, ...parent } });
  }
}
