import { describe, expect, it } from 'vitest';
import { collect, FixtureGraph, FIXTURE_COUNTS } from '../../../test/fixtures/export-graph.js';
import { writeGexf } from './gexf.writer.js';

describe('writeGexf', () => {
  it('is GEXF 1.2draft, dynamic, with status declared as a dynamic node attribute', async () => {
    const xml = await collect(writeGexf(new FixtureGraph(), new Date('2026-12-01T10:00:00Z')));
    expect(xml).toContain('<gexf xmlns="http://www.gexf.net/1.2draft"');
    expect(xml).toContain('version="1.2"');
    expect(xml).toContain('<meta lastmodifieddate="2026-12-01">');
    expect(xml).toContain('<graph mode="dynamic" defaultedgetype="directed" timeformat="date">');
    expect(xml).toMatch(
      /<attributes class="node" mode="dynamic">\s*<attribute id="status" title="status" type="string"\/>\s*<\/attributes>/,
    );
    expect(xml).toContain('<attribute id="position" title="position" type="integer"/>');
    expect(xml.match(/<node /g)).toHaveLength(FIXTURE_COUNTS.nodes);
    expect(xml.match(/<edge /g)).toHaveLength(FIXTURE_COUNTS.edges);
  });

  it('gives a claim one status spell per status change, the last one open-ended', async () => {
    const xml = await collect(writeGexf(new FixtureGraph()));
    const claim = /<node id="claim:12".*?<\/node>/.exec(xml)![0];
    expect(claim).toContain('start="2024-01-03T00:00:00.000Z"');
    expect(claim).toContain(
      '<attvalue for="status" value="UNVERIFIED" start="2024-01-03T00:00:00.000Z" end="2024-01-05T00:00:00.000Z"/>' +
        '<attvalue for="status" value="FALSE" start="2024-01-05T00:00:00.000Z"/>',
    );
    // Status is only dynamic; the label is GEXF's own attribute.
    expect(claim).not.toContain('for="label"');
  });

  it('escapes labels and attribute values for double-quoted attributes', async () => {
    const xml = await collect(writeGexf(new FixtureGraph()));
    expect(xml).toContain(
      'label="He said &quot;no&quot; &lt;b&gt; &amp; \'yes\'&#13;&#10;then&#9;left 🛰️ bell\uFFFD."',
    );
    expect(xml).toContain('<attvalue for="note" value="A &quot;counter&quot; &amp; more"/>');
  });

  it('writes a valid empty graph', async () => {
    const xml = await collect(writeGexf(new FixtureGraph(true)));
    expect(xml).toContain('<nodes>\n    </nodes>\n    <edges>\n    </edges>');
  });
});
