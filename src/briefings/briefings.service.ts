import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { OutletKind } from '../actors/actor-kinds.js';
import { ActorsService } from '../actors/actors.service.js';
import { AuditAction, AuditEntityType } from '../audit/audit-action.js';
import { AuditService } from '../audit/audit.service.js';
import type { Connection } from '../common/pagination/connection.model.js';
import { keysetPaginate } from '../common/pagination/keyset-paginate.js';
import type { PageArgs } from '../common/pagination/page.args.js';
import { chunks } from '../common/sql/chunks.js';
import { UnitOfWork } from '../database/unit-of-work.js';
import { BriefingItem } from './briefing-item.entity.js';
import { Briefing } from './briefing.entity.js';
import { briefingItemNotFound, briefingNotFound, briefingUrlTaken } from './briefing.errors.js';
import type { CreateBriefingInput } from './dto/create-briefing.input.js';

@Injectable()
export class BriefingsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly unitOfWork: UnitOfWork,
    private readonly actors: ActorsService,
    private readonly audit: AuditService,
  ) {}

  async getBriefing(id: number): Promise<Briefing> {
    const briefing = await this.dataSource.manager.findOneBy(Briefing, { id });
    if (!briefing) throw briefingNotFound(id);
    return briefing;
  }

  async getItem(id: number): Promise<BriefingItem> {
    const item = await this.dataSource.manager.findOneBy(BriefingItem, { id });
    if (!item) throw briefingItemNotFound(id);
    return item;
  }

  /** A briefing's items in reading order, read through `manager` (inside a transaction). */
  listItems(manager: EntityManager, briefingId: number): Promise<BriefingItem[]> {
    return manager.find(BriefingItem, { where: { briefingId }, order: { position: 'ASC' } });
  }

  /** Newest first. */
  listBriefings(page: PageArgs): Promise<Connection<Briefing>> {
    const query = this.dataSource.manager.createQueryBuilder(Briefing, 'briefing');
    return keysetPaginate(query, { property: 'createdAt', direction: 'DESC', kind: 'date' }, page);
  }

  countBriefings(): Promise<number> {
    return this.dataSource.manager.count(Briefing);
  }

  /**
   * Appends items to a briefing inside the caller's transaction (`manager`); the positions are
   * the caller's, after the briefing's last. Marks the briefing updated.
   */
  async addItems(
    manager: EntityManager,
    briefingId: number,
    items: readonly { position: number; text: string }[],
  ): Promise<void> {
    const rows = items.map(({ position, text }) =>
      manager.create(BriefingItem, { briefingId, position, text }),
    );
    for (const batch of chunks(rows)) await manager.insert(BriefingItem, batch);
    await manager.update(Briefing, { id: briefingId }, { updatedAt: new Date() });
  }

  /** The briefing, its publishing outlet (found or created) and its items, in one transaction. */
  createBriefing(input: CreateBriefingInput, actor: string): Promise<Briefing> {
    return this.unitOfWork.run(async (manager) => {
      if (input.url) {
        const existing = await manager.findOneBy(Briefing, { url: input.url });
        if (existing) throw briefingUrlTaken(input.url, existing.id);
      }
      const outlet = input.outletName
        ? await this.actors.findOrCreateOutlet(manager, {
            name: input.outletName,
            kind: input.outletKind ?? OutletKind.NEWS,
          })
        : null;
      const now = new Date();
      const briefing = manager.create(Briefing, {
        title: input.title,
        url: input.url ?? null,
        outletId: outlet?.id ?? null,
        publishedAt: input.publishedAt ?? null,
        createdAt: now,
        updatedAt: now,
      });
      await manager.insert(Briefing, briefing);
      const items = input.items.map((text, position) =>
        manager.create(BriefingItem, { briefingId: briefing.id, position, text }),
      );
      for (const batch of chunks(items)) await manager.insert(BriefingItem, batch);
      await this.audit.record(manager, {
        actor,
        action: AuditAction.BRIEFING_CREATED,
        entityType: AuditEntityType.BRIEFING,
        entityId: briefing.id,
        before: null,
        // The item texts are the briefing's own record; the trail keeps how many there were.
        after: { ...briefing, itemCount: items.length },
      });
      return briefing;
    });
  }
}
