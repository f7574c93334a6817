import 'reflect-metadata';
import helmet from '@fastify/helmet';
import type { LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppModule } from './app.module.js';
import { loadConfig } from './config/app-config.js';

/** The HTTP application as `npm start` and the e2e suite run it; `listen` is the caller's. */
export async function createApp(logLevels: LogLevel[] | false = ['log', 'warn', 'error']) {
  const config = loadConfig();
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule,
    // A body over the limit is answered 413 before it is read in full.
    new FastifyAdapter({ bodyLimit: config.bodyLimit }),
    { logger: logLevels },
  );
  await app.register(helmet, {
    // GraphiQL (development only) runs inline scripts from its CDN page.
    contentSecurityPolicy: config.graphiql ? false : undefined,
  });
  app.enableCors({ origin: config.corsOrigins.length ? config.corsOrigins : false });
  app.enableShutdownHooks();
  await app.init();
  // Mercurius registers its routes on Fastify's ready, which init alone does not wait for.
  await app.getHttpAdapter().getInstance().ready();
  return app;
}
