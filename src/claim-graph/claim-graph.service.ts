import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource, In } from 'typeorm';
import { Outlet } from '../actors/outlet.entity.js';
import { Speaker } from '../actors/speaker.entity.js';
import { BriefingItem } from '../briefings/briefing-item.entity.js';
import { Briefing } from '../briefings/briefing.entity.js';
import { ClaimRelation } from '../claim-relations/claim-relation.entity.js';
import { ClaimOutlet } from '../claims/claim-outlet.entity.js';
import { Claim } from '../claims/claim.entity.js';
import { claimNotFound } from '../claims/claim.errors.js';
import { applyClaimFilter } from '../claims/claim-filter.js';
import type { ClaimFilter } from '../claims/dto/claim-filter.input.js';
import { InvalidInputError } from '../common/errors/domain-error.js';
import type { ClaimGraphModel, GraphEdgeModel, GraphNodeModel } from './claim-graph.model.js';
import {
  briefingNode,
  claimEdges,
  claimNode,
  itemNode,
  outletNode,
  partOfEdge,
  publishedByEdges,
  relationEdge,
  reportedByEdge,
  speakerNode,
} from './graph-elements.js';
import type { ClaimGraphArgs } from './dto/claim-graph.args.js';

/** Beyond this many claims the answer belongs in an export, not in one GraphQL response. */
export const MAX_GRAPH_CLAIMS = 500;

const graphTooLarge = () =>
  new InvalidInputError(
    'GRAPH_TOO_LARGE',
    'filter',
    `The graph would hold more than ${MAX_GRAPH_CLAIMS} claims: narrow the filter, lower the depth, or use an export`,
    { maxClaims: MAX_GRAPH_CLAIMS },
  );

@Injectable()
export class ClaimGraphService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async claimGraph(args: ClaimGraphArgs): Promise<ClaimGraphModel> {
    const claimIds = args.rootClaimId
      ? await this.neighbourhood(args.rootClaimId, args.depth, args.filter)
      : await this.filteredClaimIds(args.filter);
    return this.describe(claimIds);
  }

  private async filteredClaimIds(filter: ClaimFilter | null | undefined): Promise<number[]> {
    const rows = await applyClaimFilter(
      this.dataSource.manager.createQueryBuilder(Claim, 'claim').select('claim.id', 'id'),
      filter,
    )
      .orderBy('claim.id')
      .limit(MAX_GRAPH_CLAIMS + 1)
      .getRawMany<{ id: number }>();
    if (rows.length > MAX_GRAPH_CLAIMS) throw graphTooLarge();
    return rows.map((row) => Number(row.id));
  }

  /** Breadth-first over claim relations, `depth` hops out, keeping claims the filter admits. */
  private async neighbourhood(rootId: number, depth: number, filter?: ClaimFilter | null) {
    const manager = this.dataSource.manager;
    if (!(await manager.existsBy(Claim, { id: rootId }))) throw claimNotFound(rootId);
    const seen = new Set([rootId]);
    let frontier = [rootId];
    for (let hop = 0; hop < depth && frontier.length > 0; hop++) {
      const relations = await manager.find(ClaimRelation, {
        where: [{ fromClaimId: In(frontier) }, { toClaimId: In(frontier) }],
      });
      let next = [
        ...new Set(
          relations.flatMap((r) => [r.fromClaimId, r.toClaimId]).filter((id) => !seen.has(id)),
        ),
      ];
      if (filter && next.length > 0) {
        const admitted = await applyClaimFilter(
          manager.createQueryBuilder(Claim, 'claim').select('claim.id', 'id'),
          filter,
        )
          .andWhere(new Brackets((query) => query.where('claim.id IN (:...next)', { next })))
          .getRawMany<{ id: number }>();
        next = admitted.map((row) => Number(row.id));
      }
      for (const id of next) seen.add(id);
      if (seen.size > MAX_GRAPH_CLAIMS) throw graphTooLarge();
      frontier = next;
    }
    return [...seen];
  }

  /** The claims with their speakers, outlets, items and briefings; no edge leaves the node set. */
  private async describe(claimIds: number[]): Promise<ClaimGraphModel> {
    if (claimIds.length === 0) return { nodes: [], edges: [] };
    const manager = this.dataSource.manager;
    const claims = await manager.find(Claim, { where: { id: In(claimIds) }, order: { id: 'ASC' } });
    const [relations, hops, speakers, items] = await Promise.all([
      manager.find(ClaimRelation, {
        where: { fromClaimId: In(claimIds), toClaimId: In(claimIds) },
        order: { id: 'ASC' },
      }),
      manager.find(ClaimOutlet, {
        where: { claimId: In(claimIds) },
        order: { claimId: 'ASC', position: 'ASC' },
      }),
      manager.findBy(Speaker, { id: In(unique(claims.map((c) => c.speakerId))) }),
      manager.findBy(BriefingItem, { id: In(unique(claims.map((c) => c.itemId))) }),
    ]);
    const briefings = await manager.findBy(Briefing, {
      id: In(unique(items.map((i) => i.briefingId))),
    });
    const outletIds = unique([
      ...hops.map((hop) => hop.outletId),
      ...briefings.flatMap((b) => (b.outletId === null ? [] : [b.outletId])),
    ]);
    const outlets = outletIds.length > 0 ? await manager.findBy(Outlet, { id: In(outletIds) }) : [];

    const nodes: GraphNodeModel[] = [
      ...claims.map(claimNode),
      ...speakers.map(speakerNode),
      ...outlets.map(outletNode),
      ...items.map(itemNode),
      ...briefings.map(briefingNode),
    ];
    const edges: GraphEdgeModel[] = [
      ...claims.flatMap(claimEdges),
      ...hops.map(reportedByEdge),
      ...items.map(partOfEdge),
      ...briefings.flatMap(publishedByEdges),
      ...relations.map(relationEdge),
    ];
    return { nodes, edges };
  }
}

function unique(ids: number[]): number[] {
  return [...new Set(ids)];
}
