import { SpeakerKind } from '../../actors/actor-kinds.js';
import { GraphNodeKind } from '../../claim-graph/claim-graph.model.js';
import { nodeId } from '../../claim-graph/graph-elements.js';
import { assertUnreachable } from '../../common/errors/domain-error.js';
import { isSettled, VerificationStatus } from '../../verification/verification-status.js';
import type { ClaimExportNode, ExportGraph, ExportNode } from '../export-graph.js';

/**
 * The verdicts on ClaimReview's 1–5 scale (1 worst, 5 best): FALSE 1; RETRACTED 2 (withdrawn by
 * its own source, so it no longer stands, though nobody showed it false); MISLEADING 3 (true in
 * part); CONFIRMED 5. 4 is unused: no status means "mostly true". Open statuses get no review.
 */
export const REVIEW_RATING: Readonly<Partial<Record<VerificationStatus, number>>> = {
  [VerificationStatus.FALSE]: 1,
  [VerificationStatus.RETRACTED]: 2,
  [VerificationStatus.MISLEADING]: 3,
  [VerificationStatus.CONFIRMED]: 5,
};

export const SCHEMA_ORG_CONTEXT = 'https://schema.org/';
export const PROV_NAMESPACE = 'http://www.w3.org/ns/prov#';

export type JsonLdVariant = 'schema' | 'research';

/** Node ids as IRIs: `claim:12` would read as a compact IRI with the prefix `claim`. */
const iri = (id: string) => `urn:claimtrack:${id}`;
const ref = (id: string) => ({ '@id': iri(id) });
const dateTime = (date: Date) => ({ '@value': date.toISOString(), '@type': 'xsd:dateTime' });

function claimReview(node: ClaimExportNode): Record<string, unknown> | null {
  const c = node.claim;
  const rating = REVIEW_RATING[c.status];
  if (!isSettled(c.status) || rating === undefined) return null;
  // The change that reached the current verdict dates the review.
  const verdict = node.history.findLast((change) => change.toStatus === c.status);
  return {
    '@id': iri(`review:${c.id}`),
    '@type': 'ClaimReview',
    itemReviewed: ref(node.id),
    claimReviewed: c.text,
    ...(verdict ? { datePublished: verdict.changedAt.toISOString() } : {}),
    ...(verdict?.note ? { reviewBody: verdict.note } : {}),
    reviewRating: {
      '@type': 'Rating',
      ratingValue: rating,
      bestRating: 5,
      worstRating: 1,
      alternateName: c.status,
    },
  };
}

function claimObject(node: ClaimExportNode, variant: JsonLdVariant): Record<string, unknown> {
  const c = node.claim;
  const speaker = nodeId(GraphNodeKind.SPEAKER, c.speakerId);
  const item = ref(nodeId(GraphNodeKind.ITEM, c.itemId));
  const claim: Record<string, unknown> = {
    '@id': iri(node.id),
    '@type': variant === 'research' ? ['Claim', 'prov:Entity'] : 'Claim',
    identifier: node.id,
    text: c.text,
    ...(c.quote ? { abstract: c.quote } : {}),
    creativeWorkStatus: c.status,
    dateCreated: c.createdAt.toISOString(),
    dateModified: c.updatedAt.toISOString(),
    author: ref(speaker),
    // A claim is recorded in one item: that is its only and so its first appearance.
    appearance: item,
    firstAppearance: item,
  };
  if (variant === 'research') {
    const outlets = node.chain.map((hop) => ref(nodeId(GraphNodeKind.OUTLET, hop.outletId)));
    claim['prov:generatedAtTime'] = dateTime(c.createdAt);
    claim['prov:wasAttributedTo'] = [ref(speaker), ...outlets];
    // The chain in order: position 0 is the outlet nearest the briefing.
    claim['prov:qualifiedAttribution'] = node.chain.map((hop) => ({
      '@type': 'prov:Attribution',
      'prov:agent': ref(nodeId(GraphNodeKind.OUTLET, hop.outletId)),
      position: hop.position,
    }));
  }
  return claim;
}

function objectsOf(node: ExportNode, variant: JsonLdVariant): Record<string, unknown>[] {
  const agent = variant === 'research' ? ['prov:Agent'] : [];
  switch (node.kind) {
    case GraphNodeKind.CLAIM: {
      const review = claimReview(node);
      return review ? [claimObject(node, variant), review] : [claimObject(node, variant)];
    }
    case GraphNodeKind.SPEAKER: {
      const s = node.speaker;
      const type = s.kind === SpeakerKind.PERSON ? 'Person' : 'Organization';
      return [
        {
          '@id': iri(node.id),
          '@type': agent.length ? [type, ...agent] : type,
          identifier: node.id,
          name: s.name,
          ...(s.affiliation
            ? { affiliation: { '@type': 'Organization', name: s.affiliation } }
            : {}),
        },
      ];
    }
    case GraphNodeKind.OUTLET: {
      const o = node.outlet;
      return [
        {
          '@id': iri(node.id),
          '@type': agent.length ? ['Organization', ...agent] : 'Organization',
          identifier: node.id,
          name: o.name,
          ...(o.url ? { url: o.url } : {}),
        },
      ];
    }
    case GraphNodeKind.ITEM: {
      const i = node.item;
      return [
        {
          '@id': iri(node.id),
          '@type': 'CreativeWork',
          identifier: node.id,
          position: i.position,
          text: i.text,
          isPartOf: ref(nodeId(GraphNodeKind.BRIEFING, i.briefingId)),
        },
      ];
    }
    case GraphNodeKind.BRIEFING: {
      const b = node.briefing;
      return [
        {
          '@id': iri(node.id),
          '@type': 'LiveBlogPosting',
          identifier: node.id,
          headline: b.title,
          ...(b.url ? { url: b.url } : {}),
          ...(b.publishedAt ? { datePublished: b.publishedAt.toISOString() } : {}),
          ...(b.outletId !== null
            ? { publisher: ref(nodeId(GraphNodeKind.OUTLET, b.outletId)) }
            : {}),
        },
      ];
    }
    default:
      return assertUnreachable(node);
  }
}

/**
 * schema.org JSON-LD: a `Claim` per claim and a `ClaimReview` per settled claim, with the
 * speakers, outlets, items and briefings they point at, in one `@graph`. The research variant
 * adds PROV-O: each claim is a prov:Entity attributed to its speaker and its outlet chain.
 */
export async function* writeJsonLd(
  graph: ExportGraph,
  variant: JsonLdVariant = 'schema',
): AsyncGenerator<string> {
  const extra: Record<string, string> = { xsd: 'http://www.w3.org/2001/XMLSchema#' };
  if (variant === 'research') extra.prov = PROV_NAMESPACE;
  yield `{"@context":${JSON.stringify([SCHEMA_ORG_CONTEXT, extra])},"@graph":[`;
  let first = true;
  const options = { history: true, chains: variant === 'research' };
  for await (const node of graph.nodes(options)) {
    for (const object of objectsOf(node, variant)) {
      yield (first ? '\n' : ',\n') + JSON.stringify(object);
      first = false;
    }
  }
  yield '\n]}\n';
}
