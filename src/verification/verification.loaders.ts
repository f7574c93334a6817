import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { groupByKey, type RequestLoaders } from '../common/loaders/request-loaders.js';
import { StatusChange } from './status-change.entity.js';

@Injectable()
export class VerificationLoaders {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Each claim's status history, oldest first (id breaks ties within one millisecond). */
  historyByClaimId(loaders: RequestLoaders) {
    return loaders.get<number, StatusChange[]>('historyByClaimId', async (claimIds) => {
      const changes = await this.dataSource.manager.find(StatusChange, {
        where: { claimId: In([...claimIds]) },
        order: { claimId: 'ASC', changedAt: 'ASC', id: 'ASC' },
      });
      return groupByKey(claimIds, changes, (change) => change.claimId);
    });
  }
}
