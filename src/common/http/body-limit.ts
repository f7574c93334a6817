import type { FastifyReply, FastifyRequest, RequestPayload } from 'fastify';
import { Kind, parse, type DocumentNode } from 'graphql';
import { Transform } from 'node:stream';
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
    throw new HttpRefusal(413, HttpRefusalCode.PAYLOAD_TOO_LARGE, 'Request body is too large', {
      limit: limits.bodyLimit,
      ingestBodyLimit: limits.ingestBodyLimit,
    });
  };
}
