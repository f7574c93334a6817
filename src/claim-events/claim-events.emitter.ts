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
    if (!config.redisUrl) {
      this.emitter = mqemitter();
      return;
    }
    const redis = redisEmitter({ connectionString: config.redisUrl });
    // Without a listener a lost Redis connection would crash the process; ioredis reconnects,
    // and readiness (/health/ready) reports Redis down meanwhile.
    let lastWarning = 0;
    // `state` is the emitter's (untyped) event bus for connection errors.
    (redis as unknown as { state: NodeJS.EventEmitter }).state.on('error', (error: Error) => {
      if (Date.now() - lastWarning < 10_000) return;
      lastWarning = Date.now();
      this.logger.warn(`Redis unreachable, subscription events wait: ${error.message}`);
    });
    this.emitter = redis;
    this.logger.log('Subscription events travel through Redis');
  }

  onApplicationShutdown(): Promise<void> {
    return new Promise((resolve) => this.emitter.close(() => resolve()));
  }
}
