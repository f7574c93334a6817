import {
  edgeAttributes,
  nodeAttributes,
  type AttributeValue,
  type ExportGraph,
} from '../export-graph.js';

function present(values: Record<string, AttributeValue>): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(values)) if (value !== null) out[key] = value;
  return out;
}

/**
 * networkx/d3 node-link JSON: `nodes` and `links` (networkx 3.6 defaults to `edges`: read it with
 * `node_link_graph(data, edges="links")`). A multigraph, keyed by the stable edge ids.
 */
export async function* writeNodeLink(graph: ExportGraph): AsyncGenerator<string> {
  yield '{"directed":true,"multigraph":true,"graph":{"name":"claimtrack"},"nodes":[';
  let first = true;
  for await (const node of graph.nodes()) {
    yield (
      (first ? '\n' : ',\n') + JSON.stringify({ id: node.id, ...present(nodeAttributes(node)) })
    );
    first = false;
  }
  yield '\n],"links":[';
  first = true;
  for await (const edge of graph.edges()) {
    const link = { source: edge.source, target: edge.target, key: edge.id };
    yield (first ? '\n' : ',\n') + JSON.stringify({ ...link, ...present(edgeAttributes(edge)) });
    first = false;
  }
  yield '\n]}\n';
}
