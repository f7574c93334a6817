import { Logger } from '@nestjs/common';
import { createApp } from './app.factory.js';
import { ApiKeysService } from './auth/api-keys.service.js';
import { APP_CONFIG, ConfigError, loadConfig, type AppConfig } from './config/app-config.js';
import { DatabaseMaintenance } from './database/database-maintenance.js';
import { SampleBriefingSeeder } from './database/seed/sample-briefing.seeder.js';

async function bootstrap() {
  try {
    loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  const app = await createApp();
  const config = app.get<AppConfig>(APP_CONFIG);
  const logger = new Logger('Claimtrack');
  const database = app.get(DatabaseMaintenance);
  await database.migrate();
  const seeded = await app.get(SampleBriefingSeeder).seedIfEmpty();
  if (seeded) logger.log(`Empty database: loaded the sample briefing (${seeded.claims} claims)`);
  const firstKey = await app.get(ApiKeysService).createFirstAdminKey();
  await app.listen({ port: config.port, host: '0.0.0.0' });
  logger.log(`Database: ${database.describe()}`);
  logger.log(`GraphQL API: http://localhost:${config.port}/graphql`);
  if (config.graphiql) logger.log(`GraphiQL: http://localhost:${config.port}/graphiql`);
  if (firstKey) {
    // Printed once: only its hash is stored.
    console.log(
      `\nNo API key existed, so an ADMIN key named "${firstKey.apiKey.name}" was created.` +
        `\nIt is shown only now; send it as "Authorization: Bearer <key>":\n\n  ${firstKey.key}\n` +
        `\nCreate more with: npm run cli -- api-key create --name NAME --role ROLE\n`,
    );
  }
}

void bootstrap();
