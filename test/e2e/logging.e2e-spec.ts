import { Writable } from 'node:stream';
import request from 'supertest';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Role } from '../../src/auth/role.js';
import { startTestApp, type TestApp, type TestKey } from '../support/test-app.js';

type LogLine = Record<string, unknown> & { msg?: string; requestId?: string; level: string };

/** Collects the app's JSON log lines. */
class LogCapture extends Writable {
  readonly text: string[] = [];

  override _write(chunk: Buffer, _encoding: string, callback: () => void) {
    this.text.push(chunk.toString('utf8'));
    callback();
  }

  lines(): LogLine[] {
    return this.text
      .join('')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as LogLine);
  }

  of(requestId: string): LogLine[] {
    return this.lines().filter((line) => line.requestId === requestId);
  }

  clear() {
    this.text.length = 0;
  }
}

describe('structured logs', () => {
  const log = new LogCapture();
  let t: TestApp;
  let researcher: TestKey;

  beforeAll(async () => {
    t = await startTestApp({ logDestination: log, logLevel: 'debug' });
    researcher = await t.createKey(Role.RESEARCHER);
  });

  afterAll(async () => {
    await t.close();
  });

  beforeEach(() => log.clear());

  const post = (body: unknown, headers: Record<string, string> = {}) => {
    const call = request(t.app.getHttpServer())
      .post('/graphql')
      .set('content-type', 'application/json')
      .set('authorization', `Bearer ${researcher.key}`);
    for (const [name, value] of Object.entries(headers)) call.set(name, value);
    return call.send(JSON.stringify(body));
  };

  it('writes one line per request with its id, key name, operation and duration', async () => {
    const response = await post(
      { query: 'query Newest { briefings(first: 1) { totalCount } }' },
      { 'x-request-id': 'desk-42.retry:1' },
    );
    expect(response.status).toBe(200);
    expect(response.headers['x-request-id']).toBe('desk-42.retry:1');
    const lines = log.of('desk-42.retry:1');
    const completed = lines.find((line) => line.msg === 'request completed');
    expect(completed).toMatchObject({
      level: 'info',
      requestId: 'desk-42.retry:1',
      principal: researcher.name,
      operationName: 'Newest',
      operationType: 'query',
      method: 'POST',
      url: '/graphql',
      statusCode: 200,
      durationMs: expect.any(Number),
    });
    expect(typeof completed?.time).toBe('string');
    // Every line the request wrote carries its id.
    expect(lines.map((line) => line.msg)).toEqual(['request received', 'request completed']);
    expect(log.lines().filter((line) => line.requestId === undefined)).toEqual([]);
  });

  it('makes up an id when none (or a hostile one) comes in, and returns it', async () => {
    for (const incoming of [undefined, 'has spaces; and <b>markup</b>', 'x'.repeat(200)]) {
      const response = await post(
        { query: '{ briefings(first: 1) { totalCount } }' },
        incoming ? { 'x-request-id': incoming } : {},
      );
      const id = response.headers['x-request-id'];
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
      expect(log.of(id).find((line) => line.msg === 'request completed')).toMatchObject({
        operationName: null,
        operationType: 'query',
      });
    }
  });

  it('never writes the API key', async () => {
    await post({ query: '{ briefings(first: 1) { totalCount } }' }, { 'x-request-id': 'redact-1' });
    const received = log.of('redact-1').find((line) => line.msg === 'request received');
    expect(received?.request).toMatchObject({
      method: 'POST',
      headers: { authorization: '[redacted]', 'content-type': 'application/json' },
    });
    expect(log.text.join('')).not.toContain(researcher.key.slice(4));
  });

  it('logs an unexpected error in full under the request id the client is shown', async () => {
    await t.dataSource.query('ALTER TABLE speakers RENAME TO speakers_away');
    try {
      const response = await post(
        { query: 'query Who { speakers(first: 1) { totalCount } }' },
        { 'x-request-id': 'broken-1' },
      );
      const [error] = response.body.errors;
      expect(error).toEqual({
        message: 'Internal server error',
        path: ['speakers'],
        locations: expect.any(Array),
        extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: 'broken-1' },
      });
      expect(JSON.stringify(response.body)).not.toMatch(/speakers_away|SELECT|no such table/i);
      const logged = log.of('broken-1').find((line) => line.level === 'error');
      expect(logged).toMatchObject({
        msg: 'Unexpected error, answered as INTERNAL_SERVER_ERROR',
        principal: researcher.name,
        operationName: 'Who',
        err: { type: 'QueryFailedError', stack: expect.stringMatching(/speakers/) },
      });
    } finally {
      await t.dataSource.query('ALTER TABLE speakers_away RENAME TO speakers');
    }
  });

  it('logs health probes at debug level only', async () => {
    const response = await request(t.app.getHttpServer())
      .get('/health/live')
      .set('x-request-id', 'probe-1');
    expect(response.status).toBe(200);
    expect(log.of('probe-1').find((line) => line.msg === 'request completed')?.level).toBe('debug');
  });
});
