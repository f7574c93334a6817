import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { ActorsLoaders } from '../actors/actors.loaders.js';
import type { Outlet } from '../actors/outlet.entity.js';
import { alignById, groupByKey, type RequestLoaders } from '../common/loaders/request-loaders.js';
import { ClaimOutlet } from './claim-outlet.entity.js';
import { Claim } from './claim.entity.js';

@Injectable()
export class ClaimsLoaders {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly actorsLoaders: ActorsLoaders,
  ) {}

  claimById(loaders: RequestLoaders) {
    return loaders.get<number, Claim | null>('claimById', async (ids) =>
      alignById(ids, await this.dataSource.manager.findBy(Claim, { id: In([...ids]) })),
    );
  }

  /** Claims of each item in reading order (by quote offset, then id). */
  claimsByItemId(loaders: RequestLoaders) {
    return loaders.get<number, Claim[]>('claimsByItemId', async (itemIds) => {
      const claims = await this.dataSource.manager
        .createQueryBuilder(Claim, 'claim')
        .where('claim.itemId IN (:...itemIds)', { itemIds })
        .orderBy('claim.itemId')
        .addOrderBy('claim.quoteStart')
        .addOrderBy('claim.id')
        .getMany();
      return groupByKey(itemIds, claims, (claim) => claim.itemId);
    });
  }

  /** Each claim's `reportedBy` chain in order: one query for the hops, one for their outlets. */
  reportedByClaimId(loaders: RequestLoaders) {
    return loaders.get<number, Outlet[]>('reportedByClaimId', async (claimIds) => {
      const hops = await this.dataSource.manager.find(ClaimOutlet, {
        where: { claimId: In([...claimIds]) },
        order: { claimId: 'ASC', position: 'ASC' },
      });
      const outlets = await this.actorsLoaders
        .outletById(loaders)
        .loadMany(hops.map((hop) => hop.outletId));
      const outletByHop = new Map(hops.map((hop, index) => [hop, outlets[index]]));
      return groupByKey(claimIds, hops, (hop) => hop.claimId).map((chain) =>
        chain.map((hop) => {
          const outlet = outletByHop.get(hop);
          if (!outlet || outlet instanceof Error)
            throw outlet ?? new Error(`Outlet ${hop.outletId} missing`);
          return outlet;
        }),
      );
    });
  }
}
