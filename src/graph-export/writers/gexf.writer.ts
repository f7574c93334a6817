import { GraphNodeKind } from '../../claim-graph/claim-graph.model.js';
import {
  EDGE_ATTRIBUTES,
  NODE_ATTRIBUTES,
  edgeAttributes,
  nodeAttributes,
  type AttributeSpec,
  type AttributeValue,
  type ClaimExportNode,
  type ExportGraph,
} from '../export-graph.js';
import { xmlText } from './xml-text.js';

const GEXF_TYPE = { string: 'string', int: 'integer' } as const;

/** The node's label is GEXF's own `label`; status is the one dynamic attribute. */
const STATIC_NODE_ATTRIBUTES = NODE_ATTRIBUTES.filter(
  (a) => a.key !== 'label' && a.key !== 'status',
);

function attributeDeclarations(
  domain: 'node' | 'edge',
  mode: 'static' | 'dynamic',
  attributes: readonly AttributeSpec[],
): string {
  const declared = attributes
    .map((a) => `      <attribute id="${a.key}" title="${a.key}" type="${GEXF_TYPE[a.type]}"/>\n`)
    .join('');
  return `    <attributes class="${domain}" mode="${mode}">\n${declared}    </attributes>\n`;
}

function attributeValues(values: Record<string, AttributeValue>, skip: ReadonlySet<string>) {
  let out = '';
  for (const [key, value] of Object.entries(values)) {
    if (value !== null && !skip.has(key))
      out += `<attvalue for="${key}" value="${xmlText(value)}"/>`;
  }
  return out;
}

/**
 * One spell per status change: the status held from that change until the next one (the last
 * spell is open-ended), so Gephi's timeline replays how the verification moved.
 */
function statusSpells(node: ClaimExportNode): string {
  if (node.history.length === 0) return `<attvalue for="status" value="${node.claim.status}"/>`;
  return node.history
    .map((change, index) => {
      const next = node.history[index + 1];
      const end = next ? ` end="${next.changedAt.toISOString()}"` : '';
      return `<attvalue for="status" value="${change.toStatus}" start="${change.changedAt.toISOString()}"${end}/>`;
    })
    .join('');
}

const NODE_SKIP = new Set(['label', 'status']);
const EDGE_SKIP = new Set<string>();

/**
 * GEXF 1.2draft (the version networkx reads), dynamic: claims exist from their creation and
 * carry their status as spells. `timeformat="date"` with full ISO 8601 date-times: networkx
 * 2.8 cannot read `dateTime`, and Gephi parses these times either way.
 */
export async function* writeGexf(
  graph: ExportGraph,
  exportedAt = new Date(),
): AsyncGenerator<string> {
  yield (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    '<gexf xmlns="http://www.gexf.net/1.2draft" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"' +
    ' xsi:schemaLocation="http://www.gexf.net/1.2draft http://www.gexf.net/1.2draft/gexf.xsd" version="1.2">\n' +
    `  <meta lastmodifieddate="${exportedAt.toISOString().slice(0, 10)}">\n` +
    '    <creator>Claimtrack</creator>\n' +
    '    <description>Claims, speakers, outlets, briefings and briefing items</description>\n' +
    '  </meta>\n' +
    '  <graph mode="dynamic" defaultedgetype="directed" timeformat="date">\n' +
    attributeDeclarations('node', 'static', STATIC_NODE_ATTRIBUTES) +
    attributeDeclarations('node', 'dynamic', [{ key: 'status', type: 'string' }]) +
    attributeDeclarations('edge', 'static', EDGE_ATTRIBUTES) +
    '    <nodes>\n'
  );
  for await (const node of graph.nodes({ history: true })) {
    const claim = node.kind === GraphNodeKind.CLAIM ? node : null;
    const start = claim ? ` start="${claim.claim.createdAt.toISOString()}"` : '';
    const values =
      attributeValues(nodeAttributes(node), NODE_SKIP) + (claim ? statusSpells(claim) : '');
    yield (
      `      <node id="${xmlText(node.id)}" label="${xmlText(node.label)}"${start}>` +
      `<attvalues>${values}</attvalues></node>\n`
    );
  }
  yield '    </nodes>\n    <edges>\n';
  for await (const edge of graph.edges()) {
    yield (
      `      <edge id="${xmlText(edge.id)}" source="${xmlText(edge.source)}" target="${xmlText(edge.target)}"` +
      ` label="${edge.type}"><attvalues>${attributeValues(edgeAttributes(edge), EDGE_SKIP)}</attvalues></edge>\n`
    );
  }
  yield '    </edges>\n  </graph>\n</gexf>\n';
}
