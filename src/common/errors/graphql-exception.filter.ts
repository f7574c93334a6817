import {
  Catch,
  HttpException,
  Logger,
  type ArgumentsHost,
  type ExceptionFilter,
} from '@nestjs/common';
import { GqlArgumentsHost, type GqlContextType } from '@nestjs/graphql';
import type { FastifyReply } from 'fastify';
import { GraphQLError } from 'graphql';
import { QueryFailedError } from 'typeorm';
import { CommonErrorReason, DomainError, ErrorCode } from './domain-error.js';

/** PostgreSQL's unique_violation, and better-sqlite3's codes for UNIQUE and PRIMARY KEY. */
const UNIQUE_VIOLATION_CODES = new Set([
  '23505',
  'SQLITE_CONSTRAINT_UNIQUE',
  'SQLITE_CONSTRAINT_PRIMARYKEY',
]);

function isUniqueViolation(error: unknown): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const code = (error.driverError as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' && UNIQUE_VIOLATION_CODES.has(code);
}

/**
 * The one place where errors become GraphQL errors: domain errors keep their code, reason and
 * details; a unique violation on either driver is a CONFLICT; anything else is logged in full
 * and masked, so no SQL, driver text or stack reaches a client.
 */
export function toGraphQLError(error: unknown, logger: Logger, requestId?: string): GraphQLError {
  if (error instanceof GraphQLError) return error;
  if (error instanceof DomainError) {
    return new GraphQLError(error.message, {
      extensions: { code: error.code, reason: error.reason, ...error.details },
    });
  }
  if (isUniqueViolation(error)) {
    return new GraphQLError('The record conflicts with one that already exists', {
      extensions: { code: ErrorCode.CONFLICT, reason: CommonErrorReason.UNIQUE_VIOLATION },
    });
  }
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  logger.error(requestId ? `[request ${requestId}] ${detail}` : detail);
  return new GraphQLError('Internal server error', {
    extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR, ...(requestId ? { requestId } : {}) },
  });
}

@Catch()
export class GraphqlExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('GraphQL');

  catch(error: unknown, host: ArgumentsHost): GraphQLError | void {
    if (host.getType<GqlContextType>() !== 'graphql') return this.replyOverHttp(error, host);
    // The request id ties the masked answer to the full log line.
    const context = GqlArgumentsHost.create(host).getContext<{ reply?: FastifyReply }>();
    return toGraphQLError(error, this.logger, context?.reply?.request.id);
  }

  /** Plain HTTP routes (health probes, unknown paths) answer with their status, masked alike. */
  private replyOverHttp(error: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    if (error instanceof HttpException) {
      void reply.status(error.getStatus()).send(error.getResponse());
      return;
    }
    this.logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    void reply.status(500).send({ statusCode: 500, message: 'Internal server error' });
  }
}
