import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module.js';
import { ConfigModule } from '../config/config.module.js';
import { BackupService } from '../database/backup.service.js';
import { DatabaseModule } from '../database/database.module.js';
import { GraphExportModule } from '../graph-export/graph-export.module.js';
import { SeedModule } from '../database/seed/seed.module.js';
import { IngestionModule } from '../ingestion/ingestion.module.js';
import {
  ApiKeyCommand,
  ApiKeyCreateCommand,
  ApiKeyListCommand,
  ApiKeyRevokeCommand,
} from './api-key.command.js';
import { BackupCommand, RestoreCommand } from './backup.command.js';
import { IngestCommand } from './ingest.command.js';
import { ExportCommand } from './export.command.js';
import { ExtractCommand } from './extract.command.js';
import { MigrateCommand } from './migrate.command.js';
import { SchemaCommand } from './schema.command.js';
import { SeedCommand } from './seed.command.js';

/** The services the commands need, without the HTTP server. */
@Module({
  imports: [
    ConfigModule,
    DatabaseModule,
    SeedModule,
    AuthModule,
    IngestionModule,
    GraphExportModule,
  ],
  providers: [
    MigrateCommand,
    SeedCommand,
    IngestCommand,
    SchemaCommand,
    ApiKeyCommand,
    ApiKeyCreateCommand,
    ApiKeyListCommand,
    ApiKeyRevokeCommand,
    BackupService,
    BackupCommand,
    RestoreCommand,
    ExportCommand,
    ExtractCommand,
  ],
})
export class CliModule {}

/** `extract` reads a text and prints its claims: it needs no database, so it opens none. */
@Module({ providers: [ExtractCommand] })
export class ExtractCliModule {}
