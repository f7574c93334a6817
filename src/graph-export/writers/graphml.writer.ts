import {
  EDGE_ATTRIBUTES,
  NODE_ATTRIBUTES,
  edgeAttributes,
  nodeAttributes,
  type AttributeSpec,
  type AttributeValue,
  type ExportGraph,
} from '../export-graph.js';
import { xmlText } from './xml-text.js';

/** GraphML key types as networkx, Gephi and yEd read them. */
const GRAPHML_TYPE = { string: 'string', int: 'int' } as const;

const keyId = (domain: 'node' | 'edge', key: string) => `${domain[0]}_${key}`;

function keyElements(domain: 'node' | 'edge', attributes: readonly AttributeSpec[]): string {
  return attributes
    .map(
      (a) =>
        `  <key id="${keyId(domain, a.key)}" for="${domain}" attr.name="${a.key}" attr.type="${GRAPHML_TYPE[a.type]}"/>\n`,
    )
    .join('');
}

function dataElements(domain: 'node' | 'edge', values: Record<string, AttributeValue>): string {
  let out = '';
  for (const [key, value] of Object.entries(values)) {
    if (value !== null) out += `<data key="${keyId(domain, key)}">${xmlText(value)}</data>`;
  }
  return out;
}

/** GraphML with a typed key per attribute; a node or edge leaves out the keys it has no value for. */
export async function* writeGraphml(graph: ExportGraph): AsyncGenerator<string> {
  yield (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns"' +
    ' xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"' +
    ' xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n' +
    keyElements('node', NODE_ATTRIBUTES) +
    keyElements('edge', EDGE_ATTRIBUTES) +
    '  <graph id="claimtrack" edgedefault="directed">\n'
  );
  for await (const node of graph.nodes()) {
    yield `    <node id="${xmlText(node.id)}">${dataElements('node', nodeAttributes(node))}</node>\n`;
  }
  for await (const edge of graph.edges()) {
    yield (
      `    <edge id="${xmlText(edge.id)}" source="${xmlText(edge.source)}" target="${xmlText(edge.target)}">` +
      `${dataElements('edge', edgeAttributes(edge))}</edge>\n`
    );
  }
  yield '  </graph>\n</graphml>\n';
}
