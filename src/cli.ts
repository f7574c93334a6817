#!/usr/bin/env node
import 'reflect-metadata';
import { CommandFactory } from 'nest-commander';
import { CliModule, ExtractCliModule } from './cli/cli.module.js';
import { ConfigError, loadConfig } from './config/app-config.js';

try {
  loadConfig();
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}

await CommandFactory.run(process.argv[2] === 'extract' ? ExtractCliModule : CliModule, {
  cliName: 'claimtrack',
  logger: ['warn', 'error'],
  // Commander has already printed usage errors and help; only its exit code is left to give.
  errorHandler: (error) => process.exit((error as { exitCode?: number }).exitCode ?? 1),
  serviceErrorHandler: (error) => {
    console.error(error.message);
    process.exit(1);
  },
});
