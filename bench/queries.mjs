// The requests the scenarios send. Claimtrack and the limit (raw-server.mjs) get the very same
// bodies: the limit answers by operationName without parsing GraphQL, and must produce the same
// JSON (run.mjs compares them before loading). The peer (PostGraphile) gets its own documents
// asking for the same data in its generated schema.

export const OPEN_STATUSES = [
  'UNVERIFIED',
  'COULD_NOT_VERIFY',
  'NOT_CONFIRMED',
  'DISPUTED',
  'DENIED',
];
export const SETTLED_STATUSES = ['CONFIRMED', 'FALSE', 'MISLEADING', 'RETRACTED'];
export const COUNTER_TYPES = ['COUNTERS', 'DENIES'];
export const PAGE = 50;

const LIST_NODE = `id text status version createdAt speakerRole verificationPhrase
  speaker { id name kind } reportedBy { id name kind } item { id position }
  briefing { id title publishedAt outlet { id name } }`;

const squash = (text) => text.replace(/\s+/g, ' ').trim();

export const claimtrack = {
  /** Scenario 1: the editors' queue, first page. */
  queue: () => ({
    operationName: 'Queue',
    query: squash(`query Queue($first: Int!, $after: String) {
      unverifiedClaims(first: $first, after: $after) {
        pageInfo { hasNextPage endCursor } edges { cursor node { ${LIST_NODE} } } } }`),
    variables: { first: PAGE },
  }),
  /** Scenario 2: the queue filtered by speaker, a page deep down. */
  speakerPage: (speakerId, after) => ({
    operationName: 'SpeakerPage',
    query: squash(`query SpeakerPage($first: Int!, $after: String, $speakerId: ID!) {
      unverifiedClaims(first: $first, after: $after, filter: { speakerId: $speakerId }) {
        pageInfo { hasNextPage endCursor } edges { cursor node { ${LIST_NODE} } } } }`),
    variables: { first: PAGE, after: after ?? null, speakerId: String(speakerId) },
  }),
  /** Scenario 2b: the queue filtered by outlet (publisher or anywhere in the chain), deep down. */
  outletPage: (outletId, after) => ({
    operationName: 'OutletPage',
    query: squash(`query OutletPage($first: Int!, $after: String, $outletId: ID!) {
      unverifiedClaims(first: $first, after: $after, filter: { outletId: $outletId }) {
        pageInfo { hasNextPage endCursor } edges { cursor node { ${LIST_NODE} } } } }`),
    variables: { first: PAGE, after: after ?? null, outletId: String(outletId) },
  }),
  /** Scenario 3: one claim with its history, relations and counter-claims. */
  detail: (id) => ({
    operationName: 'Detail',
    query: squash(`query Detail($id: ID!) { claim(id: $id) { id text status version
      statusHistory { id from to note evidenceUrls changedBy changedAt }
      relations { id type note createdAt from { id } to { id } }
      counterClaims { id text status speaker { id name } } } }`),
    variables: { id: String(id) },
  }),
  /** Scenario 4: a status change. */
  setStatus: (claimId, status, expectedVersion, note) => ({
    operationName: 'SetStatus',
    query: squash(`mutation SetStatus($input: UpdateVerificationStatusInput!) {
      updateVerificationStatus(input: $input) { id status version } }`),
    variables: { input: { claimId: String(claimId), status, expectedVersion, note } },
  }),
  /** Scenario 5: the claim graph two hops around a busy claim. */
  graph: (rootClaimId) => ({
    operationName: 'Graph',
    query: squash(`query Graph($root: ID!) { claimGraph(rootClaimId: $root, depth: 2) {
      nodes { id kind label } edges { source target type position } } }`),
    variables: { root: String(rootClaimId) },
  }),
};

const PEER_NODE = `id text status version createdAt speakerRole verificationPhrase
  speakerBySpeakerId { id name kind }
  claimOutletsByClaimId(orderBy: POSITION_ASC) { nodes { outletByOutletId { id name kind } } }
  briefingItemByItemId { id position }
  briefingByBriefingId { id title publishedAt outletByOutletId { id name } }`;

export const peer = {
  queue: () => ({
    operationName: 'Queue',
    query: squash(`query Queue($first: Int!, $after: Cursor, $open: [String!]) {
      allClaims(first: $first, after: $after, orderBy: [CREATED_AT_DESC, ID_DESC],
        filter: { status: { in: $open } }) {
        pageInfo { hasNextPage endCursor } edges { cursor node { ${PEER_NODE} } } } }`),
    variables: { first: PAGE, open: OPEN_STATUSES },
  }),
  speakerPage: (speakerId, after) => ({
    operationName: 'SpeakerPage',
    query:
      squash(`query SpeakerPage($first: Int!, $after: Cursor, $open: [String!], $speakerId: Int!) {
      allClaims(first: $first, after: $after, orderBy: [CREATED_AT_DESC, ID_DESC],
        condition: { speakerId: $speakerId }, filter: { status: { in: $open } }) {
        pageInfo { hasNextPage endCursor } edges { cursor node { ${PEER_NODE} } } } }`),
    variables: {
      first: PAGE,
      after: after ?? null,
      open: OPEN_STATUSES,
      speakerId: Number(speakerId),
    },
  }),
  detail: (id) => ({
    operationName: 'Detail',
    query:
      squash(`query Detail($id: Int!, $counter: [String!]) { claimById(id: $id) { id text status version
      statusChangesByClaimId(orderBy: [CHANGED_AT_ASC, ID_ASC]) {
        nodes { id fromStatus toStatus note evidenceUrls changedBy changedAt } }
      outgoing: claimRelationsByFromClaimId(orderBy: ID_ASC) { nodes { id type note createdAt fromClaimId toClaimId } }
      incoming: claimRelationsByToClaimId(orderBy: ID_ASC) { nodes { id type note createdAt fromClaimId toClaimId } }
      countering: claimRelationsByFromClaimId(orderBy: ID_ASC, filter: { type: { in: $counter } }) {
        nodes { claimByToClaimId { id text status speakerBySpeakerId { id name } } } }
      counteredBy: claimRelationsByToClaimId(orderBy: ID_ASC, filter: { type: { in: $counter } }) {
        nodes { claimByFromClaimId { id text status speakerBySpeakerId { id name } } } } } }`),
    variables: { id: Number(id), counter: COUNTER_TYPES },
  }),
};

/** The ids of a list page, whichever server answered. */
export function pageIds(json) {
  const data = json?.data ?? {};
  const connection = data.unverifiedClaims ?? data.allClaims;
  return connection?.edges?.map((e) => String(e.node.id)) ?? null;
}
export function endCursor(json) {
  const data = json?.data ?? {};
  return (data.unverifiedClaims ?? data.allClaims)?.pageInfo?.endCursor ?? null;
}
