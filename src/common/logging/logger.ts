import type { FastifyReply, FastifyRequest } from 'fastify';
import type { IncomingHttpHeaders } from 'node:http';
import { randomUUID } from 'node:crypto';
import { pino, type DestinationStream, type Logger } from 'pino';
import type { LogLevel } from '../../config/app-config.js';

/** Secrets never written: the API key, cookies, and the same under any nesting of `headers`. */
export const REDACTED_PATHS = [
  'request.headers.authorization',
  'request.headers.cookie',
  'req.headers.authorization',
  'req.headers.cookie',
  'headers.authorization',
  'headers.cookie',
  'authorization',
];

export const REQUEST_ID_HEADER = 'x-request-id';

/** The log field that carries the request id; the masked INTERNAL_SERVER_ERROR shows the same. */
export const REQUEST_ID_LABEL = 'requestId';

/** An id a caller (a proxy, another service) may hand us: short and free of log-breaking text. */
const ACCEPTABLE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** One JSON object per line on `destination` (standard output by default). */
export function createLogger(level: LogLevel, destination?: DestinationStream): Logger {
  const options = {
    level,
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label: string) => ({ level: label }) },
  };
  return destination ? pino(options, destination) : pino(options);
}

/** Honours an incoming `x-request-id` that looks like one; otherwise a new UUID. */
export function requestIdOf(request: { headers: IncomingHttpHeaders }): string {
  const incoming = request.headers[REQUEST_ID_HEADER];
  return typeof incoming === 'string' && ACCEPTABLE_REQUEST_ID.test(incoming)
    ? incoming
    : randomUUID();
}

/** Adds `fields` to every later log line of this request, its closing line included. */
export function bindRequestLog(reply: FastifyReply, fields: Record<string, unknown>): void {
  const child = reply.request.log.child(fields);
  reply.request.log = child;
  reply.log = child;
}

const isHealthProbe = (request: FastifyRequest) =>
  request.routeOptions.url?.startsWith('/health/') ?? false;

/** onRequest: the id goes back to the caller, and at debug level the request is logged whole. */
export function announceRequest(request: FastifyRequest, reply: FastifyReply, done: () => void) {
  void reply.header(REQUEST_ID_HEADER, request.id);
  request.log.debug(
    // Not `req`: Fastify's serializer for that key would drop the headers.
    { request: { method: request.method, url: request.url, headers: request.headers } },
    'request received',
  );
  done();
}

/**
 * onResponse: one line per request with its outcome and duration. The principal and the
 * GraphQL operation are bound to the request's logger once known, so they appear here too.
 */
export function logRequestCompleted(
  request: FastifyRequest,
  reply: FastifyReply,
  done: () => void,
) {
  const fields = {
    method: request.method,
    url: request.routeOptions.url ?? request.url,
    statusCode: reply.statusCode,
    durationMs: Math.round(reply.elapsedTime * 10) / 10,
    address: request.ip,
  };
  if (isHealthProbe(request)) request.log.debug(fields, 'request completed');
  else request.log.info(fields, 'request completed');
  done();
}

/** Passes a principal through, naming its key on the request's later log lines. */
export function logPrincipal(reply: FastifyReply) {
  return <P extends { name: string } | null>(principal: P): P => {
    if (principal) bindRequestLog(reply, { principal: principal.name });
    return principal;
  };
}
