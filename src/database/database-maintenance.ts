import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** Schema upkeep shared by `npm start`, `claimtrack migrate` and the test suite. */
@Injectable()
export class DatabaseMaintenance {
  private readonly logger = new Logger('Database');

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async migrate(): Promise<string[]> {
    const applied = await this.dataSource.runMigrations({ transaction: 'each' });
    for (const migration of applied) this.logger.log(`Applied migration ${migration.name}`);
    return applied.map((migration) => migration.name);
  }

  async revertLastMigration(): Promise<void> {
    await this.dataSource.undoLastMigration({ transaction: 'each' });
  }

  describe(): string {
    const options = this.dataSource.options;
    return options.type === 'better-sqlite3'
      ? `SQLite at ${String(options.database)}`
      : 'PostgreSQL';
  }
}
