import { Field, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ClaimRelationType } from '../claim-relations/claim-relation-type.js';

export enum GraphNodeKind {
  CLAIM = 'CLAIM',
  SPEAKER = 'SPEAKER',
  OUTLET = 'OUTLET',
  ITEM = 'ITEM',
  BRIEFING = 'BRIEFING',
}

/** Structural edges; every ClaimRelationType is an edge type too. */
export enum StructuralEdgeType {
  SAID = 'SAID',
  REPORTED_BY = 'REPORTED_BY',
  APPEARS_IN = 'APPEARS_IN',
  PART_OF = 'PART_OF',
  PUBLISHED_BY = 'PUBLISHED_BY',
}

export const GraphEdgeType = { ...StructuralEdgeType, ...ClaimRelationType };
export type GraphEdgeType = StructuralEdgeType | ClaimRelationType;

registerEnumType(GraphNodeKind, {
  name: 'GraphNodeKind',
  description: 'What a graph node stands for.',
});
registerEnumType(GraphEdgeType, {
  name: 'GraphEdgeType',
  description:
    'SAID (speaker → claim), REPORTED_BY (claim → outlet), APPEARS_IN (claim → item), ' +
    'PART_OF (item → briefing), PUBLISHED_BY (briefing → outlet), and the claim relation types ' +
    '(claim → claim).',
});

@ObjectType('GraphNode', { description: 'A node of the claim graph.' })
export class GraphNodeModel {
  @Field({
    description: 'Stable id: `claim:12`, `speaker:3`, `outlet:5`, `item:40`, `briefing:2`.',
  })
  id: string;

  @Field(() => GraphNodeKind, { description: 'What it stands for.' })
  kind: GraphNodeKind;

  @Field({ description: 'Human-readable label (claim text is cut to 120 characters).' })
  label: string;
}

@ObjectType('GraphEdge', { description: 'A directed edge of the claim graph.' })
export class GraphEdgeModel {
  @Field({ description: 'Id of the source node.' })
  source: string;

  @Field({ description: 'Id of the target node.' })
  target: string;

  @Field(() => GraphEdgeType, { description: 'What the edge means.' })
  type: GraphEdgeType;

  @Field(() => Int, { nullable: true, description: 'For REPORTED_BY: place in the chain, from 0.' })
  position?: number | null;
}

@ObjectType('ClaimGraph', { description: 'Claims with everything they touch, as nodes and edges.' })
export class ClaimGraphModel {
  @Field(() => [GraphNodeModel], { description: 'Every node once.' })
  nodes: GraphNodeModel[];

  @Field(() => [GraphEdgeModel], { description: 'Edges between those nodes only.' })
  edges: GraphEdgeModel[];
}
