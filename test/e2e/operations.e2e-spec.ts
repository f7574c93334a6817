import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app.js';

describe('operations', () => {
  let t: TestApp;

  beforeAll(async () => {
    process.env.CORS_ORIGINS = 'https://desk.example';
    t = await startTestApp({ redisUrl: 'redis://127.0.0.1:6379' });
    delete process.env.CORS_ORIGINS;
  });

  afterAll(async () => {
    await t.close();
  });

  const http = () => request(t.app.getHttpServer());

  it('answers the liveness probe without a key', async () => {
    const response = await http().get('/health/live');
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ status: 'ok' });
  });

  it('is ready when the database answers, migrations are applied and Redis answers', async () => {
    const response = await http().get('/health/ready');
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      status: 'ok',
      info: { database: { status: 'up' }, migrations: { status: 'up' }, redis: { status: 'up' } },
    });
  });

  it('answers an unknown path with a plain 404', async () => {
    const response = await http().get('/health/nowhere');
    expect(response.status).toBe(404);
    expect(response.body).toMatchObject({ statusCode: 404 });
  });

  it('sends security headers', async () => {
    const response = await http().get('/health/live');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(response.headers['strict-transport-security']).toMatch(/max-age=/);
  });

  it('allows the configured origins only', async () => {
    const allowed = await http()
      .options('/graphql')
      .set('origin', 'https://desk.example')
      .set('access-control-request-method', 'POST');
    expect(allowed.headers['access-control-allow-origin']).toBe('https://desk.example');
    const refused = await http()
      .options('/graphql')
      .set('origin', 'https://evil.example')
      .set('access-control-request-method', 'POST');
    expect(refused.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('answers an oversized body with 413 and a clear message, before reading it', async () => {
    const response = await http()
      .post('/graphql')
      .set('content-type', 'application/json')
      .send(JSON.stringify({ query: `{ briefings { totalCount } } #${'x'.repeat(1_100_000)}` }));
    expect(response.status).toBe(413);
    expect(response.body).toMatchObject({
      data: null,
      errors: [{ message: 'Request body is too large', extensions: { code: 'PAYLOAD_TOO_LARGE' } }],
    });
  });
});
