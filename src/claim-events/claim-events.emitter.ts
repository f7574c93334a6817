import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import mqemitter from 'mqemitter';
import redisEmitter from 'mqemitter-redis';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';

/**
 * The bus subscription events travel on: in-process by default; through Redis when REDIS_URL is
 * set, so a change made on one instance reaches subscribers on all of them.
 */
@Injectable()
export class ClaimEventsEmitter implements OnApplicationShutdown {
  readonly emitter: mqemitter.MQEmitter;
  private readonly logger = new Logger('ClaimEvents');

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.emitter = config.redisUrl
      ? redisEmitter({ connectionString: config.redisUrl })
      : mqemitter();
    if (config.redisUrl) this.logger.log('Subscription events travel through Redis');
  }

  onApplicationShutdown(): Promise<void> {
    return new Promise((resolve) => this.emitter.close(() => resolve()));
  }
}
