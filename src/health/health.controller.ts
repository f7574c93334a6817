import { Controller, Get } from '@nestjs/common';
import { HealthCheck, HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { MigrationsHealthIndicator, RedisHealthIndicator } from './database-health.indicators.js';

/** Probes for orchestrators; open without a key, and saying nothing about the data. */
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly migrations: MigrationsHealthIndicator,
    private readonly redis: RedisHealthIndicator,
  ) {}

  /** The process is up and answering. */
  @Get('live')
  @HealthCheck()
  live() {
    return this.health.check([]);
  }

  /** It can serve: the database answers, the schema is current, Redis answers when configured. */
  @Get('ready')
  @HealthCheck()
  ready() {
    return this.health.check([
      () => this.database.pingCheck('database').withTimeout(1500),
      () => this.migrations.isApplied('migrations'),
      ...(this.redis.configured ? [() => this.redis.isReachable('redis')] : []),
    ]);
  }
}
