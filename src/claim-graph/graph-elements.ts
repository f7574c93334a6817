import type { Outlet } from '../actors/outlet.entity.js';
import type { Speaker } from '../actors/speaker.entity.js';
import type { BriefingItem } from '../briefings/briefing-item.entity.js';
import type { Briefing } from '../briefings/briefing.entity.js';
import type { ClaimRelation } from '../claim-relations/claim-relation.entity.js';
import type { ClaimOutlet } from '../claims/claim-outlet.entity.js';
import type { Claim } from '../claims/claim.entity.js';
import { GraphNodeKind, StructuralEdgeType, type GraphEdgeType } from './claim-graph.model.js';

/**
 * The one definition of the claim graph's node ids, labels and edges, shared by the `claimGraph`
 * query and the research exports, so both always describe the same graph.
 */

const LABEL_LENGTH = 120;

export interface GraphNodeRef {
  id: string;
  kind: GraphNodeKind;
  label: string;
}

export interface GraphEdgeRef {
  /** Stable across exports: `said:12`, `reported_by:12:0`, `relation:7`, … */
  id: string;
  source: string;
  target: string;
  type: GraphEdgeType;
  position?: number | null;
}

export const nodeId = (kind: GraphNodeKind, id: number) => `${kind.toLowerCase()}:${id}`;

const cut = (text: string) =>
  text.length > LABEL_LENGTH ? `${text.slice(0, LABEL_LENGTH - 1)}…` : text;

export const claimNode = (c: Pick<Claim, 'id' | 'text'>): GraphNodeRef => ({
  id: nodeId(GraphNodeKind.CLAIM, c.id),
  kind: GraphNodeKind.CLAIM,
  label: cut(c.text),
});

export const speakerNode = (s: Pick<Speaker, 'id' | 'name'>): GraphNodeRef => ({
  id: nodeId(GraphNodeKind.SPEAKER, s.id),
  kind: GraphNodeKind.SPEAKER,
  label: s.name,
});

export const outletNode = (o: Pick<Outlet, 'id' | 'name'>): GraphNodeRef => ({
  id: nodeId(GraphNodeKind.OUTLET, o.id),
  kind: GraphNodeKind.OUTLET,
  label: o.name,
});

export const itemNode = (i: Pick<BriefingItem, 'id' | 'position' | 'text'>): GraphNodeRef => ({
  id: nodeId(GraphNodeKind.ITEM, i.id),
  kind: GraphNodeKind.ITEM,
  label: cut(`${i.position}: ${i.text}`),
});

export const briefingNode = (b: Pick<Briefing, 'id' | 'title'>): GraphNodeRef => ({
  id: nodeId(GraphNodeKind.BRIEFING, b.id),
  kind: GraphNodeKind.BRIEFING,
  label: b.title,
});

/** SAID (speaker → claim) and APPEARS_IN (claim → item). */
export function claimEdges(c: Pick<Claim, 'id' | 'speakerId' | 'itemId'>): GraphEdgeRef[] {
  const claim = nodeId(GraphNodeKind.CLAIM, c.id);
  return [
    {
      id: `said:${c.id}`,
      source: nodeId(GraphNodeKind.SPEAKER, c.speakerId),
      target: claim,
      type: StructuralEdgeType.SAID,
    },
    {
      id: `appears_in:${c.id}`,
      source: claim,
      target: nodeId(GraphNodeKind.ITEM, c.itemId),
      type: StructuralEdgeType.APPEARS_IN,
    },
  ];
}

/** REPORTED_BY (claim → outlet) with the hop's place in the chain. */
export const reportedByEdge = (hop: ClaimOutlet): GraphEdgeRef => ({
  id: `reported_by:${hop.claimId}:${hop.position}`,
  source: nodeId(GraphNodeKind.CLAIM, hop.claimId),
  target: nodeId(GraphNodeKind.OUTLET, hop.outletId),
  type: StructuralEdgeType.REPORTED_BY,
  position: hop.position,
});

/** PART_OF (item → briefing). */
export const partOfEdge = (i: Pick<BriefingItem, 'id' | 'briefingId'>): GraphEdgeRef => ({
  id: `part_of:${i.id}`,
  source: nodeId(GraphNodeKind.ITEM, i.id),
  target: nodeId(GraphNodeKind.BRIEFING, i.briefingId),
  type: StructuralEdgeType.PART_OF,
});

/** PUBLISHED_BY (briefing → outlet), when the briefing has a publisher. */
export const publishedByEdges = (b: Pick<Briefing, 'id' | 'outletId'>): GraphEdgeRef[] =>
  b.outletId === null
    ? []
    : [
        {
          id: `published_by:${b.id}`,
          source: nodeId(GraphNodeKind.BRIEFING, b.id),
          target: nodeId(GraphNodeKind.OUTLET, b.outletId),
          type: StructuralEdgeType.PUBLISHED_BY,
        },
      ];

/** A claim relation (claim → claim), typed by its relation type. */
export const relationEdge = (
  r: Pick<ClaimRelation, 'id' | 'fromClaimId' | 'toClaimId' | 'type'>,
): GraphEdgeRef => ({
  id: `relation:${r.id}`,
  source: nodeId(GraphNodeKind.CLAIM, r.fromClaimId),
  target: nodeId(GraphNodeKind.CLAIM, r.toClaimId),
  type: r.type,
});
