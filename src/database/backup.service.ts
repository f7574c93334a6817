import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import Database from 'better-sqlite3';
import { execFile } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { delimiter, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { MIGRATIONS } from './data-source.js';

const run = promisify(execFile);

/** The tables whose rows a backup carries and a consistency check counts. */
export interface DatabaseSummary {
  claims: number;
  statusChanges: number;
  /** Claims whose status is not their latest history row's, or whose version is below it. */
  claimsWithoutHistory: number;
  /** History rows whose claim is gone. */
  orphanStatusChanges: number;
  /** Claims whose item is gone. */
  claimsWithoutItem: number;
}

export interface BackupResult {
  file: string;
  bytes: number;
  summary: DatabaseSummary | null;
}

export interface RestoreResult {
  appliedMigrations: string[];
  summary: DatabaseSummary;
}

/** The PostgreSQL recipe, printed when pg_dump or pg_restore is not on PATH. */
export const PG_RECIPE = [
  'pg_dump --format=custom --no-owner --no-privileges --file=FILE "$DATABASE_URL"',
  'pg_restore --clean --if-exists --no-owner --no-privileges --single-transaction --dbname="$DATABASE_URL" FILE',
  'claimtrack migrate',
].join('\n');

export class BackupError extends Error {
  override readonly name = 'BackupError';
}

const ALL_PAGES = 0x7fffffff;

const KNOWN_MIGRATIONS = new Set(MIGRATIONS.map((migration) => migration.name));

/**
 * Online backup and checked restore. SQLite goes through SQLite's backup API on this process's
 * own connection (a copy of one committed state, taken while the server keeps writing in WAL
 * mode); PostgreSQL through pg_dump's snapshot (custom format) and pg_restore in one transaction.
 */
@Injectable()
export class BackupService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async backup(file: string): Promise<BackupResult> {
    const target = resolve(file);
    if (existsSync(target)) throw new BackupError(`${file} exists: choose a new file`);
    const database = this.config.database;
    if (database.type === 'better-sqlite3') {
      if (database.path === ':memory:')
        throw new BackupError('An in-memory database has no backup');
      // All remaining pages in one step, inside a read transaction held on the source: every
      // page comes from one snapshot, which WAL lets the server's writers work beside.
      const source = this.nativeSqlite();
      source.exec('BEGIN');
      try {
        source.prepare('SELECT COUNT(*) FROM claims').get();
        await source.backup(target, { progress: () => ALL_PAGES });
      } finally {
        source.exec('COMMIT');
      }
      const copy = new Database(target, { readonly: true, fileMustExist: true });
      try {
        assertIntegrity(copy, file);
        return { file: target, bytes: statSync(target).size, summary: summariseSqlite(copy) };
      } finally {
        copy.close();
      }
    }
    const pgDump = findOnPath('pg_dump');
    if (!pgDump) throw missingPgTools('pg_dump');
    await run(pgDump, [
      '--format=custom',
      '--no-owner',
      '--no-privileges',
      `--file=${target}`,
      database.url,
    ]);
    return { file: target, bytes: statSync(target).size, summary: null };
  }

  /**
   * Replaces this database's contents with a backup's. Refuses a database that holds any row
   * unless `force`; checks the backup first (SQLite: integrity and migrations this code knows),
   * applies the migrations the backup lacks, and checks the result.
   */
  async restore(file: string, force: boolean): Promise<RestoreResult> {
    const source = resolve(file);
    if (!existsSync(source)) throw new BackupError(`${file} does not exist`);
    const rows = await this.rowCount();
    if (rows > 0 && !force) {
      throw new BackupError(
        `The database is not empty (${rows} rows): restore with --force to replace it`,
      );
    }
    const database = this.config.database;
    if (database.type === 'better-sqlite3') {
      if (database.path === ':memory:') throw new BackupError('Cannot restore into memory');
      const backup = openSqliteBackup(source, file);
      try {
        await this.dataSource.destroy();
        // The backup API writes through SQLite's own locking and journal, so a stale WAL beside
        // the target is recovered and replaced rather than mixed in.
        await backup.backup(database.path);
      } finally {
        backup.close();
        if (!this.dataSource.isInitialized) await this.dataSource.initialize();
      }
      const [check] = (await this.dataSource.query('PRAGMA integrity_check')) as {
        integrity_check: string;
      }[];
      if (check?.integrity_check !== 'ok') {
        throw new BackupError(`The restored database fails its integrity check`);
      }
    } else {
      const pgRestore = findOnPath('pg_restore');
      if (!pgRestore) throw missingPgTools('pg_restore');
      await run(pgRestore, [
        '--clean',
        '--if-exists',
        '--no-owner',
        '--no-privileges',
        '--single-transaction',
        `--dbname=${database.url}`,
        source,
      ]).catch((error: { stderr?: string }) => {
        throw new BackupError(`pg_restore failed: ${error.stderr?.trim() ?? String(error)}`);
      });
      await this.assertKnownMigrations();
    }
    const applied = await this.dataSource.runMigrations({ transaction: 'each' });
    if (await this.dataSource.showMigrations()) {
      throw new BackupError('Migrations are still pending after the restore');
    }
    const summary = await this.summary();
    if (summary.claimsWithoutHistory || summary.orphanStatusChanges || summary.claimsWithoutItem) {
      throw new BackupError(`The restored data is inconsistent: ${JSON.stringify(summary)}`);
    }
    return { appliedMigrations: applied.map((migration) => migration.name), summary };
  }

  /** Counts and consistency of the claims and their history in this database. */
  async summary(): Promise<DatabaseSummary> {
    const [row] = (await this.dataSource.query(SUMMARY_SQL)) as Record<string, unknown>[];
    return toSummary(row);
  }

  /** Rows in the application's tables (the migrations table does not count). */
  private async rowCount(): Promise<number> {
    const runner = this.dataSource.createQueryRunner();
    try {
      let total = 0;
      for (const { tableName } of this.dataSource.entityMetadatas) {
        if (!(await runner.hasTable(tableName))) continue;
        const [row] = (await runner.query(`SELECT COUNT(*) AS n FROM ${tableName}`)) as {
          n: number | string;
        }[];
        total += Number(row.n);
      }
      return total;
    } finally {
      await runner.release();
    }
  }

  private async assertKnownMigrations(): Promise<void> {
    const rows = (await this.dataSource.query('SELECT name FROM migrations')) as { name: string }[];
    const unknown = rows.map((row) => row.name).filter((name) => !KNOWN_MIGRATIONS.has(name));
    if (unknown.length) {
      throw new BackupError(
        `The backup comes from a newer version (migrations ${unknown.join(', ')}): upgrade first`,
      );
    }
  }

  /** TypeORM's better-sqlite3 driver keeps the native handle as `databaseConnection`. */
  private nativeSqlite(): Database.Database {
    return (this.dataSource.driver as unknown as { databaseConnection: Database.Database })
      .databaseConnection;
  }
}

const SUMMARY_SQL = `SELECT
  (SELECT COUNT(*) FROM claims) AS claims,
  (SELECT COUNT(*) FROM status_changes) AS status_changes,
  (SELECT COUNT(*) FROM claims c WHERE c.status IS DISTINCT FROM (
    SELECT s.to_status FROM status_changes s WHERE s.claim_id = c.id ORDER BY s.id DESC LIMIT 1)
    OR c.version < (SELECT COUNT(*) FROM status_changes s WHERE s.claim_id = c.id)
  ) AS claims_without_history,
  (SELECT COUNT(*) FROM status_changes s WHERE NOT EXISTS (
    SELECT 1 FROM claims c WHERE c.id = s.claim_id)) AS orphan_status_changes,
  (SELECT COUNT(*) FROM claims c WHERE NOT EXISTS (
    SELECT 1 FROM briefing_items i WHERE i.id = c.item_id)) AS claims_without_item`;

function toSummary(row: Record<string, unknown>): DatabaseSummary {
  return {
    claims: Number(row.claims),
    statusChanges: Number(row.status_changes),
    claimsWithoutHistory: Number(row.claims_without_history),
    orphanStatusChanges: Number(row.orphan_status_changes),
    claimsWithoutItem: Number(row.claims_without_item),
  };
}

function summariseSqlite(db: Database.Database): DatabaseSummary {
  return toSummary(db.prepare(SUMMARY_SQL).get() as Record<string, unknown>);
}

function assertIntegrity(db: Database.Database, file: string): void {
  const result = db.pragma('integrity_check', { simple: true });
  if (result !== 'ok')
    throw new BackupError(`${file} fails its integrity check: ${String(result)}`);
}

/** Opens a backup read-only and refuses one that is damaged or from a newer schema. */
function openSqliteBackup(path: string, file: string): Database.Database {
  let db: Database.Database;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
    assertIntegrity(db, file);
  } catch (error) {
    if (error instanceof BackupError) throw error;
    throw new BackupError(`${file} is not a readable SQLite database`);
  }
  try {
    const hasMigrations = db
      .prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'migrations'`)
      .get();
    if (!hasMigrations) throw new BackupError(`${file} is not a Claimtrack backup`);
    const names = (db.prepare('SELECT name FROM migrations').all() as { name: string }[]).map(
      (row) => row.name,
    );
    const unknown = names.filter((name) => !KNOWN_MIGRATIONS.has(name));
    if (unknown.length) {
      throw new BackupError(
        `${file} comes from a newer version (migrations ${unknown.join(', ')}): upgrade first`,
      );
    }
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

function findOnPath(command: string): string | null {
  for (const directory of (process.env.PATH ?? '').split(delimiter)) {
    const candidate = join(directory, command);
    if (directory && existsSync(candidate)) return candidate;
  }
  return null;
}

function missingPgTools(command: string): BackupError {
  return new BackupError(
    `${command} is not on PATH (install the PostgreSQL client tools). By hand:\n${PG_RECIPE}`,
  );
}
