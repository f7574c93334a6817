import { Logger as NestLogger } from '@nestjs/common';
import type { Logger, QueryRunner } from 'typeorm';

/**
 * TypeORM's logger: counts every statement sent (so tests and benchmarks can prove a page costs
 * a constant number of queries) and reports failures and slow queries through Nest's logger.
 */
export class QueryCountingLogger implements Logger {
  private readonly logger = new NestLogger('Database');
  queryCount = 0;

  logQuery(_query: string, _parameters?: unknown[], _runner?: QueryRunner): void {
    this.queryCount++;
  }

  logQueryError(error: string | Error, query: string): void {
    this.logger.warn(`Query failed: ${error instanceof Error ? error.message : error} -- ${query}`);
  }

  logQuerySlow(time: number, query: string): void {
    this.logger.warn(`Slow query (${time} ms): ${query}`);
  }

  logSchemaBuild(): void {}

  logMigration(message: string): void {
    this.logger.log(message);
  }

  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (level === 'warn') this.logger.warn(String(message));
  }
}
