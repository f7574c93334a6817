import { describe, expect, it } from 'vitest';
import { collect, FixtureGraph } from '../../../test/fixtures/export-graph.js';
import { SETTLED_STATUSES } from '../../verification/verification-status.js';
import { REVIEW_RATING, writeJsonLd } from './jsonld.writer.js';

type JsonObject = Record<string, unknown>;

const graphOf = async (variant?: 'research') =>
  JSON.parse(await collect(writeJsonLd(new FixtureGraph(), variant))) as {
    '@context': unknown[];
    '@graph': JsonObject[];
  };

describe('writeJsonLd', () => {
  it('rates every settled status and only those', () => {
    expect(Object.keys(REVIEW_RATING).sort()).toEqual([...SETTLED_STATUSES].sort());
    for (const value of Object.values(REVIEW_RATING)) {
      expect(value).toBeGreaterThanOrEqual(1);
      expect(value).toBeLessThanOrEqual(5);
    }
  });

  it('writes a Claim per claim and a ClaimReview dated by the verdict for settled ones', async () => {
    const doc = await graphOf();
    expect(doc['@context'][0]).toBe('https://schema.org/');
    const claims = doc['@graph'].filter((o) => o['@type'] === 'Claim');
    expect(claims.map((c) => c.identifier)).toEqual(['claim:12', 'claim:13']);
    expect(claims[0]).toMatchObject({
      '@id': 'urn:claimtrack:claim:12',
      author: { '@id': 'urn:claimtrack:speaker:3' },
      appearance: { '@id': 'urn:claimtrack:item:40' },
      firstAppearance: { '@id': 'urn:claimtrack:item:40' },
    });
    const reviews = doc['@graph'].filter((o) => o['@type'] === 'ClaimReview');
    expect(reviews).toHaveLength(1);
    expect(reviews[0]).toMatchObject({
      itemReviewed: { '@id': 'urn:claimtrack:claim:12' },
      datePublished: '2024-01-05T00:00:00.000Z',
      reviewBody: 'Satellite images',
      reviewRating: { ratingValue: 1, bestRating: 5, worstRating: 1, alternateName: 'FALSE' },
    });
    expect(doc['@graph'].find((o) => o.identifier === 'briefing:2')).toMatchObject({
      '@type': 'LiveBlogPosting',
      publisher: { '@id': 'urn:claimtrack:outlet:5' },
    });
  });

  it('adds PROV-O attribution of the outlet chain in the research variant only', async () => {
    expect(JSON.stringify(await graphOf())).not.toContain('prov:');
    const doc = await graphOf('research');
    expect(doc['@context'][1]).toMatchObject({ prov: 'http://www.w3.org/ns/prov#' });
    const claim = doc['@graph'].find((o) => o.identifier === 'claim:12')!;
    expect(claim['@type']).toEqual(['Claim', 'prov:Entity']);
    expect(claim['prov:qualifiedAttribution']).toEqual([
      {
        '@type': 'prov:Attribution',
        'prov:agent': { '@id': 'urn:claimtrack:outlet:6' },
        position: 0,
      },
      {
        '@type': 'prov:Attribution',
        'prov:agent': { '@id': 'urn:claimtrack:outlet:5' },
        position: 1,
      },
    ]);
    expect(doc['@graph'].find((o) => o.identifier === 'outlet:5')!['@type']).toEqual([
      'Organization',
      'prov:Agent',
    ]);
  });
});
