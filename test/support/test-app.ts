import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { inject } from 'vitest';
import { createApp } from '../../src/app.factory.js';
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

export interface TestApp {
  app: NestFastifyApplication;
  dataSource: DataSource;
  /** Sends a GraphQL request over HTTP, as a client would. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read responses field by field
  gql<T = Record<string, any>>(
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<GraphqlResponse<T>>;
  /** How many SQL statements `work` sent. */
  countQueries(work: () => Promise<unknown>): Promise<number>;
  close(): Promise<void>;
}

/** The real application on this run's database, migrated, listening on an ephemeral port. */
export async function startTestApp(): Promise<TestApp> {
  process.env.DATABASE_URL = inject('databaseUrl');
  process.env.NODE_ENV = 'test';
  const app = await createApp(['error']);
  await app.get(DatabaseMaintenance).migrate();
  const dataSource = app.get(DataSource);
  const server = app.getHttpServer();

  return {
    app,
    dataSource,
    async gql(query, variables) {
      const response = await request(server)
        .post('/graphql')
        .set('content-type', 'application/json')
        .send({ query, variables });
      return { status: response.status, data: response.body.data, errors: response.body.errors };
    },
    async countQueries(work) {
      const logger = dataSource.logger as QueryCountingLogger;
      const before = logger.queryCount;
      await work();
      return logger.queryCount - before;
    },
    close: () => app.close(),
  };
}
