import type BetterSqlite3 from 'better-sqlite3';
import { DataSource, type DataSourceOptions } from 'typeorm';
import type { DatabaseConfig } from '../config/app-config.js';
import { ApiKey } from '../auth/api-key.entity.js';
import { AuditEvent } from '../audit/audit-event.entity.js';
import { Briefing } from '../briefings/briefing.entity.js';
import { BriefingItem } from '../briefings/briefing-item.entity.js';
import { Outlet } from '../actors/outlet.entity.js';
import { Speaker } from '../actors/speaker.entity.js';
import { Claim } from '../claims/claim.entity.js';
import { ClaimOutlet } from '../claims/claim-outlet.entity.js';
import { StatusChange } from '../verification/status-change.entity.js';
import { ClaimRelation } from '../claim-relations/claim-relation.entity.js';
import { InitialSchema1764576000000 } from './migrations/1764576000000-initial-schema.js';
import { ApiKeys1764590000000 } from './migrations/1764590000000-api-keys.js';
import { ClaimExtraction1764610000000 } from './migrations/1764610000000-claim-extraction.js';
import { WorkflowAndAudit1764600000000 } from './migrations/1764600000000-workflow-and-audit.js';
import { QueryCountingLogger } from './query-counting.logger.js';
import { SnakeNamingStrategy } from './snake-naming.strategy.js';

export const ENTITIES = [
  Outlet,
  Speaker,
  Briefing,
  BriefingItem,
  Claim,
  ClaimOutlet,
  StatusChange,
  ClaimRelation,
  ApiKey,
  AuditEvent,
];

export const MIGRATIONS = [
  InitialSchema1764576000000,
  ApiKeys1764590000000,
  WorkflowAndAudit1764600000000,
  ClaimExtraction1764610000000,
];

/** The one DataSource definition: the app, the CLI and the test suite all build theirs here. */
export function dataSourceOptions(database: DatabaseConfig): DataSourceOptions {
  const common = {
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTransactionMode: 'each' as const,
    synchronize: false,
    namingStrategy: new SnakeNamingStrategy(),
    logger: new QueryCountingLogger(),
    maxQueryExecutionTime: 1000,
  };
  switch (database.type) {
    case 'better-sqlite3':
      return {
        ...common,
        type: 'better-sqlite3',
        database: database.path,
        enableWAL: true,
        // Another process (the CLI, a backup) may hold the write lock for a moment.
        timeout: 5000,
        // SQLite's own LOWER folds only A–Z; searches must fold "Київ" as PostgreSQL does.
        prepareDatabase: (db: BetterSqlite3.Database) => {
          db.function('lower', { deterministic: true }, (value: unknown) =>
            typeof value === 'string' ? value.toLowerCase() : value,
          );
        },
      };
    case 'postgres':
      return { ...common, type: 'postgres', url: database.url, extra: { max: 10 } };
  }
}

export function createDataSource(database: DatabaseConfig): DataSource {
  return new DataSource(dataSourceOptions(database));
}
