import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import type { DestinationStream } from 'pino';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { expect, inject } from 'vitest';
import { createApp } from '../../src/app.factory.js';
import { ApiKeysService } from '../../src/auth/api-keys.service.js';
import { Role } from '../../src/auth/role.js';
import type { LogLevel } from '../../src/config/app-config.js';
import { DatabaseMaintenance } from '../../src/database/database-maintenance.js';
import type { QueryCountingLogger } from '../../src/database/query-counting.logger.js';

export interface GraphqlError {
  message: string;
  path?: string[];
  extensions: { code: string; reason?: string; field?: string; [key: string]: unknown };
}

export interface GraphqlResponse<T> {
  status: number;
  data: T;
  errors?: GraphqlError[];
}

export interface RequestOptions {
  /** The API key to send; null sends none. Default: an ADMIN key made for the run. */
  key?: string | null;
}

export interface TestKey {
  name: string;
  key: string;
}

export interface TestApp {
  app: NestFastifyApplication;
  dataSource: DataSource;
  /** Sends a GraphQL request over HTTP, as a client would. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read responses field by field
  gql<T = Record<string, any>>(
    query: string,
    variables?: Record<string, unknown>,
    options?: RequestOptions,
  ): Promise<GraphqlResponse<T>>;
  /** Posts a raw body to /graphql (batches, oversized bodies). */
  post(body: unknown): Promise<{ status: number; body: unknown }>;
  /** The ADMIN key requests carry unless told otherwise. */
  admin: TestKey;
  /** A request that must succeed; returns its data. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read responses field by field
  ok<T = Record<string, any>>(
    query: string,
    variables?: Record<string, unknown>,
    options?: RequestOptions,
  ): Promise<T>;
  /** A request that must fail; returns its first error. */
  fails(
    query: string,
    variables?: Record<string, unknown>,
    options?: RequestOptions,
  ): Promise<GraphqlError>;
  /** A new API key with `role`, named uniquely from `name`. */
  createKey(role: Role, name?: string): Promise<TestKey>;
  /** Listens on an ephemeral port (for WebSocket clients); returns the GraphQL URL. */
  listen(): Promise<string>;
  /** How many SQL statements `work` sent. */
  countQueries(work: () => Promise<unknown>): Promise<number>;
  close(): Promise<void>;
}

export interface TestAppOptions {
  /** Send subscription events through this Redis, as production instances do. */
  redisUrl?: string;
  /** Default `test`; `production` turns introspection, suggestions and GraphiQL off. */
  nodeEnv?: 'test' | 'production';
  /** More configuration for this app only (RATE_LIMIT_MAX, REQUEST_TIMEOUT_MS, …). */
  env?: Record<string, string>;
  /** Where the JSON log lines go (e.g. a capturing stream), at `logLevel`. */
  logDestination?: DestinationStream;
  /** Default: LOG_LEVEL when set, else `silent`. */
  logLevel?: LogLevel;
}

/** The real application on this run's database, migrated; requests go through supertest. */
export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  process.env.DATABASE_URL = inject('databaseUrl');
  process.env.NODE_ENV = options.nodeEnv ?? 'test';
  if (options.redisUrl) process.env.REDIS_URL = options.redisUrl;
  else delete process.env.REDIS_URL;
  const saved = Object.keys(options.env ?? {}).map((name) => [name, process.env[name]] as const);
  Object.assign(process.env, options.env);
  const app = await createApp({
    // Quiet by default, production mode included; LOG_LEVEL=debug npm test shows everything.
    logLevel: options.logLevel ?? (process.env.LOG_LEVEL ? undefined : 'silent'),
    logDestination: options.logDestination,
  }).finally(() => {
    for (const [name, value] of saved) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  });
  await app.get(DatabaseMaintenance).migrate();
  const dataSource = app.get(DataSource);
  const server = app.getHttpServer();
  const apiKeys = app.get(ApiKeysService);
  const createKey = async (role: Role, name = role.toLowerCase()) => {
    const created = await apiKeys.createApiKey(`${name}-${randomUUID().slice(0, 8)}`, role);
    return { name: created.apiKey.name, key: created.key };
  };
  const admin = await createKey(Role.ADMIN, 'test-admin');

  const testApp: TestApp = {
    app,
    dataSource,
    admin,
    createKey,
    async gql(query, variables, options = {}) {
      const key = options.key === undefined ? admin.key : options.key;
      const call = request(server).post('/graphql').set('content-type', 'application/json');
      if (key !== null) call.set('authorization', `Bearer ${key}`);
      const response = await call.send({ query, variables });
      return { status: response.status, data: response.body.data, errors: response.body.errors };
    },
    async post(body) {
      const response = await request(server)
        .post('/graphql')
        .set('content-type', 'application/json')
        .set('authorization', `Bearer ${admin.key}`)
        .send(typeof body === 'string' ? body : JSON.stringify(body));
      return { status: response.status, body: response.body };
    },
    async listen() {
      await app.listen({ port: 0, host: '127.0.0.1' });
      const address = app.getHttpServer().address() as { port: number };
      return `http://127.0.0.1:${address.port}/graphql`;
    },
    async countQueries(work) {
      const logger = dataSource.logger as QueryCountingLogger;
      const before = logger.queryCount;
      await work();
      return logger.queryCount - before;
    },
    async ok<T>(query: string, variables?: Record<string, unknown>, options?: RequestOptions) {
      const response = await testApp.gql<T>(query, variables, options);
      expect(response.errors).toBeUndefined();
      return response.data;
    },
    async fails(query, variables, options) {
      const response = await testApp.gql(query, variables, options);
      expect(response.errors?.length).toBeGreaterThan(0);
      return response.errors![0];
    },
    close: () => app.close(),
  };
  return testApp;
}
