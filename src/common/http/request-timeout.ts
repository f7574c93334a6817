import type { FastifyReply, FastifyRequest } from 'fastify';
import { AsyncLocalStorage } from 'node:async_hooks';
import { HttpRefusal, HttpRefusalCode } from './http-refusal.js';

/** The answer to a request still running at its deadline. */
export class RequestTimeoutError extends HttpRefusal {
  constructor(readonly timeoutMs: number) {
    super(503, HttpRefusalCode.TIMEOUT, `Request timed out after ${timeoutMs} ms`);
  }
}

const deadlines = new WeakMap<FastifyRequest, AbortController>();
const requestSignals = new AsyncLocalStorage<AbortSignal>();

/**
 * Hooks that answer a GraphQL request still running after `timeoutMs` with 503 TIMEOUT.
 * (Fastify 5.12's own `handlerTimeout` is disarmed as soon as a POST body has been read: the
 * request stream's `close` event counts as the client going away; fastify/fastify#6725.)
 *
 * GraphQL cannot stop a resolver half-way, so the work goes on after the answer; what it may
 * not do is write: every unit of work checks `throwIfRequestTimedOut` before it starts and
 * before it commits, so a mutation past its deadline rolls back whole.
 */
export function requestTimeoutHooks(timeoutMs: number) {
  return {
    onRequest(request: FastifyRequest, reply: FastifyReply, done: () => void): void {
      // GraphQL only: downloads such as the graph export stream for as long as they need.
      if (request.routeOptions.url !== '/graphql') return done();
      const deadline = new AbortController();
      deadlines.set(request, deadline);
      const timer = setTimeout(() => {
        if (reply.sent || reply.raw.headersSent) return;
        const error = new RequestTimeoutError(timeoutMs);
        deadline.abort(error);
        // Fastify adds "Reply was already sent" when the handler answers later.
        request.log.warn(
          { timeoutMs },
          'Timed out: answered 503; the work goes on, writing nothing',
        );
        void reply.send(error);
      }, timeoutMs);
      reply.raw.once('close', () => clearTimeout(timer));
      done();
    },
    /**
     * The handler, the resolvers and the transactions they open run where
     * `throwIfRequestTimedOut` finds the request's deadline (set once the body is parsed, since
     * stream events run outside the request's async context).
     */
    preHandler(request: FastifyRequest, _reply: FastifyReply, done: () => void): void {
      const deadline = deadlines.get(request);
      if (deadline) requestSignals.run(deadline.signal, done);
      else done();
    },
  };
}

/** Throws once the current request has been answered 503 TIMEOUT; outside requests, never. */
export function throwIfRequestTimedOut(): void {
  const signal = requestSignals.getStore();
  if (signal?.aborted) {
    throw new RequestTimeoutError((signal.reason as RequestTimeoutError).timeoutMs);
  }
}
