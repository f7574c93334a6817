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
      ingestBodyLimit: 5_242_880,
      rateLimit: {
        keyMax: 600,
        addressMax: 1200,
        windowMs: 60_000,
        redisPrefix: 'claimtrack:rate-limit:',
      },
      requestTimeoutMs: 10_000,
      logLevel: 'info',
      persistedQueriesPath: null,
      trustProxy: false,
    });
  });

  it('turns rate limits and logs off in tests unless told otherwise', () => {
    const config = loadConfig({ NODE_ENV: 'test' });
    expect(config.rateLimit).toMatchObject({ keyMax: 0, addressMax: 0 });
    expect(config.logLevel).toBe('silent');
    const told = loadConfig({ NODE_ENV: 'test', RATE_LIMIT_MAX: '5', LOG_LEVEL: 'debug' });
    expect(told.rateLimit).toMatchObject({ keyMax: 5, addressMax: 0 });
    expect(told.logLevel).toBe('debug');
  });

  it.each([
    ['60000', 60_000],
    ['500ms', 500],
    ['30s', 30_000],
    ['2m', 120_000],
    ['1h', 3_600_000],
  ])('reads RATE_LIMIT_WINDOW=%s as %d ms', (window, milliseconds) => {
    expect(loadConfig({ RATE_LIMIT_WINDOW: window }).rateLimit.windowMs).toBe(milliseconds);
  });

  it('keeps the ingestion limit at least the body limit', () => {
    expect(loadConfig({ BODY_LIMIT: '10485760' }).ingestBodyLimit).toBe(10_485_760);
    expect(() => loadConfig({ BODY_LIMIT: '10485760', INGEST_BODY_LIMIT: '5242880' })).toThrow(
      /INGEST_BODY_LIMIT must be at least BODY_LIMIT/,
    );
  });

  it.each([
    ['true', true],
    ['2', 2],
    ['10.0.0.1,10.1.0.0/16', ['10.0.0.1', '10.1.0.0/16']],
  ])('reads TRUST_PROXY=%s', (value, trustProxy) => {
    expect(loadConfig({ TRUST_PROXY: value }).trustProxy).toEqual(trustProxy);
  });

  it('resolves the safelist path', () => {
    expect(loadConfig({ PERSISTED_QUERIES: 'config/safelist.json' }).persistedQueriesPath).toBe(
      resolve('config/safelist.json'),
    );
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
    [{ RATE_LIMIT_MAX: '-1' }, 'RATE_LIMIT_MAX'],
    [{ RATE_LIMIT_ADDRESS_MAX: 'lots' }, 'RATE_LIMIT_ADDRESS_MAX'],
    [{ RATE_LIMIT_WINDOW: '1 minute' }, 'RATE_LIMIT_WINDOW'],
    [{ RATE_LIMIT_REDIS_PREFIX: 'a b' }, 'RATE_LIMIT_REDIS_PREFIX'],
    [{ REQUEST_TIMEOUT_MS: '0' }, 'REQUEST_TIMEOUT_MS'],
    [{ INGEST_BODY_LIMIT: '10' }, 'INGEST_BODY_LIMIT'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ PERSISTED_QUERIES: 'safelist.txt' }, 'PERSISTED_QUERIES'],
    [{ TRUST_PROXY: 'everyone' }, 'TRUST_PROXY'],
  ])('refuses %j with a message naming %s', (env, variable) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(new RegExp(variable));
  });
});
