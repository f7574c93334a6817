import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { InjectDataSource } from '@nestjs/typeorm';
import { Redis } from 'ioredis';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';

/** Ready only once every migration the code knows of has been applied. */
@Injectable()
export class MigrationsHealthIndicator {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly health: HealthIndicatorService,
  ) {}

  async isApplied(key: string) {
    const session = this.health.check(key);
    return (await this.dataSource.showMigrations())
      ? session.down({ message: 'migrations are pending: run `claimtrack migrate`' })
      : session.up();
  }
}

/** Redis carries subscription events between instances; it counts only when configured. */
@Injectable()
export class RedisHealthIndicator implements OnApplicationShutdown {
  private readonly client: Redis | null;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly health: HealthIndicatorService,
  ) {
    this.client = config.redisUrl
      ? new Redis(config.redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 })
      : null;
  }

  get configured(): boolean {
    return this.client !== null;
  }

  async isReachable(key: string) {
    const session = this.health.check(key);
    try {
      await this.client?.ping();
      return session.up();
    } catch (error) {
      return session.down({ message: (error as Error).message });
    }
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.client?.status === 'ready') await this.client.quit();
    else this.client?.disconnect();
  }
}
