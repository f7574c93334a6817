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
}

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
  return {
    port: variables.PORT ?? 3000,
    nodeEnv,
    database: parseDatabaseUrl(variables.DATABASE_URL ?? DEFAULT_DATABASE_URL),
    graphiql: nodeEnv !== 'production',
    redisUrl: variables.REDIS_URL ?? null,
    queryLimits,
    bodyLimit: variables.BODY_LIMIT ?? 1_048_576,
    corsOrigins: variables.CORS_ORIGINS?.split(',') ?? [],
  };
}
