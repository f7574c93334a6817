import { Command, CommandRunner, Option } from 'nest-commander';
import { BackupService, type DatabaseSummary } from '../database/backup.service.js';
import { DatabaseMaintenance } from '../database/database-maintenance.js';

const describeSummary = (summary: DatabaseSummary) =>
  `${summary.claims} claims, ${summary.statusChanges} status changes`;

@Command({
  name: 'backup',
  arguments: '<file>',
  description:
    'Write a consistent copy of the database to FILE while the server runs (SQLite: backup API; PostgreSQL: pg_dump -Fc)',
})
export class BackupCommand extends CommandRunner {
  constructor(
    private readonly backups: BackupService,
    private readonly database: DatabaseMaintenance,
  ) {
    super();
  }

  async run([file]: string[]): Promise<void> {
    const result = await this.backups.backup(file);
    console.log(
      `Backed up ${this.database.describe()} to ${result.file} (${result.bytes} bytes` +
        (result.summary ? `; ${describeSummary(result.summary)}, integrity ok)` : ')'),
    );
  }
}

@Command({
  name: 'restore',
  arguments: '<file>',
  description:
    'Replace the database with a backup: refuses a non-empty database without --force; checks integrity and migrations',
})
export class RestoreCommand extends CommandRunner {
  constructor(
    private readonly backups: BackupService,
    private readonly database: DatabaseMaintenance,
  ) {
    super();
  }

  async run([file]: string[], options: { force?: boolean }): Promise<void> {
    const result = await this.backups.restore(file, Boolean(options.force));
    const migrations = result.appliedMigrations.length
      ? `; applied ${result.appliedMigrations.join(', ')}`
      : '';
    console.log(
      `Restored ${file} into ${this.database.describe()}: ${describeSummary(result.summary)}, ` +
        `every claim with its history, migrations current${migrations}`,
    );
  }

  @Option({ flags: '--force', description: 'Replace a database that holds data' })
  parseForce(): boolean {
    return true;
  }
}
