import { createHash, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { UnitOfWork } from '../../src/database/unit-of-work.js';
import { startTestApp, type GraphqlError, type TestApp } from '../support/test-app.js';

interface Answer {
  status: number;
  body: {
    data: { ingestBriefing: { claims: unknown[] } } | null;
    errors?: GraphqlError[];
  };
}

const sleep = (milliseconds: number) => new Promise((resolve) => setTimeout(resolve, milliseconds));

const CREATE_BRIEFING = `mutation Create($input: CreateBriefingInput!) {
  createBriefing(input: $input) { id }
}`;

describe('request timeout', () => {
  const TIMEOUT_MS = 300;
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ env: { REQUEST_TIMEOUT_MS: String(TIMEOUT_MS) } });
  });

  afterAll(async () => {
    await t.close();
  });

  /**
   * Keeps `createBriefing` from finishing for `milliseconds`: on PostgreSQL a lock from another
   * connection stalls its INSERT mid-transaction; on SQLite, where this process's transactions
   * queue behind each other, a transaction of our own holds the queue.
   */
  async function stallWrites(milliseconds: number): Promise<{ released: Promise<unknown> }> {
    const url = inject('databaseUrl');
    if (url.startsWith('postgres')) {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      await client.query('BEGIN');
      await client.query('LOCK TABLE briefings IN SHARE MODE');
      const released = sleep(milliseconds).then(async () => {
        await client.query('COMMIT');
        await client.end();
      });
      return { released };
    }
    return { released: t.app.get(UnitOfWork).run(() => sleep(milliseconds)) };
  }

  it('answers 503 TIMEOUT, and the mutation that ran out of time writes nothing', async () => {
    // Warm the key up, so authentication itself writes nothing during the test.
    await t.ok('{ briefings(first: 1) { totalCount } }');
    const url = `https://news.example/${randomUUID()}`;
    const { released } = await stallWrites(TIMEOUT_MS * 3);
    const started = Date.now();
    const response = await t.gql(CREATE_BRIEFING, {
      input: { title: 'Late', url, outletName: 'Slow Times', items: ['Someone said something.'] },
    });
    expect(Date.now() - started).toBeLessThan(TIMEOUT_MS * 3);
    expect(response.status).toBe(503);
    expect(response.data).toBeNull();
    expect(response.errors).toEqual([
      {
        message: `Request timed out after ${TIMEOUT_MS} ms`,
        extensions: { code: 'TIMEOUT' },
      },
    ]);
    await released;
    // Give the stalled transaction the time to finish, had it been let through.
    await sleep(300);
    const [{ count }] = await t.dataSource.query(
      `SELECT COUNT(*) AS count FROM briefings WHERE url = ${t.dataSource.driver.options.type === 'postgres' ? '$1' : '?'}`,
      [url],
    );
    expect(Number(count)).toBe(0);
    // Requests within the time go on as before.
    expect(await t.ok('{ briefings(first: 1) { totalCount } }')).toHaveProperty('briefings');
  });
});

describe('body limits', () => {
  const BODY_LIMIT = 2048;
  const INGEST_BODY_LIMIT = 16_384;
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({
      env: { BODY_LIMIT: String(BODY_LIMIT), INGEST_BODY_LIMIT: String(INGEST_BODY_LIMIT) },
    });
  });

  afterAll(async () => {
    await t.close();
  });

  /** A briefing text of about `bytes` bytes, in paragraphs. */
  const briefingText = (bytes: number) =>
    Array.from(
      { length: Math.ceil(bytes / 80) },
      (_, i) => `Minister ${i} said the talks would resume next week, officials confirmed.`,
    ).join('\n\n');

  const ingest = (text: string, extra = '') => ({
    query: `mutation Ingest($input: IngestBriefingInput!) {
      ingestBriefing(input: $input) { claims { text speakerName } } ${extra}
    }`,
    variables: {
      input: {
        text,
        title: 'Talks',
        url: `https://news.example/${randomUUID()}`,
        outletName: 'Wire',
        dryRun: true,
      },
    },
  });

  const TOO_LARGE = {
    data: null,
    errors: [{ message: 'Request body is too large', extensions: { code: 'PAYLOAD_TOO_LARGE' } }],
  };

  it('lets an ingestBriefing request past BODY_LIMIT, up to INGEST_BODY_LIMIT', async () => {
    const body = ingest(briefingText(8000));
    expect(JSON.stringify(body).length).toBeGreaterThan(BODY_LIMIT * 3);
    const { status, body: answer } = (await t.post(body)) as Answer;
    expect(status).toBe(200);
    expect(answer.errors).toBeUndefined();
    expect(answer.data?.ingestBriefing.claims.length).toBeGreaterThan(0);
  });

  it('refuses anything else past BODY_LIMIT with 413, even riding along with ingestBriefing', async () => {
    const padded = { query: `{ briefings(first: 1) { totalCount } } # ${'x'.repeat(4000)}` };
    for (const body of [
      padded,
      ingest(briefingText(4000), 'briefings(first: 1) { totalCount }'),
      { ...ingest(briefingText(4000)), query: ingest('').query.replace('mutation', 'query') },
    ]) {
      const { status, body: answer } = (await t.post(body)) as Answer;
      expect(status).toBe(413);
      expect(answer).toMatchObject(TOO_LARGE);
      expect(answer.errors?.[0].extensions).toMatchObject({ limit: BODY_LIMIT });
    }
  });

  it('refuses an ingestBriefing request past INGEST_BODY_LIMIT before reading it', async () => {
    const { status, body } = await t.post(ingest(briefingText(INGEST_BODY_LIMIT + 1000)));
    expect(status).toBe(413);
    expect(body).toMatchObject(TOO_LARGE);
  });

  let listening: Promise<string> | undefined;
  const serverUrl = async () => new URL(await (listening ??= t.listen()));

  it('refuses a large body whose query comes first without waiting for the rest', async () => {
    const url = await serverUrl();
    const json = JSON.stringify({
      query: `{ briefings(first: 1) { totalCount } }`,
      variables: { padding: 'x'.repeat(INGEST_BODY_LIMIT - 1000) },
    });
    const answer = await new Promise<{ status: number; text: string }>((resolve, reject) => {
      const call = httpRequest(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${t.admin.key}`,
          'content-length': Buffer.byteLength(json),
        },
      });
      call.on('response', (response) => {
        let text = '';
        response.on('data', (chunk: Buffer) => (text += chunk.toString()));
        response.on('end', () => {
          call.destroy();
          resolve({ status: response.statusCode!, text });
        });
      });
      call.on('error', reject);
      // Only the first BODY_LIMIT bytes and a little more: the answer must come without the rest.
      call.write(json.slice(0, BODY_LIMIT + 100));
    });
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.text)).toMatchObject(TOO_LARGE);
  });

  it('counts a body sent without Content-Length (chunked) the same way', async () => {
    const url = await serverUrl();
    const send = (body: unknown) =>
      new Promise<{ status: number; body: { errors?: { extensions: { code: string } }[] } }>(
        (resolve, reject) => {
          const call = httpRequest(url, {
            method: 'POST',
            headers: {
              'content-type': 'application/json',
              authorization: `Bearer ${t.admin.key}`,
              'transfer-encoding': 'chunked',
            },
          });
          call.on('response', (response) => {
            let text = '';
            response.on('data', (chunk: Buffer) => (text += chunk.toString()));
            response.on('end', () =>
              resolve({ status: response.statusCode!, body: JSON.parse(text) }),
            );
          });
          call.on('error', reject);
          const json = JSON.stringify(body);
          for (let i = 0; i < json.length; i += 1000) call.write(json.slice(i, i + 1000));
          call.end();
        },
      );
    const refused = await send({
      query: `{ briefings(first: 1) { totalCount } } # ${'x'.repeat(4000)}`,
    });
    expect(refused.status).toBe(413);
    expect(refused.body.errors?.[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
    const ingested = await send(ingest(briefingText(8000)));
    expect(ingested.status).toBe(200);
    expect(ingested.body.errors).toBeUndefined();
  });
});

describe('safelist mode (PERSISTED_QUERIES)', () => {
  const ALLOWED = 'query Count { briefings(first: 1) { totalCount } }';
  const hash = createHash('sha256').update(ALLOWED).digest('hex');
  const directory = mkdtempSync(join(tmpdir(), 'claimtrack-safelist-'));
  let t: TestApp;

  beforeAll(async () => {
    const file = join(directory, 'safelist.json');
    writeFileSync(file, JSON.stringify({ [hash]: ALLOWED }));
    t = await startTestApp({ env: { PERSISTED_QUERIES: file } });
  });

  afterAll(async () => {
    await t.close();
    rmSync(directory, { recursive: true, force: true });
  });

  const post = (body: unknown) =>
    request(t.app.getHttpServer())
      .post('/graphql')
      .set('content-type', 'application/json')
      .set('authorization', `Bearer ${t.admin.key}`)
      .send(JSON.stringify(body));

  it('runs a safelisted query sent as text, by Apollo-style hash or by Mercurius-style hash', async () => {
    for (const body of [
      { query: ALLOWED },
      { extensions: { persistedQuery: { version: 1, sha256Hash: hash } } },
      { persisted: true, query: hash },
    ]) {
      const response = await post(body);
      expect(response.status).toBe(200);
      expect(response.body.data.briefings.totalCount).toEqual(expect.any(Number));
    }
  });

  it('refuses every other query, however harmless', async () => {
    for (const body of [
      { query: '{ briefings(first: 1) { totalCount } }' },
      { extensions: { persistedQuery: { version: 1, sha256Hash: 'f'.repeat(64) } } },
      { persisted: true, query: 'f'.repeat(64) },
    ]) {
      const response = await post(body);
      expect(response.status).toBe(400);
      expect(response.body).toEqual({
        data: null,
        errors: [
          {
            message:
              'This server runs only the queries on its safelist, and this is not one of them',
            extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' },
          },
        ],
      });
    }
  });
});
