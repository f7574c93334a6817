import rateLimit, { normalizeIP, type RateLimitPluginOptions } from '@fastify/rate-limit';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Redis } from 'ioredis';
import type { RateLimitConfig } from '../../config/app-config.js';
import { HttpRefusal, HttpRefusalCode } from './http-refusal.js';

/** `Bearer ctk_<prefix>_<secret>`: the prefix names the key without revealing its secret. */
const API_KEY_PREFIX = /^Bearer\s+ctk_([A-Za-z0-9]{12})_\S+$/i;

/** The key prefix of an Authorization header; null without one or when it is malformed. */
export function apiKeyPrefix(authorization: string | undefined): string | null {
  return authorization ? (API_KEY_PREFIX.exec(authorization.trim())?.[1] ?? null) : null;
}

type Limiter = ReturnType<FastifyInstance['createRateLimit']>;
type Outcome = Exclude<Awaited<ReturnType<Limiter>>, { isAllowed: true }>;

/**
 * One limiter, in a scope of its own: the plugin's limiters made with options get counters
 * named after a route they lack (`…undefinedundefined-…`); its default one keeps `nameSpace`.
 */
async function createLimiter(
  fastify: FastifyInstance,
  settings: RateLimitPluginOptions,
): Promise<Limiter> {
  let limiter: Limiter | undefined;
  await fastify.register(async (scope) => {
    await scope.register(rateLimit, { ...settings, global: false, skipOnError: true });
    limiter = scope.createRateLimit();
  });
  return limiter!;
}

/** Probes must answer however busy the API is. */
const isExempt = (request: FastifyRequest) => request.routeOptions.url?.startsWith('/health/');

function refuse(reply: FastifyReply, outcome: Outcome): never {
  void reply.header('retry-after', outcome.ttlInSeconds);
  throw new HttpRefusal(
    429,
    HttpRefusalCode.RATE_LIMITED,
    `Too many requests: at most ${outcome.max} per ${outcome.timeWindow / 1000} s; retry in ${outcome.ttlInSeconds} s`,
    { retryAfter: outcome.ttlInSeconds, limit: outcome.max },
  );
}

/**
 * Two fixed-window limits on every request but the health probes: one per client address
 * (keyed or not, so made-up keys cannot open fresh buckets), and one per API key, counted by
 * its prefix. Counters live in Redis when `redisUrl` is set, so every instance shares them;
 * in this process's memory otherwise. If Redis cannot be reached the request is let through.
 */
export async function registerRateLimits(
  fastify: FastifyInstance,
  limits: RateLimitConfig,
  redisUrl: string | null,
): Promise<void> {
  if (limits.keyMax === 0 && limits.addressMax === 0) return;
  const redis = redisUrl
    ? new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 })
    : null;
  if (redis) {
    redis.on('error', (error) => fastify.log.warn({ err: error }, 'Rate limit store unreachable'));
    await redis.connect().catch(() => undefined);
    fastify.addHook('onClose', async () => {
      await redis.quit().catch(() => undefined);
    });
  }
  const store = redis ? { redis, nameSpace: limits.redisPrefix } : {};
  const byAddress =
    limits.addressMax > 0
      ? await createLimiter(fastify, {
          ...store,
          max: limits.addressMax,
          timeWindow: limits.windowMs,
          keyGenerator: (request) => `address:${normalizeIP(request.ip)}`,
        })
      : null;
  const byKey =
    limits.keyMax > 0
      ? await createLimiter(fastify, {
          ...store,
          max: limits.keyMax,
          timeWindow: limits.windowMs,
          keyGenerator: (request) => `key:${apiKeyPrefix(request.headers.authorization)}`,
        })
      : null;

  fastify.addHook('onRequest', async (request, reply) => {
    if (isExempt(request)) return;
    const outcomes: Outcome[] = [];
    for (const limiter of [byAddress, apiKeyPrefix(request.headers.authorization) && byKey]) {
      if (!limiter) continue;
      const outcome = await limiter(request);
      if (outcome.isAllowed) continue;
      if (outcome.isExceeded) refuse(reply, outcome);
      outcomes.push(outcome);
    }
    // The headers describe the tighter of the two limits.
    const tightest = outcomes.sort((a, b) => a.remaining - b.remaining)[0];
    if (tightest) {
      void reply.header('x-ratelimit-limit', tightest.max);
      void reply.header('x-ratelimit-remaining', tightest.remaining);
      void reply.header('x-ratelimit-reset', tightest.ttlInSeconds);
    }
  });
}
