import { describe, expect, it } from 'vitest';
import { collect, FixtureGraph, FIXTURE_COUNTS } from '../../../test/fixtures/export-graph.js';
import { writeGraphml } from './graphml.writer.js';

describe('writeGraphml', () => {
  it('declares a typed key per attribute and writes every node and edge once', async () => {
    const xml = await collect(writeGraphml(new FixtureGraph()));
    expect(xml).toMatch(
      /^<\?xml version="1.0" encoding="UTF-8"\?>\n<graphml xmlns="http:\/\/graphml.graphdrawing.org\/xmlns"/,
    );
    expect(xml).toContain('<key id="n_position" for="node" attr.name="position" attr.type="int"/>');
    expect(xml).toContain('<key id="e_type" for="edge" attr.name="type" attr.type="string"/>');
    expect(xml).toContain('<graph id="claimtrack" edgedefault="directed">');
    expect(xml.match(/<node /g)).toHaveLength(FIXTURE_COUNTS.nodes);
    expect(xml.match(/<edge /g)).toHaveLength(FIXTURE_COUNTS.edges);
    expect(xml).toContain(
      '<edge id="reported_by:12:1" source="claim:12" target="outlet:5"><data key="e_type">REPORTED_BY</data><data key="e_position">1</data></edge>',
    );
    expect(xml.trimEnd().endsWith('</graph>\n</graphml>')).toBe(true);
  });

  it('escapes markup, keeps CR LF and tabs as references and replaces forbidden controls', async () => {
    const xml = await collect(writeGraphml(new FixtureGraph()));
    expect(xml).toContain(
      '<data key="n_text">He said &quot;no&quot; &lt;b&gt; &amp; \'yes\'&#13;&#10;then&#9;left 🛰️ bell\uFFFD.</data>',
    );
    expect(xml).toContain('<data key="n_name">Dmitry &lt;Peskov&gt;</data>');
    expect(xml).not.toContain('\u0007');
  });

  it('leaves out the keys a node has no value for', async () => {
    const xml = await collect(writeGraphml(new FixtureGraph()));
    const claim13 = /<node id="claim:13">.*?<\/node>/.exec(xml)![0];
    expect(claim13).not.toContain('n_speakerRole');
    expect(claim13).toContain('<data key="n_status">UNVERIFIED</data>');
  });

  it('writes a valid empty graph', async () => {
    const xml = await collect(writeGraphml(new FixtureGraph(true)));
    expect(xml).not.toMatch(/<node |<edge /);
    expect(xml).toContain('<graph id="claimtrack" edgedefault="directed">\n  </graph>');
  });
});
