import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { LogLevel } from '@nestjs/common';
import { AppModule } from './app.module.js';

/** The HTTP application as `npm start` and the e2e suite run it; `listen` is the caller's. */
export async function createApp(logLevels: LogLevel[] | false = ['log', 'warn', 'error']) {
  const app = await NestFactory.create<NestFastifyApplication>(AppModule, new FastifyAdapter(), {
    logger: logLevels,
  });
  app.enableShutdownHooks();
  await app.init();
  // Mercurius registers its routes on Fastify's ready, which init alone does not wait for.
  await app.getHttpAdapter().getInstance().ready();
  return app;
}
