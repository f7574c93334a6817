import type { FastifyReply, FastifyRequest, RequestPayload } from 'fastify';
import { Kind, parse, type DocumentNode } from 'graphql';
import { PassThrough, Transform } from 'node:stream';
import { HttpRefusal, HttpRefusalCode } from './http-refusal.js';

/** The one mutation whose requests may carry a whole briefing's text. */
export const INGEST_FIELD = 'ingestBriefing';

export interface BodyLimits {
  /** Any request. */
  bodyLimit: number;
  /** A request whose document is nothing but one `ingestBriefing` mutation. */
  ingestBodyLimit: number;
}

/**
 * Whether the document is one mutation that selects `ingestBriefing` once and nothing else at
 * its top level (fragments may shape what it returns): no other operation, field or alias can
 * ride along on the larger allowance.
 */
export function isIngestOnly(document: DocumentNode): boolean {
  const operations = document.definitions.filter(
    (definition) => definition.kind !== Kind.FRAGMENT_DEFINITION,
  );
  if (operations.length !== 1) return false;
  const [operation] = operations;
  if (operation.kind !== Kind.OPERATION_DEFINITION || operation.operation !== 'mutation') {
    return false;
  }
  const selections = operation.selectionSet.selections;
  return (
    selections.length === 1 &&
    selections[0].kind === Kind.FIELD &&
    selections[0].name.value === INGEST_FIELD
  );
}

/** The largest body allowed for a request carrying `query`; unparsable text gets the default. */
export function allowedBodyLimit(query: unknown, limits: BodyLimits, maxTokens: number): number {
  if (typeof query !== 'string') return limits.bodyLimit;
  try {
    return isIngestOnly(parse(query, { maxTokens })) ? limits.ingestBodyLimit : limits.bodyLimit;
  } catch {
    return limits.bodyLimit;
  }
}

const receivedBytes = new WeakMap<FastifyRequest, number>();

/**
 * preParsing: counts the bytes of a body sent without Content-Length (chunked); with one,
 * Fastify already refuses a body whose length differs from it.
 */
export function countChunkedBody(
  request: FastifyRequest,
  _reply: FastifyReply,
  payload: RequestPayload,
  done: (error: Error | null, payload?: RequestPayload) => void,
): void {
  if (request.headers['content-length'] !== undefined) return done(null, payload);
  receivedBytes.set(request, 0);
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      receivedBytes.set(request, (receivedBytes.get(request) ?? 0) + chunk.length);
      callback(null, chunk);
    },
  });
  done(null, payload.pipe(counter) as RequestPayload);
}

function bodySize(request: FastifyRequest): number {
  const declared = request.headers['content-length'];
  return declared === undefined ? (receivedBytes.get(request) ?? 0) : Number(declared);
}

const KEY_COLON = /\s*:\s*/y;

/**
 * The top-level `"query"` string of a JSON request body from its first bytes, or undefined when
 * those bytes do not hold it whole. Keys nested in `variables` are skipped: only depth 1 counts.
 */
export function topLevelQuery(head: string): string | undefined {
  let depth = 0;
  for (let i = 0; i < head.length; i++) {
    const char = head[i];
    if (char === '{' || char === '[') depth++;
    else if (char === '}' || char === ']') depth--;
    else if (char === '"') {
      const end = stringEnd(head, i);
      if (end < 0) return undefined;
      KEY_COLON.lastIndex = end + 1;
      const afterKey = KEY_COLON.exec(head);
      if (depth === 1 && afterKey && head.slice(i, end + 1) === '"query"') {
        const valueStart = KEY_COLON.lastIndex;
        if (head[valueStart] !== '"') return undefined;
        const valueEnd = stringEnd(head, valueStart);
        return valueEnd < 0
          ? undefined
          : (JSON.parse(head.slice(valueStart, valueEnd + 1)) as string);
      }
      i = end;
    }
  }
  return undefined;
}

/** Index of the quote closing the JSON string that opens at `start`; -1 if it is cut off. */
function stringEnd(text: string, start: number): number {
  for (let i = start + 1; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '"') return i;
  }
  return -1;
}

/** Clients send `query` before `variables`; a longer query is decided after parsing. */
const QUERY_HEAD_BYTES = 64 * 1024;

/**
 * preParsing for POST /graphql, for a body announced larger than BODY_LIMIT (and within
 * INGEST_BODY_LIMIT): reads its first
 * bytes (64 KiB at most) and, when they hold the query and it is not ingestBriefing alone,
 * answers 413 without reading the rest, so refusing a large body costs about what a small one
 * does. Otherwise the body is handed on whole, and bodyLimitGate decides after parsing.
 */
export function refuseOversizedBodyEarly(limits: BodyLimits, maxTokens: number) {
  return (
    request: FastifyRequest,
    _reply: FastifyReply,
    payload: RequestPayload,
    done: (error: Error | null, payload?: RequestPayload) => void,
  ): void => {
    const declared = Number(request.headers['content-length'] ?? 0);
    const graphqlPost = request.method === 'POST' && request.routeOptions.url === '/graphql';
    // Past the ingestion limit, Fastify's parser refuses the body before reading any of it.
    const between = declared > limits.bodyLimit && declared <= limits.ingestBodyLimit;
    if (!graphqlPost || !between) return done(null, payload);
    const headLimit = Math.min(limits.bodyLimit, QUERY_HEAD_BYTES);
    const head: Buffer[] = [];
    let headBytes = 0;
    const decide = (ended: boolean) => {
      payload.off('data', onData);
      payload.off('end', onEnd);
      payload.pause();
      const query = topLevelQuery(Buffer.concat(head).toString('utf8'));
      if (query !== undefined && declared > allowedBodyLimit(query, limits, maxTokens)) {
        // Let the rest of the body flow by unread, or a client still sending it would stall.
        payload.resume();
        return done(tooLarge(limits));
      }
      const replay = new PassThrough();
      for (const chunk of head) replay.write(chunk);
      if (ended) replay.end();
      else payload.pipe(replay);
      done(null, replay as unknown as RequestPayload);
    };
    const onData = (chunk: Buffer) => {
      head.push(chunk);
      headBytes += chunk.length;
      if (headBytes >= headLimit) decide(false);
    };
    const onEnd = () => decide(true);
    payload.on('data', onData);
    payload.on('end', onEnd);
    payload.once('error', (error: Error) => done(error));
  };
}

const tooLarge = (limits: BodyLimits) =>
  new HttpRefusal(413, HttpRefusalCode.PAYLOAD_TOO_LARGE, 'Request body is too large', {
    limit: limits.bodyLimit,
    ingestBodyLimit: limits.ingestBodyLimit,
  });

/**
 * A preHandler for POST /graphql. Fastify reads bodies up to the ingestion limit; past
 * BODY_LIMIT only a request that is nothing but `ingestBriefing` goes on, anything else is
 * answered 413 PAYLOAD_TOO_LARGE. `queryOf` finds the query text (from the safelist when
 * the body names a persisted query).
 */
export function bodyLimitGate(
  limits: BodyLimits,
  maxTokens: number,
  queryOf: (body: unknown) => unknown,
) {
  return async (request: FastifyRequest): Promise<void> => {
    if (request.method !== 'POST' || request.routeOptions.url !== '/graphql') return;
    const size = bodySize(request);
    if (size <= limits.bodyLimit) return;
    if (size <= allowedBodyLimit(queryOf(request.body), limits, maxTokens)) return;
    throw tooLarge(limits);
  };
}
