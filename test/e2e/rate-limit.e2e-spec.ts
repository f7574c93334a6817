import { Redis } from 'ioredis';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '../../src/auth/role.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const REDIS_URL = 'redis://127.0.0.1:6379';
const QUERY = '{ briefings(first: 1) { totalCount } }';

/** A GraphQL request as a client sends it, with `key` or without any. */
function ask(
  t: TestApp,
  key: string | null,
  body: unknown = { query: QUERY },
  headers: Record<string, string> = {},
) {
  const call = request(t.app.getHttpServer())
    .post('/graphql')
    .set('content-type', 'application/json');
  if (key) call.set('authorization', `Bearer ${key}`);
  for (const [name, value] of Object.entries(headers)) call.set(name, value);
  return call.send(JSON.stringify(body));
}

function expectRateLimited(response: request.Response) {
  expect(response.status).toBe(429);
  const retryAfter = Number(response.headers['retry-after']);
  expect(retryAfter).toBeGreaterThan(0);
  expect(response.body).toEqual({
    data: null,
    errors: [
      {
        message: expect.stringMatching(/^Too many requests/),
        extensions: { code: 'RATE_LIMITED', retryAfter, limit: expect.any(Number) },
      },
    ],
  });
}

describe('rate limits, counted in memory', () => {
  const apps: TestApp[] = [];
  const start = async (env: Record<string, string>) => {
    const t = await startTestApp({ env });
    apps.push(t);
    return t;
  };

  afterEach(async () => {
    await Promise.all(apps.splice(0).map((t) => t.close()));
  });

  it('refuses a key past its limit with 429, Retry-After and a GraphQL error, other keys go on', async () => {
    const t = await start({ RATE_LIMIT_MAX: '3', RATE_LIMIT_ADDRESS_MAX: '100' });
    const busy = await t.createKey(Role.RESEARCHER);
    const other = await t.createKey(Role.RESEARCHER);
    for (let i = 0; i < 3; i++) {
      const response = await ask(t, busy.key);
      expect(response.status).toBe(200);
      expect(response.headers['x-ratelimit-remaining']).toBe(String(2 - i));
    }
    expectRateLimited(await ask(t, busy.key));
    expect((await ask(t, other.key)).body.data.briefings).toBeDefined();
  });

  it('limits an address however many keys it sends, made-up ones included', async () => {
    const t = await start({ RATE_LIMIT_MAX: '100', RATE_LIMIT_ADDRESS_MAX: '4' });
    const keys = await Promise.all([1, 2, 3].map(() => t.createKey(Role.RESEARCHER)));
    for (const { key } of keys) expect((await ask(t, key)).status).toBe(200);
    const madeUp = `ctk_${'A'.repeat(12)}_${'b'.repeat(43)}`;
    expect((await ask(t, madeUp)).body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expectRateLimited(await ask(t, keys[0].key));
    expectRateLimited(await ask(t, null));
    expectRateLimited(await ask(t, `ctk_${'C'.repeat(12)}_${'d'.repeat(43)}`));
  });

  it('counts a request, not its aliases: 15 aliases cost one, 16 are refused and count too', async () => {
    const t = await start({ RATE_LIMIT_MAX: '3', RATE_LIMIT_ADDRESS_MAX: '100' });
    const { key } = await t.createKey(Role.RESEARCHER);
    const aliases = (n: number) =>
      Array.from({ length: n }, (_, i) => `a${i}: briefings(first: 1) { totalCount }`).join(' ');
    const fifteen = await ask(t, key, { query: `{ ${aliases(15)} }` });
    expect(Object.keys(fifteen.body.data)).toHaveLength(15);
    const sixteen = await ask(t, key, { query: `{ ${aliases(16)} }` });
    expect(sixteen.body.errors[0].extensions).toMatchObject({ reason: 'MAX_ALIASES' });
    // A batch is refused outright and is still one request against the limit.
    const batch = await ask(t, key, [{ query: QUERY }, { query: QUERY }]);
    expect(batch.body.errors[0].message).toBe('body must be object');
    expectRateLimited(await ask(t, key, { query: `{ ${aliases(15)} }` }));
  });

  it('sends the security and CORS headers with a refusal, so browsers can read it', async () => {
    const t = await start({ RATE_LIMIT_ADDRESS_MAX: '1', CORS_ORIGINS: 'https://desk.example' });
    await ask(t, null);
    const refused = await ask(t, null, undefined, { origin: 'https://desk.example' });
    expectRateLimited(refused);
    expect(refused.headers['access-control-allow-origin']).toBe('https://desk.example');
    expect(refused.headers['x-content-type-options']).toBe('nosniff');
    expect(refused.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('lets the health probes through however busy the address is', async () => {
    const t = await start({ RATE_LIMIT_MAX: '1', RATE_LIMIT_ADDRESS_MAX: '1' });
    await ask(t, null);
    expectRateLimited(await ask(t, null));
    const live = await request(t.app.getHttpServer()).get('/health/live');
    expect(live.status).toBe(200);
    const ready = await request(t.app.getHttpServer()).get('/health/ready');
    expect(ready.status).toBe(200);
  });

  it('opens again when the window has passed', async () => {
    const t = await start({ RATE_LIMIT_MAX: '1', RATE_LIMIT_WINDOW: '1s' });
    const { key } = await t.createKey(Role.RESEARCHER);
    expect((await ask(t, key)).status).toBe(200);
    const refused = await ask(t, key);
    expectRateLimited(refused);
    expect(refused.headers['retry-after']).toBe('1');
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect((await ask(t, key)).status).toBe(200);
  });

  it('counts per instance without Redis', async () => {
    const env = { RATE_LIMIT_MAX: '1' };
    const first = await start(env);
    const second = await start(env);
    const { key } = await first.createKey(Role.RESEARCHER);
    expect((await ask(first, key)).status).toBe(200);
    expect((await ask(second, key)).status).toBe(200);
    expectRateLimited(await ask(first, key));
  });
});

describe('rate limits shared through Redis', () => {
  const prefix = `claimtrack-test:${randomUUID()}:`;
  let first: TestApp;
  let second: TestApp;

  beforeAll(async () => {
    const env = {
      RATE_LIMIT_MAX: '4',
      RATE_LIMIT_ADDRESS_MAX: '100',
      RATE_LIMIT_REDIS_PREFIX: prefix,
    };
    first = await startTestApp({ redisUrl: REDIS_URL, env });
    second = await startTestApp({ redisUrl: REDIS_URL, env });
  });

  afterAll(async () => {
    await first.close();
    await second.close();
    const redis = new Redis(REDIS_URL);
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length) await redis.del(...keys);
    await redis.quit();
  });

  it('counts a key across instances, under this run’s prefix', async () => {
    const { key } = await first.createKey(Role.RESEARCHER);
    expect((await ask(first, key)).status).toBe(200);
    expect((await ask(second, key)).status).toBe(200);
    expect((await ask(first, key)).status).toBe(200);
    expect((await ask(second, key)).status).toBe(200);
    expectRateLimited(await ask(first, key));
    expectRateLimited(await ask(second, key));

    const redis = new Redis(REDIS_URL);
    const counters = await redis.keys(`${prefix}*`);
    await redis.quit();
    expect(counters.some((name) => name.endsWith(`key:${key.slice(4, 16)}`))).toBe(true);
  });
});
