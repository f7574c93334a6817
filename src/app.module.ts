import { Module } from '@nestjs/common';
import { APP_FILTER, APP_PIPE, DiscoveryModule, DiscoveryService, Reflector } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { MercuriusDriver, type MercuriusDriverConfig } from '@nestjs/mercurius';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ActorsModule } from './actors/actors.module.js';
import { ApiKeysService } from './auth/api-keys.service.js';
import { AuthModule } from './auth/auth.module.js';
import { leanFieldResolvers } from './auth/lean-field-resolvers.js';
import { BriefingsModule } from './briefings/briefings.module.js';
import { ClaimEventsEmitter } from './claim-events/claim-events.emitter.js';
import { ClaimEventsModule } from './claim-events/claim-events.module.js';
import { ClaimGraphModule } from './claim-graph/claim-graph.module.js';
import { ClaimRelationsModule } from './claim-relations/claim-relations.module.js';
import { ClaimsModule } from './claims/claims.module.js';
import { GraphqlExceptionFilter } from './common/errors/graphql-exception.filter.js';
import { InputValidationPipe } from './common/errors/input-validation.pipe.js';
import { DateTimeScalar } from './common/graphql/date-time.scalar.js';
import { createErrorFormatter } from './common/graphql/error-formatter.js';
import { safelistAt } from './common/graphql/persisted-queries.js';
import { bindOperationToLog } from './common/logging/graphql-operation.js';
import { logPrincipal } from './common/logging/logger.js';
import { costLimitHook, queryLimitRules } from './common/graphql/query-limits.js';
import { applyNonNullVariableDefaults } from './common/graphql/non-null-variable-defaults.js';
import { RequestLoaders, type GraphqlContext } from './common/loaders/request-loaders.js';
import { once } from './common/once.js';
import { APP_CONFIG, type AppConfig } from './config/app-config.js';
import { ConfigModule } from './config/config.module.js';
import { DatabaseModule } from './database/database.module.js';
import { GraphExportModule } from './graph-export/graph-export.module.js';
import { HealthModule } from './health/health.module.js';
import { IngestionModule } from './ingestion/ingestion.module.js';
import { SeedModule } from './database/seed/seed.module.js';
import { VerificationModule } from './verification/verification.module.js';

export const SCHEMA_FILE = 'schema.gql';

@Module({
  imports: [
    ConfigModule,
    DatabaseModule,
    AuthModule,
    GraphQLModule.forRootAsync<MercuriusDriverConfig>({
      driver: MercuriusDriver,
      imports: [AuthModule, ClaimEventsModule, DiscoveryModule],
      inject: [APP_CONFIG, ApiKeysService, ClaimEventsEmitter, DiscoveryService, Reflector],
      useFactory: (
        config: AppConfig,
        apiKeys: ApiKeysService,
        events: ClaimEventsEmitter,
        discovery: DiscoveryService,
        reflector: Reflector,
      ): MercuriusDriverConfig => ({
        // Development rewrites the committed schema on boot; elsewhere it stays in memory and
        // `claimtrack schema --check` proves the committed file matches the code.
        autoSchemaFile: config.nodeEnv === 'development' ? SCHEMA_FILE : true,
        sortSchema: true,
        buildSchemaOptions: { scalarsMap: [{ type: Date, scalar: DateTimeScalar }] },
        path: '/graphql',
        graphiql: config.graphiql,
        // Compile a query to JavaScript once it has been seen this often.
        jit: 1,
        context: (request: FastifyRequest, reply: FastifyReply): GraphqlContext => ({
          loaders: new RequestLoaders(),
          authenticate: once(() =>
            apiKeys.authenticate(request.headers.authorization).then(logPrincipal(reply)),
          ),
        }),
        subscription: {
          emitter: events.emitter,
          // graphql-ws sends the key in connection_init; without a valid one the socket closes.
          onConnect: async ({ payload }: { payload?: { authorization?: string } }) => {
            const principal = await apiKeys
              .authenticate(payload?.authorization ?? undefined)
              .catch(() => null);
            if (!principal) return false;
            const context: GraphqlContext = {
              loaders: new RequestLoaders({ cache: false }),
              principal,
              authenticate: () => Promise.resolve(principal),
            };
            return context;
          },
        },
        errorFormatter: createErrorFormatter({
          maxTokens: config.queryLimits.maxTokens,
          hideSuggestions: config.nodeEnv === 'production',
        }),
        graphql: { parseOptions: { maxTokens: config.queryLimits.maxTokens } },
        validationRules: queryLimitRules(config.queryLimits, config.nodeEnv === 'production'),
        // One operation per request: a batch would multiply every other limit.
        allowBatchedQueries: false,
        // Safelist mode: only the queries in the PERSISTED_QUERIES file run.
        ...(config.persistedQueriesPath
          ? { persistedQueryProvider: safelistAt(config.persistedQueriesPath).provider() }
          : {}),
        hooks: {
          preExecution: [
            bindOperationToLog,
            applyNonNullVariableDefaults,
            costLimitHook(config.queryLimits.maxCost),
          ],
        },
        // Without this the global guard would skip @ResolveField methods. Field errors need no
        // filter: the error formatter maps them the same way, so each field is wrapped once less.
        fieldResolverEnhancers: ['guards'],
        // ...but a field whose role check is all that pipeline would do is resolved directly.
        transformResolvers: leanFieldResolvers(discovery, reflector),
      }),
    }),
    ActorsModule,
    BriefingsModule,
    ClaimsModule,
    VerificationModule,
    ClaimRelationsModule,
    ClaimGraphModule,
    GraphExportModule,
    IngestionModule,
    ClaimEventsModule,
    HealthModule,
    SeedModule,
  ],
  providers: [
    { provide: APP_PIPE, useClass: InputValidationPipe },
    { provide: APP_FILTER, useClass: GraphqlExceptionFilter },
  ],
})
export class AppModule {}
