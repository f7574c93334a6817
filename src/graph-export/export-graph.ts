import type { Outlet } from '../actors/outlet.entity.js';
import type { Speaker } from '../actors/speaker.entity.js';
import type { BriefingItem } from '../briefings/briefing-item.entity.js';
import type { Briefing } from '../briefings/briefing.entity.js';
import { GraphNodeKind } from '../claim-graph/claim-graph.model.js';
import type { GraphEdgeRef, GraphNodeRef } from '../claim-graph/graph-elements.js';
import type { ClaimOutlet } from '../claims/claim-outlet.entity.js';
import type { Claim } from '../claims/claim.entity.js';
import { assertUnreachable } from '../common/errors/domain-error.js';
import type { StatusChange } from '../verification/status-change.entity.js';

/** A claim node with what the formats that describe claims in depth need beside its row. */
export interface ClaimExportNode extends GraphNodeRef {
  kind: GraphNodeKind.CLAIM;
  claim: Claim;
  /** Its reportedBy chain, by position; filled only when the writer asks for chains. */
  chain: ClaimOutlet[];
  /** Its status history, oldest first; filled only when the writer asks for history. */
  history: StatusChange[];
}

export type ExportNode =
  | ClaimExportNode
  | (GraphNodeRef & { kind: GraphNodeKind.SPEAKER; speaker: Speaker })
  | (GraphNodeRef & { kind: GraphNodeKind.OUTLET; outlet: Outlet })
  | (GraphNodeRef & { kind: GraphNodeKind.ITEM; item: BriefingItem })
  | (GraphNodeRef & { kind: GraphNodeKind.BRIEFING; briefing: Briefing });

export interface ExportEdge extends GraphEdgeRef {
  /** A claim relation's note. */
  note?: string | null;
}

export interface NodeReadOptions {
  chains?: boolean;
  history?: boolean;
}

/** What a writer reads: the nodes, then the edges, each a fresh pass over the database. */
export interface ExportGraph {
  nodes(options?: NodeReadOptions): AsyncIterable<ExportNode>;
  edges(): AsyncIterable<ExportEdge>;
}

export type AttributeType = 'string' | 'int';

export interface AttributeSpec {
  key: string;
  type: AttributeType;
}

export type AttributeValue = string | number | null;

/**
 * Every attribute a node can carry, in one flat namespace (GraphML keys, GEXF attributes, CSV
 * columns and node-link fields are the same names); a node leaves out what its kind lacks.
 */
export const NODE_ATTRIBUTES: readonly AttributeSpec[] = [
  { key: 'kind', type: 'string' },
  { key: 'label', type: 'string' },
  { key: 'text', type: 'string' },
  { key: 'status', type: 'string' },
  { key: 'verificationPhrase', type: 'string' },
  { key: 'speakerRole', type: 'string' },
  { key: 'quote', type: 'string' },
  { key: 'name', type: 'string' },
  { key: 'actorKind', type: 'string' },
  { key: 'affiliation', type: 'string' },
  { key: 'title', type: 'string' },
  { key: 'url', type: 'string' },
  { key: 'position', type: 'int' },
  { key: 'publishedAt', type: 'string' },
  { key: 'createdAt', type: 'string' },
  { key: 'updatedAt', type: 'string' },
];

export const EDGE_ATTRIBUTES: readonly AttributeSpec[] = [
  { key: 'type', type: 'string' },
  { key: 'position', type: 'int' },
  { key: 'note', type: 'string' },
];

const iso = (date: Date | null) => (date ? date.toISOString() : null);

/** A node's attributes by NODE_ATTRIBUTES key; null where its kind has no value. */
export function nodeAttributes(node: ExportNode): Record<string, AttributeValue> {
  const common = { kind: node.kind, label: node.label };
  switch (node.kind) {
    case GraphNodeKind.CLAIM: {
      const c = node.claim;
      return {
        ...common,
        text: c.text,
        status: c.status,
        verificationPhrase: c.verificationPhrase,
        speakerRole: c.speakerRole,
        quote: c.quote,
        createdAt: iso(c.createdAt),
        updatedAt: iso(c.updatedAt),
      };
    }
    case GraphNodeKind.SPEAKER: {
      const s = node.speaker;
      const { name, affiliation } = s;
      return { ...common, name, actorKind: s.kind, affiliation, createdAt: iso(s.createdAt) };
    }
    case GraphNodeKind.OUTLET: {
      const o = node.outlet;
      return {
        ...common,
        name: o.name,
        actorKind: o.kind,
        url: o.url,
        createdAt: iso(o.createdAt),
      };
    }
    case GraphNodeKind.ITEM:
      return { ...common, text: node.item.text, position: node.item.position };
    case GraphNodeKind.BRIEFING: {
      const b = node.briefing;
      return {
        ...common,
        title: b.title,
        url: b.url,
        publishedAt: iso(b.publishedAt),
        createdAt: iso(b.createdAt),
        updatedAt: iso(b.updatedAt),
      };
    }
    default:
      return assertUnreachable(node);
  }
}

export function edgeAttributes(edge: ExportEdge): Record<string, AttributeValue> {
  return { type: edge.type, position: edge.position ?? null, note: edge.note ?? null };
}
