import { Logger } from '@nestjs/common';
import { createApp } from './app.factory.js';
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
  await app.listen({ port: config.port, host: '0.0.0.0' });
  logger.log(`Database: ${database.describe()}`);
  logger.log(`GraphQL API: http://localhost:${config.port}/graphql`);
  if (config.graphiql) logger.log(`GraphiQL: http://localhost:${config.port}/graphiql`);
}

void bootstrap();
