import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { RequestLoaders } from '../common/loaders/request-loaders.js';
import { ClaimRelation } from './claim-relation.entity.js';

@Injectable()
export class ClaimRelationsLoaders {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Every relation touching each claim, in either direction, oldest first. */
  relationsByClaimId(loaders: RequestLoaders) {
    return loaders.get<number, ClaimRelation[]>('relationsByClaimId', async (claimIds) => {
      const relations = await this.dataSource.manager
        .createQueryBuilder(ClaimRelation, 'relation')
        .where('relation.fromClaimId IN (:...claimIds) OR relation.toClaimId IN (:...claimIds)', {
          claimIds,
        })
        .orderBy('relation.id')
        .getMany();
      return claimIds.map((id) =>
        relations.filter((relation) => relation.fromClaimId === id || relation.toClaimId === id),
      );
    });
  }
}
