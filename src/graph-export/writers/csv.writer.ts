import { stringify } from 'csv-stringify/sync';
import {
  NODE_ATTRIBUTES,
  nodeAttributes,
  type AttributeValue,
  type ExportGraph,
} from '../export-graph.js';

/** The attributes after Gephi's own Id, Label and the kind. */
const NODE_EXTRA = NODE_ATTRIBUTES.filter((a) => a.key !== 'label' && a.key !== 'kind');

/** Gephi's node table: Id and Label first, then Kind and the attributes. */
export const NODE_COLUMNS = ['Id', 'Label', 'Kind', ...NODE_EXTRA.map((a) => a.key)];

/**
 * Gephi's edge table. Gephi reads `Type` as Directed/Undirected, so the edge's own type (SAID,
 * REPORTED_BY, COUNTERS, …) is its Label.
 */
export const EDGE_COLUMNS = ['Source', 'Target', 'Type', 'Id', 'Label', 'Position', 'Note'];

const row = (values: AttributeValue[]) => stringify([values.map((v) => (v === null ? '' : v))]);

/** The nodes table: RFC 4180, every character kept (newlines inside quoted fields). */
export async function* writeNodesCsv(graph: ExportGraph): AsyncGenerator<string> {
  yield row(NODE_COLUMNS);
  for await (const node of graph.nodes()) {
    const values = nodeAttributes(node);
    yield row([node.id, node.label, node.kind, ...NODE_EXTRA.map((a) => values[a.key] ?? null)]);
  }
}

export async function* writeEdgesCsv(graph: ExportGraph): AsyncGenerator<string> {
  yield row(EDGE_COLUMNS);
  for await (const edge of graph.edges()) {
    yield row([
      edge.source,
      edge.target,
      'Directed',
      edge.id,
      edge.type,
      edge.position ?? null,
      edge.note ?? null,
    ]);
  }
}
