import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extractBriefing, splitItems } from './extract-briefing.js';

const fixture = readFileSync(
  fileURLToPath(new URL('../../../test/fixtures/extraction/mixed-styles.txt', import.meta.url)),
  'utf8',
);

describe('extractBriefing', () => {
  const result = extractBriefing(fixture);
  const find = (text: string) => result.claims.find((c) => c.span.includes(text));

  it('splits items the way splitItems does and skips the headline', () => {
    expect(result.items).toEqual(splitItems(fixture));
    expect(result.claims.some((c) => c.item === 0)).toBe(false);
  });

  it('gives spans that are exact substrings of their items at spanStart, and in-item evidence', () => {
    expect(result.claims.length).toBeGreaterThanOrEqual(8);
    for (const c of result.claims) {
      expect(result.items[c.item].slice(c.spanStart, c.spanStart + c.span.length)).toBe(c.span);
      if (c.verificationEvidence !== null)
        expect(result.items[c.item]).toContain(c.verificationEvidence);
      expect(c.confidence).toBeGreaterThan(0);
      expect(c.confidence).toBeLessThanOrEqual(1);
    }
    expect(result.claims.map((c) => c.id)).toEqual(result.claims.map((_, i) => `c${i + 1}`));
  });

  it('attributes paraphrase, quotes and quote continuations', () => {
    expect(find('the port of Halvik had reopened')).toMatchObject({
      speaker: 'Maritime Authority',
      reportedBy: [],
    });
    expect(find('Ships are moving again')).toMatchObject({ speaker: 'Ines Varro' });
    expect(find('The channel is clear')).toMatchObject({ speaker: 'Ines Varro' });
  });

  it('keeps an accusation and its denial, linked', () => {
    const accusation = find('the port operator of hiring replacement crews');
    const denial = find('it had hired replacement workers');
    expect(accusation).toMatchObject({ speaker: 'dockworkers’ union' });
    expect(denial).toMatchObject({ speaker: 'Harbor Lines' });
    expect(result.relations).toContainEqual({
      from: denial!.id,
      to: accusation!.id,
      type: 'denies',
    });
    expect(accusation!.verification).toBe('denied');
  });

  it('names the cited source of an outlet’s report and the outlet as relay', () => {
    expect(find('two ships had collided')).toMatchObject({
      speaker: 'coast guard official',
      reportedBy: ['Kanal 7'],
    });
  });

  it('reads verification language, and a counter-claim disputes what it counters', () => {
    const report = find('two ships had collided');
    const berg = find('There was no collision');
    expect(berg).toMatchObject({
      speaker: 'Tomas Berg',
      reportedBy: ['Reuters'],
      verification: 'could_not_verify',
    });
    expect(result.relations).toContainEqual({ from: berg!.id, to: report!.id, type: 'counters' });
    // The label follows from the relation once the extractor is sure enough of it.
    const sure = extractBriefing(fixture, { labelThreshold: 0.5 });
    expect(sure.claims.find((c) => c.id === report!.id)?.verification).toBe('disputed');
  });

  it('marks a claim confirmed when another party confirms what it reports', () => {
    const r = extractBriefing(
      'Title\n\nUkraine said its drones struck an oil depot in Bryansk overnight. Russia’s defense ministry confirmed the strike on the depot.',
    );
    expect(r.claims).toHaveLength(1);
    expect(r.claims[0]).toMatchObject({ speaker: 'Ukraine', verification: 'confirmed' });
  });

  it('is deterministic', () => {
    expect(extractBriefing(fixture)).toEqual(result);
  });

  it('copes with empty and claimless text', () => {
    expect(extractBriefing('')).toEqual({ items: [], claims: [], relations: [] });
    expect(extractBriefing('Title\n\nThe river rose overnight.').claims).toEqual([]);
  });
});

describe('extractBriefing: passive reports and reference denials', () => {
  it('takes "was reported to have" as a claim only when the outlet attaches verification language', () => {
    const r = extractBriefing(
      'Title\n\nFerrante was reported to have missed two earlier tests, but the federation could not confirm those reports.\n\nFerrante was reported to have missed a flight.',
    );
    expect(r.claims).toHaveLength(1);
    expect(r.claims[0]).toMatchObject({
      span: 'Ferrante was reported to have missed two earlier tests',
      speaker: 'unnamed social media sources',
      verification: 'not_confirmed',
    });
  });

  it('gives "dismissed the report" to the claim that came through an outlet', () => {
    const r = extractBriefing(
      'Title\n\nThree of the company’s tankers discharged ballast water off the Faroe Islands, Bloomberg reported, citing two people familiar with the matter.\n\nA spokesperson for Halvorsen said in an emailed statement that all of its vessels complied with discharge rules. Chief executive Ingrid Solberg dismissed the report as “speculation dressed up as fact.”',
    );
    const leak = r.claims.find((c) => c.span.startsWith('Three of the company’s tankers'));
    const reply = r.claims.find((c) => c.span.startsWith('all of its vessels'));
    expect(leak?.verification).toBe('denied');
    expect(reply?.verification).not.toBe('denied');
  });
});

describe('extractBriefing: who "it", "she" and "the site" are', () => {
  it('resolves them to the company, the spokeswoman who answered, and the outlet', () => {
    const text = [
      'Title',
      'Harwick steered the contract, the investigative news site The Lantern reported on Monday.',
      'Harwick met the donor on 3 March, the site said.',
      'Castellan Medical said its bid had been ranked first. The company had never sought help, it said.',
      'A person claiming to speak for the group said Kestrel had offered money. Spokeswoman Hanna Lindahl said the firm would not pay. Chief Executive Mirela Voss said sorry. The spokeswoman rejected the account. “No offer was made to anyone,” she said.',
    ].join('\n\n');
    const speakerOf = (span: string) =>
      extractBriefing(text).claims.find((c) => c.span.startsWith(span))?.speaker;
    expect(speakerOf('Harwick steered')).toBe('The Lantern');
    expect(speakerOf('Harwick met')).toBe('The Lantern');
    expect(speakerOf('The company had never')).toBe('Castellan Medical');
    expect(speakerOf('No offer')).toBe('Hanna Lindahl');
  });

  it('leaves out what the page’s own outlet found', () => {
    const text = [
      'Title',
      'The Chronicle could not independently verify the videos.',
      'The video was filmed in another country, a Chronicle review has found.',
    ].join('\n\n');
    expect(extractBriefing(text).claims).toEqual([]);
  });
});

describe('extractBriefing: long quotes and ages', () => {
  it('credits every sentence of a long quote to the attribution that closes it', () => {
    const text = [
      'Title',
      'Pieter Haldane, the river authority’s head of forecasting, was asked about the figures. “Our forecast is built from 46 river gauges. We have seen the new numbers this morning. Follow the official warnings. The river will crest at 7.4 metres,” he said.',
      'Jonas Merrill, 58, who runs the bakery on Mill Lane, said the water was at his knees within 40 minutes.',
    ].join('\n\n');
    const claims = extractBriefing(text).claims.map((c) => [c.speaker, c.span]);
    expect(claims).toEqual([
      ['Pieter Haldane', 'Our forecast is built from 46 river gauges'],
      ['Pieter Haldane', 'We have seen the new numbers this morning'],
      ['Pieter Haldane', 'The river will crest at 7.4 metres'],
      ['Jonas Merrill', 'the water was at his knees within 40 minutes'],
    ]);
  });
});

describe('extractBriefing: the same occasion', () => {
  it('gives a claim made "in the same interview" the relays of the one that named it', () => {
    const text = [
      'Title',
      'The lab has matched 64 samples to the outbreak strain, its director, Martin Vell, told Calder Public Radio, according to Reuters. The lab had sent all 64 results by Tuesday, he said in the same interview.',
      'Vell said on Thursday that the lab had tested 200 more samples.',
    ].join('\n\n');
    expect(extractBriefing(text).claims.map((c) => [c.speaker, c.reportedBy])).toEqual([
      ['Martin Vell', ['Reuters', 'Calder Public Radio']],
      ['Martin Vell', ['Reuters', 'Calder Public Radio']],
      ['Martin Vell', []],
    ]);
  });
});

describe('extractBriefing: "he" in an item that names him', () => {
  it('finds the surname as a word of its own, past a longer word that starts with it', () => {
    const text = [
      'Title',
      'Police commander Tomas Kerr said the bridge had been closed at noon.',
      'Mayor Ilse Brandt said 40 homes had been flooded.',
      'Mayor Ilse Brandt said the shelters were full.',
      'Traffic on Kerrigan Road was diverted. Kerr also took questions. “The bridge is structurally sound,” he said.',
    ].join('\n\n');
    const last = extractBriefing(text).claims.at(-1);
    expect(last).toMatchObject({ span: 'The bridge is structurally sound', speaker: 'Tomas Kerr' });
  });
});

describe('extractBriefing: live-blog stamps, the page’s own outlet, photos in an aside', () => {
  it('reads "Updated 08:40 —" as a stamp, "the Ledger" as The Coastal Ledger, and what photos show', () => {
    const text = [
      'Title',
      'Updated 09:55 — Mirela Vost, the hospital director, said 38 people had been treated. She later told the Ledger that most of the wounds were cuts from flying glass.',
      'Updated 11:10 — Photos shared overnight, said to show a substation on fire in Dunmere, could not be independently verified. The Coastal Ledger could not verify the hospital figures either.',
    ].join('\n\n');
    const claims = extractBriefing(text).claims;
    expect(claims.map((c) => [c.speaker, c.span, c.reportedBy])).toEqual([
      ['Mirela Vost', '38 people had been treated', []],
      ['Mirela Vost', 'most of the wounds were cuts from flying glass', []],
      ['unnamed social media sources', 'a substation on fire in Dunmere', []],
    ]);
  });
});

describe('extractBriefing: confirming an outlet’s report', () => {
  it('confirms the claim that outlet carried, items back', () => {
    const text = [
      'Title',
      'Local broadcaster Drevna 9 TV, citing a rescue worker at the scene, reported that five bodies had been recovered.',
      'The company said three miners had died.',
      'Relatives said they had been given no names.',
      'The governor said 23 miners were still missing.',
      'Emil Kask, a rescue team leader, said the bodies of five miners had been recovered, confirming the Drevna 9 TV report.',
    ].join('\n\n');
    const [report] = extractBriefing(text).claims;
    expect(report).toMatchObject({
      speaker: 'rescue worker at the scene',
      reportedBy: ['Drevna 9 TV'],
      verification: 'confirmed',
    });
  });
});
