import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import {
  AWKWARD_TEXT,
  collect,
  FixtureGraph,
  FIXTURE_COUNTS,
} from '../../../test/fixtures/export-graph.js';
import { EDGE_COLUMNS, NODE_COLUMNS, writeEdgesCsv, writeNodesCsv } from './csv.writer.js';

const read = (csv: string) => parse(csv, { columns: true }) as Record<string, string>[];

describe('CSV writers', () => {
  it('writes Gephi’s node table with every character kept', async () => {
    const nodes = read(await collect(writeNodesCsv(new FixtureGraph())));
    expect(nodes).toHaveLength(FIXTURE_COUNTS.nodes);
    expect(Object.keys(nodes[0])).toEqual(NODE_COLUMNS);
    expect(nodes[0]).toMatchObject({
      Id: 'claim:12',
      Kind: 'CLAIM',
      text: AWKWARD_TEXT,
      status: 'FALSE',
    });
    expect(nodes.find((n) => n.Id === 'item:40')).toMatchObject({
      position: '0',
      text: 'Item text',
    });
    expect(nodes.find((n) => n.Id === 'outlet:5')!.url).toBe('https://post.example/?a=1&b=2');
  });

  it('writes Gephi’s edge table: Type is the direction, Label the edge type', async () => {
    const edges = read(await collect(writeEdgesCsv(new FixtureGraph())));
    expect(edges).toHaveLength(FIXTURE_COUNTS.edges);
    expect(Object.keys(edges[0])).toEqual(EDGE_COLUMNS);
    expect(edges.find((e) => e.Id === 'reported_by:12:0')).toEqual({
      Source: 'claim:12',
      Target: 'outlet:6',
      Type: 'Directed',
      Id: 'reported_by:12:0',
      Label: 'REPORTED_BY',
      Position: '0',
      Note: '',
    });
    expect(edges.find((e) => e.Label === 'COUNTERS')!.Note).toBe('A "counter" & more');
  });

  it('writes only the header for an empty graph', async () => {
    expect(await collect(writeEdgesCsv(new FixtureGraph(true)))).toBe(
      `${EDGE_COLUMNS.join(',')}\n`,
    );
    expect(read(await collect(writeNodesCsv(new FixtureGraph(true))))).toEqual([]);
  });
});
