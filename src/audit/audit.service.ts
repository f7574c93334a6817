import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { Connection } from '../common/pagination/connection.model.js';
import { keysetPaginate } from '../common/pagination/keyset-paginate.js';
import type { AuditAction, AuditEntityType } from './audit-action.js';
import { AuditEvent } from './audit-event.entity.js';
import { toSnapshot } from './audit-snapshot.js';
import type { AuditEventsArgs } from './dto/audit-events.args.js';

export interface AuditRecord {
  /** The principal's name (`principal.name`), or the process's (`SEED_ACTOR`). */
  actor: string;
  action: AuditAction;
  entityType: AuditEntityType;
  entityId: number | string;
  /** The record before and after the change; null before a creation and after a deletion. */
  before: object | null;
  after: object | null;
}

/** The audit trail: written inside each change's transaction, read by admins. */
@Injectable()
export class AuditService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Appends an event through `manager`, so it commits or rolls back with the change. */
  async record(manager: EntityManager, event: AuditRecord): Promise<void> {
    await manager.insert(AuditEvent, {
      actor: event.actor,
      action: event.action,
      entityType: event.entityType,
      entityId: String(event.entityId),
      before: toSnapshot(event.before),
      after: toSnapshot(event.after),
      at: new Date(),
    });
  }

  /** Newest first. */
  listEvents(args: AuditEventsArgs): Promise<Connection<AuditEvent>> {
    const query = this.dataSource.manager.createQueryBuilder(AuditEvent, 'event');
    const filter = args.filter ?? {};
    if (filter.actor) query.andWhere('event.actor = :actor', { actor: filter.actor });
    if (filter.action) query.andWhere('event.action = :action', { action: filter.action });
    if (filter.entityType) {
      query.andWhere('event.entityType = :entityType', { entityType: filter.entityType });
    }
    if (filter.entityId)
      query.andWhere('event.entityId = :entityId', { entityId: filter.entityId });
    if (filter.since) query.andWhere('event.at >= :since', { since: filter.since });
    if (filter.until) query.andWhere('event.at < :until', { until: filter.until });
    return keysetPaginate(query, { property: 'at', direction: 'DESC', kind: 'date' }, args);
  }
}
