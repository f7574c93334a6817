import { Command, CommandRunner, Option } from 'nest-commander';
import { DatabaseMaintenance } from '../database/database-maintenance.js';
import { SampleBriefingSeeder } from '../database/seed/sample-briefing.seeder.js';

@Command({
  name: 'seed',
  arguments: '[file]',
  description:
    'Load an annotated briefing (default: the sample) after migrating; skipped when the database has briefings unless --force',
})
export class SeedCommand extends CommandRunner {
  constructor(
    private readonly database: DatabaseMaintenance,
    private readonly seeder: SampleBriefingSeeder,
  ) {
    super();
  }

  async run([file]: string[], options: { force?: boolean }): Promise<void> {
    await this.database.migrate();
    const result = options.force
      ? await this.seeder.seed(await this.seeder.readFile(file))
      : await this.seeder.seedIfEmpty(file);
    console.log(
      result
        ? `Loaded briefing ${result.briefingId}: ${result.claims} claims, ${result.relations} relations`
        : 'The database already has briefings: nothing loaded (use --force to load anyway)',
    );
  }

  @Option({ flags: '--force', description: 'Load even when the database has briefings' })
  parseForce(): boolean {
    return true;
  }
}
