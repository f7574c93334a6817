#!/usr/bin/env node
import 'reflect-metadata';
import { CommandFactory } from 'nest-commander';
import { CliModule } from './cli/cli.module.js';
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

await CommandFactory.run(CliModule, {
  logger: ['warn', 'error'],
  errorHandler: (error) => {
    console.error(error.message);
    process.exit(1);
  },
});
