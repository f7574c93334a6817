import { describe, expect, it } from 'vitest';
import {
  AWKWARD_TEXT,
  collect,
  FixtureGraph,
  FIXTURE_COUNTS,
} from '../../../test/fixtures/export-graph.js';
import { writeNodeLink } from './node-link.writer.js';

describe('writeNodeLink', () => {
  it('writes networkx node-link JSON with nodes and links', async () => {
    const data = JSON.parse(await collect(writeNodeLink(new FixtureGraph())));
    expect(data).toMatchObject({ directed: true, multigraph: true });
    expect(data.nodes).toHaveLength(FIXTURE_COUNTS.nodes);
    expect(data.links).toHaveLength(FIXTURE_COUNTS.edges);
    expect(data.nodes[0]).toMatchObject({ id: 'claim:12', kind: 'CLAIM', text: AWKWARD_TEXT });
    // Absent values are left out, not null.
    expect(data.nodes[1]).not.toHaveProperty('speakerRole');
    expect(data.links).toContainEqual({
      source: 'claim:12',
      target: 'outlet:5',
      key: 'reported_by:12:1',
      type: 'REPORTED_BY',
      position: 1,
    });
  });

  it('writes an empty graph as empty lists', async () => {
    const data = JSON.parse(await collect(writeNodeLink(new FixtureGraph(true))));
    expect(data.nodes).toEqual([]);
    expect(data.links).toEqual([]);
  });
});
