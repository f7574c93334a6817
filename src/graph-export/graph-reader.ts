import { In, type EntityManager, type ObjectLiteral, type SelectQueryBuilder } from 'typeorm';
import { Outlet } from '../actors/outlet.entity.js';
import { Speaker } from '../actors/speaker.entity.js';
import { BriefingItem } from '../briefings/briefing-item.entity.js';
import { Briefing } from '../briefings/briefing.entity.js';
import { GraphNodeKind } from '../claim-graph/claim-graph.model.js';
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
} from '../claim-graph/graph-elements.js';
import { ClaimRelation } from '../claim-relations/claim-relation.entity.js';
import { applyClaimFilter } from '../claims/claim-filter.js';
import { ClaimOutlet } from '../claims/claim-outlet.entity.js';
import { Claim } from '../claims/claim.entity.js';
import type { ClaimFilter } from '../claims/dto/claim-filter.input.js';
import { StatusChange } from '../verification/status-change.entity.js';
import type {
  ClaimExportNode,
  ExportEdge,
  ExportGraph,
  ExportNode,
  NodeReadOptions,
} from './export-graph.js';

/** Rows per query: big enough to keep round trips few, small enough to keep memory flat. */
export const EXPORT_BATCH_SIZE = 1000;

/**
 * The filtered claims and everything they touch, read table by table in keyset batches (`id >
 * last id`), so memory stays flat whatever the size and no query holds the connection for
 * long (better-sqlite3 has one). A speaker, outlet, item or briefing is in the export when an
 * exported claim touches it: an EXISTS semi-join on the filtered claims, so the database
 * de-duplicates and nothing here remembers which ids were seen.
 */
export class GraphReader implements ExportGraph {
  constructor(
    private readonly manager: EntityManager,
    private readonly filter: ClaimFilter | null | undefined,
  ) {}

  /**
   * The highest claim id when the export began: both passes stop there, so a claim recorded
   * meanwhile cannot bring edges whose nodes the first pass did not write.
   */
  private ceiling?: number;

  async countClaims(): Promise<number> {
    await this.fixCeiling();
    return this.filteredClaims().getCount();
  }

  /** Claims read so far, over every pass. */
  private claimsRead = 0;

  /** Called with `claimsRead` after each batch of claims. */
  onClaims?: (read: number) => void;

  async *nodes(options: NodeReadOptions = {}): AsyncGenerator<ExportNode> {
    await this.fixCeiling();
    for await (const batch of this.claimBatches()) {
      const ids = batch.map((c) => c.id);
      const [chains, histories] = await Promise.all([
        options.chains ? this.chains(ids) : new Map<number, ClaimOutlet[]>(),
        options.history ? this.histories(ids) : new Map<number, StatusChange[]>(),
      ]);
      for (const claim of batch) {
        const node: ClaimExportNode = {
          ...claimNode(claim),
          kind: GraphNodeKind.CLAIM,
          claim,
          chain: chains.get(claim.id) ?? [],
          history: histories.get(claim.id) ?? [],
        };
        yield node;
      }
    }
    for await (const speaker of this.touched(
      Speaker,
      'speaker',
      this.claimExists('claim.speaker_id = speaker.id'),
    )) {
      yield { ...speakerNode(speaker), kind: GraphNodeKind.SPEAKER, speaker };
    }
    for await (const outlet of this.touched(Outlet, 'outlet', this.outletTouched())) {
      yield { ...outletNode(outlet), kind: GraphNodeKind.OUTLET, outlet };
    }
    for await (const item of this.touched(
      BriefingItem,
      'item',
      this.claimExists('claim.item_id = item.id'),
    )) {
      yield { ...itemNode(item), kind: GraphNodeKind.ITEM, item };
    }
    for await (const briefing of this.touched(
      Briefing,
      'briefing',
      this.claimExists('claim.briefing_id = briefing.id'),
    )) {
      yield { ...briefingNode(briefing), kind: GraphNodeKind.BRIEFING, briefing };
    }
  }

  async *edges(): AsyncGenerator<ExportEdge> {
    await this.fixCeiling();
    for await (const batch of this.claimBatches()) {
      const chains = await this.chains(batch.map((c) => c.id));
      for (const claim of batch) {
        yield* claimEdges(claim);
        for (const hop of chains.get(claim.id) ?? []) yield reportedByEdge(hop);
      }
    }
    for await (const item of this.touched(
      BriefingItem,
      'item',
      this.claimExists('claim.item_id = item.id'),
    )) {
      yield partOfEdge(item);
    }
    for await (const briefing of this.touched(
      Briefing,
      'briefing',
      this.claimExists('claim.briefing_id = briefing.id'),
    )) {
      yield* publishedByEdges(briefing);
    }
    // Only relations with both ends exported, so no edge dangles.
    const bothEnds = ['relation.from_claim_id', 'relation.to_claim_id']
      .map((end) => this.claimExists(`claim.id = ${end}`))
      .join(' AND ');
    for await (const relation of this.touched(ClaimRelation, 'relation', bothEnds)) {
      yield { ...relationEdge(relation), note: relation.note };
    }
  }

  private async fixCeiling(): Promise<void> {
    if (this.ceiling !== undefined) return;
    const row = await this.manager
      .createQueryBuilder(Claim, 'claim')
      .select('MAX(claim.id)', 'max')
      .getRawOne<{ max: number | string | null }>();
    this.ceiling = Number(row?.max ?? 0);
  }

  private filteredClaims(): SelectQueryBuilder<Claim> {
    return applyClaimFilter(this.manager.createQueryBuilder(Claim, 'claim'), this.filter).andWhere(
      'claim.id <= :ceiling',
      { ceiling: this.ceiling ?? 0 },
    );
  }

  private async *claimBatches(): AsyncGenerator<Claim[]> {
    let after = 0;
    for (;;) {
      const batch = await this.filteredClaims()
        .andWhere('claim.id > :after', { after })
        .orderBy('claim.id', 'ASC')
        .limit(EXPORT_BATCH_SIZE)
        .getMany();
      if (batch.length === 0) return;
      this.claimsRead += batch.length;
      this.onClaims?.(this.claimsRead);
      yield batch;
      if (batch.length < EXPORT_BATCH_SIZE) return;
      after = batch[batch.length - 1].id;
    }
  }

  /** `EXISTS (filtered claim WHERE condition)`, the condition naming the outer alias. */
  private claimExists(condition: string): string {
    const sub = this.filteredClaims().select('1').andWhere(condition);
    return `EXISTS (${sub.getQuery()})`;
  }

  /** Carried by an exported claim's chain, or publisher of an exported claim's briefing. */
  private outletTouched(): string {
    const inChain = this.claimExists(
      'EXISTS (SELECT 1 FROM claim_outlets chain_hop WHERE chain_hop.claim_id = claim.id' +
        ' AND chain_hop.outlet_id = outlet.id)',
    );
    const publisher = this.claimExists(
      'EXISTS (SELECT 1 FROM briefings publisher WHERE publisher.id = claim.briefing_id' +
        ' AND publisher.outlet_id = outlet.id)',
    );
    return `(${inChain} OR ${publisher})`;
  }

  /** The rows of `entity` for which `condition` holds, in id order, batch by batch. */
  private async *touched<T extends ObjectLiteral & { id: number }>(
    entity: new () => T,
    alias: string,
    condition: string,
  ): AsyncGenerator<T> {
    // The filter's parameters, for the semi-joins built from it.
    const parameters = this.filteredClaims().getParameters();
    let after = 0;
    for (;;) {
      const batch = await this.manager
        .createQueryBuilder(entity, alias)
        .where(`${alias}.id > :after`, { after })
        .andWhere(condition)
        .setParameters({ ...parameters, after })
        .orderBy(`${alias}.id`, 'ASC')
        .limit(EXPORT_BATCH_SIZE)
        .getMany();
      yield* batch;
      if (batch.length < EXPORT_BATCH_SIZE) return;
      after = batch[batch.length - 1].id;
    }
  }

  private async chains(claimIds: number[]): Promise<Map<number, ClaimOutlet[]>> {
    const hops = await this.manager.find(ClaimOutlet, {
      where: { claimId: In(claimIds) },
      order: { claimId: 'ASC', position: 'ASC' },
    });
    return groupBy(hops, (hop) => hop.claimId);
  }

  private async histories(claimIds: number[]): Promise<Map<number, StatusChange[]>> {
    const changes = await this.manager.find(StatusChange, {
      where: { claimId: In(claimIds) },
      order: { claimId: 'ASC', changedAt: 'ASC', id: 'ASC' },
    });
    return groupBy(changes, (change) => change.claimId);
  }
}

function groupBy<T>(rows: T[], key: (row: T) => number): Map<number, T[]> {
  const groups = new Map<number, T[]>();
  for (const row of rows) {
    const group = groups.get(key(row));
    if (group) group.push(row);
    else groups.set(key(row), [row]);
  }
  return groups;
}
