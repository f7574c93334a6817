import { describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { ConfigError, DEFAULT_QUERY_LIMITS, loadConfig } from './app-config.js';

describe('loadConfig', () => {
  it('defaults to port 3000 and a SQLite file under ./data', () => {
    expect(loadConfig({})).toEqual({
      port: 3000,
      nodeEnv: 'development',
      database: { type: 'better-sqlite3', path: resolve('data/claimtrack.sqlite') },
      graphiql: true,
      redisUrl: null,
      queryLimits: DEFAULT_QUERY_LIMITS,
      bodyLimit: 1_048_576,
      corsOrigins: [],
    });
  });

  it('switches to PostgreSQL on a postgres:// url', () => {
    const config = loadConfig({
      DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/test',
      PORT: '8080',
    });
    expect(config.database).toEqual({
      type: 'postgres',
      url: 'postgres://postgres@127.0.0.1:5432/test',
    });
    expect(config.port).toBe(8080);
  });

  it('serves no GraphiQL in production', () => {
    expect(loadConfig({ NODE_ENV: 'production' }).graphiql).toBe(false);
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://localhost/db' }, 'DATABASE_URL'],
    [{ NODE_ENV: 'staging' }, 'NODE_ENV'],
    [{ REDIS_URL: 'localhost:6379' }, 'REDIS_URL'],
    [{ GRAPHQL_MAX_COST: '-5' }, 'GRAPHQL_MAX_COST'],
    [{ BODY_LIMIT: '10' }, 'BODY_LIMIT'],
    [{ CORS_ORIGINS: 'evil.example' }, 'CORS_ORIGINS'],
  ])('refuses %j with a message naming %s', (env, variable) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(new RegExp(variable));
  });
});
