import 'reflect-metadata';
import helmet from '@fastify/helmet';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { LogController } from 'fastify';
import type { DestinationStream } from 'pino';
import { AppModule } from './app.module.js';
import { loadConfig, type LogLevel } from './config/app-config.js';
import {
  bodyLimitGate,
  countChunkedBody,
  refuseOversizedBodyEarly,
} from './common/http/body-limit.js';
import { registerRateLimits } from './common/http/rate-limit.js';
import { requestTimeoutHooks } from './common/http/request-timeout.js';
import { safelistAt } from './common/graphql/persisted-queries.js';
import {
  announceRequest,
  createLogger,
  logRequestCompleted,
  REQUEST_ID_LABEL,
  requestIdOf,
} from './common/logging/logger.js';
import { PinoNestLogger } from './common/logging/pino-nest-logger.js';

export interface CreateAppOptions {
  /** Overrides LOG_LEVEL. */
  logLevel?: LogLevel;
  /** Where the JSON log lines go; standard output by default. */
  logDestination?: DestinationStream;
}

/** The HTTP application as `npm start` and the e2e suite run it; `listen` is the caller's. */
export async function createApp(options: CreateAppOptions = {}) {
  const config = loadConfig();
  const { trustProxy } = config;
  const logger = createLogger(options.logLevel ?? config.logLevel, options.logDestination);
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule,
    new FastifyAdapter({
      // Fastify refuses a body over the larger limit before reading it in full; between the
      // two, only an ingestBriefing request gets through (bodyLimitGate).
      bodyLimit: Math.max(config.bodyLimit, config.ingestBodyLimit),
      // A number of hops is a function for Fastify's types; proxy-addr reads it the same way.
      trustProxy:
        typeof trustProxy === 'number'
          ? (_address: string, hop: number) => hop < trustProxy
          : trustProxy,
      loggerInstance: logger,
      genReqId: requestIdOf,
      // One line per request, written by logRequestCompleted, instead of Fastify's two.
      logController: new LogController({
        disableRequestLogging: true,
        requestIdLogLabel: REQUEST_ID_LABEL,
      }),
    }),
    { logger: new PinoNestLogger(logger) },
  );
  const fastify = app.getHttpAdapter().getInstance();
  // First, so that refusals (429, 413, 503) carry the security and CORS headers too.
  await app.register(helmet, {
    // GraphiQL (development only) runs inline scripts from its CDN page.
    contentSecurityPolicy: config.graphiql ? false : undefined,
  });
  app.enableCors({ origin: config.corsOrigins.length ? config.corsOrigins : false });
  await fastify.after();
  fastify.addHook('onRequest', announceRequest);
  fastify.addHook('onResponse', logRequestCompleted);
  const timeout = requestTimeoutHooks(config.requestTimeoutMs);
  fastify.addHook('onRequest', timeout.onRequest);
  await registerRateLimits(fastify, config.rateLimit, config.redisUrl);
  const safelist = config.persistedQueriesPath ? safelistAt(config.persistedQueriesPath) : null;
  fastify.addHook('preParsing', countChunkedBody);
  fastify.addHook('preParsing', refuseOversizedBodyEarly(config, config.queryLimits.maxTokens));
  fastify.addHook(
    'preHandler',
    bodyLimitGate(config, config.queryLimits.maxTokens, (body) =>
      safelist ? safelist.queryFor(body) : (body as { query?: unknown } | undefined)?.query,
    ),
  );
  fastify.addHook('preHandler', timeout.preHandler);
  app.enableShutdownHooks();
  await app.init();
  // Mercurius registers its routes on Fastify's ready, which init alone does not wait for.
  await fastify.ready();
  return app;
}
