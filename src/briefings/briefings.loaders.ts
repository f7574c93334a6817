import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { alignById, groupByKey, type RequestLoaders } from '../common/loaders/request-loaders.js';
import { BriefingItem } from './briefing-item.entity.js';
import { Briefing } from './briefing.entity.js';

@Injectable()
export class BriefingsLoaders {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  briefingById(loaders: RequestLoaders) {
    return loaders.get<number, Briefing | null>('briefingById', async (ids) =>
      alignById(ids, await this.dataSource.manager.findBy(Briefing, { id: In([...ids]) })),
    );
  }

  itemById(loaders: RequestLoaders) {
    return loaders.get<number, BriefingItem | null>('itemById', async (ids) =>
      alignById(ids, await this.dataSource.manager.findBy(BriefingItem, { id: In([...ids]) })),
    );
  }

  itemsByBriefingId(loaders: RequestLoaders) {
    return loaders.get<number, BriefingItem[]>('itemsByBriefingId', async (briefingIds) => {
      const items = await this.dataSource.manager.find(BriefingItem, {
        where: { briefingId: In([...briefingIds]) },
        order: { briefingId: 'ASC', position: 'ASC' },
      });
      return groupByKey(briefingIds, items, (item) => item.briefingId);
    });
  }
}
