import { Module } from '@nestjs/common';
import { ConfigModule } from '../config/config.module.js';
import { DatabaseModule } from '../database/database.module.js';
import { SeedModule } from '../database/seed/seed.module.js';
import { MigrateCommand } from './migrate.command.js';
import { SchemaCommand } from './schema.command.js';
import { SeedCommand } from './seed.command.js';

/** The services the commands need, without the HTTP server. */
@Module({
  imports: [ConfigModule, DatabaseModule, SeedModule],
  providers: [MigrateCommand, SeedCommand, SchemaCommand],
})
export class CliModule {}
