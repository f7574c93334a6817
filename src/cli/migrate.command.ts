import { Command, CommandRunner, Option } from 'nest-commander';
import { DatabaseMaintenance } from '../database/database-maintenance.js';

@Command({
  name: 'migrate',
  description: 'Apply pending database migrations (or revert the last one)',
})
export class MigrateCommand extends CommandRunner {
  constructor(private readonly database: DatabaseMaintenance) {
    super();
  }

  async run(_params: string[], options: { revert?: boolean }): Promise<void> {
    if (options.revert) {
      await this.database.revertLastMigration();
      console.log(`Reverted the last migration on ${this.database.describe()}`);
      return;
    }
    const applied = await this.database.migrate();
    console.log(
      applied.length
        ? `Applied ${applied.length} migration(s) on ${this.database.describe()}: ${applied.join(', ')}`
        : `${this.database.describe()} is up to date`,
    );
  }

  @Option({ flags: '--revert', description: 'Revert the most recent migration' })
  parseRevert(): boolean {
    return true;
  }
}
