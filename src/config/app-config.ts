import { plainToInstance } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Matches, Max, Min, validateSync } from 'class-validator';
import { resolve } from 'node:path';
import type { QueryLimits } from '../common/graphql/query-limits.js';

export type DatabaseConfig =
  { type: 'better-sqlite3'; path: string } | { type: 'postgres'; url: string };

export interface AppConfig {
  port: number;
  nodeEnv: 'development' | 'production' | 'test';
  database: DatabaseConfig;
  /** GraphiQL is a development tool: never served in production. */
  graphiql: boolean;
  /** When set, subscription events travel through Redis, so every instance sees them. */
  redisUrl: string | null;
  /** Bounds on every GraphQL request. */
  queryLimits: QueryLimits;
  /** Largest request body accepted, in bytes; larger ones get 413. */
  bodyLimit: number;
  /** Origins browsers may call from (CORS); empty: same origin only. */
  corsOrigins: string[];
  /** Largest body of a request whose only operation is `ingestBriefing`; at least `bodyLimit`. */
  ingestBodyLimit: number;
  /** Requests per API key and per client address in each window; 0 turns a limit off. */
  rateLimit: RateLimitConfig;
  /** A request not answered within this many milliseconds is answered 503 TIMEOUT. */
  requestTimeoutMs: number;
  /** pino level of the JSON log. */
  logLevel: LogLevel;
  /** A JSON safelist file: when set, only the queries in it run. */
  persistedQueriesPath: string | null;
  /** Fastify's `trustProxy`: which proxies' X-Forwarded-For names the client address. */
  trustProxy: boolean | number | string[];
}

export interface RateLimitConfig {
  /** Requests per API key (by its prefix) per window; 0: no per-key limit. */
  keyMax: number;
  /** Requests per client address per window, keyed or not; 0: no per-address limit. */
  addressMax: number;
  windowMs: number;
  /** Prefix of the counters' Redis keys, so deployments (and test runs) sharing a Redis stay apart. */
  redisPrefix: string;
}

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Defaults measured against the README's, the benchmark's and the test suite's queries. */
export const DEFAULT_QUERY_LIMITS: QueryLimits = {
  maxDepth: 12,
  maxAliases: 15,
  maxDirectives: 10,
  maxTokens: 5000,
  maxCost: 5000,
};

const LIMIT_VARIABLES: Record<keyof QueryLimits, string> = {
  maxDepth: 'GRAPHQL_MAX_DEPTH',
  maxAliases: 'GRAPHQL_MAX_ALIASES',
  maxDirectives: 'GRAPHQL_MAX_DIRECTIVES',
  maxTokens: 'GRAPHQL_MAX_TOKENS',
  maxCost: 'GRAPHQL_MAX_COST',
};

export const APP_CONFIG = Symbol('APP_CONFIG');

export const DEFAULT_DATABASE_URL = 'sqlite:data/claimtrack.sqlite';

/** The environment variables read at boot, validated in one place. */
class EnvironmentVariables {
  @IsOptional()
  @IsInt({ message: 'PORT must be an integer between 1 and 65535' })
  @Min(1, { message: 'PORT must be an integer between 1 and 65535' })
  @Max(65535, { message: 'PORT must be an integer between 1 and 65535' })
  PORT?: number;

  @IsOptional()
  @Matches(/^(sqlite:.+|postgres(ql)?:\/\/.+)$/, {
    message: 'DATABASE_URL must be sqlite:PATH or postgres://user@host:port/database',
  })
  DATABASE_URL?: string;

  @IsOptional()
  @IsInt({ message: 'BODY_LIMIT must be a number of bytes between 1024 and 104857600' })
  @Min(1024, { message: 'BODY_LIMIT must be a number of bytes between 1024 and 104857600' })
  @Max(104_857_600, { message: 'BODY_LIMIT must be a number of bytes between 1024 and 104857600' })
  BODY_LIMIT?: number;

  @IsOptional()
  @Matches(/^https?:\/\/[^,\s]+(,https?:\/\/[^,\s]+)*$/, {
    message: 'CORS_ORIGINS must be a comma-separated list of http(s) origins',
  })
  CORS_ORIGINS?: string;

  @IsOptional()
  @Matches(/^rediss?:\/\/.+/, { message: 'REDIS_URL must be redis://host:port' })
  REDIS_URL?: string;

  @IsOptional()
  @IsInt({ message: 'INGEST_BODY_LIMIT must be a number of bytes between 1024 and 104857600' })
  @Min(1024, { message: 'INGEST_BODY_LIMIT must be a number of bytes between 1024 and 104857600' })
  @Max(104_857_600, {
    message: 'INGEST_BODY_LIMIT must be a number of bytes between 1024 and 104857600',
  })
  INGEST_BODY_LIMIT?: number;

  @IsOptional()
  @IsInt({ message: 'RATE_LIMIT_MAX must be an integer between 0 and 1000000' })
  @Min(0, { message: 'RATE_LIMIT_MAX must be an integer between 0 and 1000000' })
  @Max(1_000_000, { message: 'RATE_LIMIT_MAX must be an integer between 0 and 1000000' })
  RATE_LIMIT_MAX?: number;

  @IsOptional()
  @IsInt({ message: 'RATE_LIMIT_ADDRESS_MAX must be an integer between 0 and 1000000' })
  @Min(0, { message: 'RATE_LIMIT_ADDRESS_MAX must be an integer between 0 and 1000000' })
  @Max(1_000_000, { message: 'RATE_LIMIT_ADDRESS_MAX must be an integer between 0 and 1000000' })
  RATE_LIMIT_ADDRESS_MAX?: number;

  @IsOptional()
  @Matches(/^[1-9][0-9]*(ms|s|m|h)?$/, {
    message: 'RATE_LIMIT_WINDOW must be a duration such as 60000, 500ms, 30s, 1m or 1h',
  })
  RATE_LIMIT_WINDOW?: string;

  @IsOptional()
  @Matches(/^[A-Za-z0-9:_.-]{1,64}$/, {
    message: 'RATE_LIMIT_REDIS_PREFIX must be 1 to 64 letters, digits or :_.-',
  })
  RATE_LIMIT_REDIS_PREFIX?: string;

  @IsOptional()
  @IsInt({ message: 'REQUEST_TIMEOUT_MS must be a number of milliseconds between 1 and 600000' })
  @Min(1, { message: 'REQUEST_TIMEOUT_MS must be a number of milliseconds between 1 and 600000' })
  @Max(600_000, {
    message: 'REQUEST_TIMEOUT_MS must be a number of milliseconds between 1 and 600000',
  })
  REQUEST_TIMEOUT_MS?: number;

  @IsOptional()
  @IsIn(LOG_LEVELS, { message: `LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}` })
  LOG_LEVEL?: LogLevel;

  @IsOptional()
  @Matches(/\.json$/, { message: 'PERSISTED_QUERIES must be the path of a .json safelist' })
  PERSISTED_QUERIES?: string;

  @IsOptional()
  @Matches(/^(true|false|[0-9]{1,2}|[0-9a-fA-F.:/]+(,[0-9a-fA-F.:/]+)*)$/, {
    message: 'TRUST_PROXY must be true, false, a number of hops or comma-separated addresses',
  })
  TRUST_PROXY?: string;

  @IsOptional()
  @IsIn(['development', 'production', 'test'], {
    message: 'NODE_ENV must be one of development, production, test',
  })
  NODE_ENV?: AppConfig['nodeEnv'];
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

export function parseDatabaseUrl(url: string): DatabaseConfig {
  if (url.startsWith('sqlite:')) {
    const path = url.slice('sqlite:'.length);
    return { type: 'better-sqlite3', path: path === ':memory:' ? path : resolve(path) };
  }
  return { type: 'postgres', url };
}

/** Reads and validates the configuration; throws a ConfigError naming every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const raw = {
    PORT: env.PORT === undefined || env.PORT === '' ? undefined : Number(env.PORT),
    DATABASE_URL: env.DATABASE_URL || undefined,
    NODE_ENV: env.NODE_ENV || undefined,
    REDIS_URL: env.REDIS_URL || undefined,
    BODY_LIMIT: env.BODY_LIMIT ? Number(env.BODY_LIMIT) : undefined,
    CORS_ORIGINS: env.CORS_ORIGINS || undefined,
    INGEST_BODY_LIMIT: numberOrUndefined(env.INGEST_BODY_LIMIT),
    RATE_LIMIT_MAX: numberOrUndefined(env.RATE_LIMIT_MAX),
    RATE_LIMIT_ADDRESS_MAX: numberOrUndefined(env.RATE_LIMIT_ADDRESS_MAX),
    RATE_LIMIT_WINDOW: env.RATE_LIMIT_WINDOW || undefined,
    RATE_LIMIT_REDIS_PREFIX: env.RATE_LIMIT_REDIS_PREFIX || undefined,
    REQUEST_TIMEOUT_MS: numberOrUndefined(env.REQUEST_TIMEOUT_MS),
    LOG_LEVEL: env.LOG_LEVEL || undefined,
    PERSISTED_QUERIES: env.PERSISTED_QUERIES || undefined,
    TRUST_PROXY: env.TRUST_PROXY || undefined,
  };
  const variables = plainToInstance(EnvironmentVariables, raw);
  const errors = validateSync(variables);
  if (errors.length > 0) {
    const messages = new Set(errors.flatMap((error) => Object.values(error.constraints ?? {})));
    throw new ConfigError(`Invalid configuration: ${[...messages].join('; ')}`);
  }
  const queryLimits = { ...DEFAULT_QUERY_LIMITS };
  for (const [limit, variable] of Object.entries(LIMIT_VARIABLES) as [
    keyof QueryLimits,
    string,
  ][]) {
    const value = env[variable];
    if (value === undefined || value === '') continue;
    if (!/^[1-9][0-9]{0,6}$/.test(value)) {
      throw new ConfigError(`Invalid configuration: ${variable} must be a positive integer`);
    }
    queryLimits[limit] = Number(value);
  }
  const nodeEnv = variables.NODE_ENV ?? 'development';
  const bodyLimit = variables.BODY_LIMIT ?? 1_048_576;
  if (variables.INGEST_BODY_LIMIT !== undefined && variables.INGEST_BODY_LIMIT < bodyLimit) {
    throw new ConfigError('Invalid configuration: INGEST_BODY_LIMIT must be at least BODY_LIMIT');
  }
  // The e2e suites send hundreds of requests a minute from one address: limits are off in
  // tests unless a test sets them.
  const testing = nodeEnv === 'test';
  return {
    port: variables.PORT ?? 3000,
    nodeEnv,
    database: parseDatabaseUrl(variables.DATABASE_URL ?? DEFAULT_DATABASE_URL),
    graphiql: nodeEnv !== 'production',
    redisUrl: variables.REDIS_URL ?? null,
    queryLimits,
    bodyLimit,
    corsOrigins: variables.CORS_ORIGINS?.split(',') ?? [],
    ingestBodyLimit: variables.INGEST_BODY_LIMIT ?? Math.max(5_242_880, bodyLimit),
    rateLimit: {
      keyMax: variables.RATE_LIMIT_MAX ?? (testing ? 0 : 600),
      addressMax: variables.RATE_LIMIT_ADDRESS_MAX ?? (testing ? 0 : 1200),
      windowMs: parseDuration(variables.RATE_LIMIT_WINDOW ?? '1m'),
      redisPrefix: variables.RATE_LIMIT_REDIS_PREFIX ?? 'claimtrack:rate-limit:',
    },
    requestTimeoutMs: variables.REQUEST_TIMEOUT_MS ?? 10_000,
    logLevel: variables.LOG_LEVEL ?? (testing ? 'silent' : 'info'),
    persistedQueriesPath: variables.PERSISTED_QUERIES ? resolve(variables.PERSISTED_QUERIES) : null,
    trustProxy: parseTrustProxy(variables.TRUST_PROXY),
  };
}

function numberOrUndefined(value: string | undefined): number | undefined {
  return value === undefined || value === '' ? undefined : Number(value);
}

const DURATION_UNITS = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 } as const;

/** `60000`, `500ms`, `30s`, `1m`, `1h` to milliseconds (the format was validated before). */
export function parseDuration(text: string): number {
  const [, amount, unit] = /^([0-9]+)(ms|s|m|h)?$/.exec(text)!;
  return Number(amount) * DURATION_UNITS[(unit ?? 'ms') as keyof typeof DURATION_UNITS];
}

function parseTrustProxy(value: string | undefined): AppConfig['trustProxy'] {
  if (value === undefined || value === 'false') return false;
  if (value === 'true') return true;
  if (/^[0-9]+$/.test(value)) return Number(value);
  return value.split(',');
}
