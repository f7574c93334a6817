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
import { HttpRefusal } from '../http/http-refusal.js';
import { CommonErrorReason, DomainError, ErrorCode } from './domain-error.js';

/** Where unexpected errors are written: a request's pino logger, or `nestErrorLog` without one. */
export interface ErrorLog {
  error(fields: { err: unknown }, message: string): void;
}

/** An ErrorLog over a Nest logger, for errors that happen outside any HTTP request. */
export function nestErrorLog(logger: Logger): ErrorLog {
  return {
    error: ({ err }, message) =>
      logger.error(
        `${message}: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`,
      ),
  };
}

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
 * and masked, so no SQL, driver text or stack reaches a client. The masked error carries the
 * request id, which is also on every log line of that request (`log` is the request's logger).
 */
export function toGraphQLError(error: unknown, log: ErrorLog, requestId?: string): GraphQLError {
  if (error instanceof GraphQLError) return error;
  if (error instanceof HttpRefusal) {
    return new GraphQLError(error.message, {
      originalError: error,
      extensions: { code: error.code, ...error.extensions },
    });
  }
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
  log.error({ err: error }, 'Unexpected error, answered as INTERNAL_SERVER_ERROR');
  return new GraphQLError('Internal server error', {
    extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR, ...(requestId ? { requestId } : {}) },
  });
}

@Catch()
export class GraphqlExceptionFilter implements ExceptionFilter {
  private readonly log = nestErrorLog(new Logger('GraphQL'));

  catch(error: unknown, host: ArgumentsHost): GraphQLError | void {
    if (host.getType<GqlContextType>() !== 'graphql') return this.replyOverHttp(error, host);
    // The request id ties the masked answer to the full log line.
    const request = GqlArgumentsHost.create(host).getContext<{ reply?: FastifyReply }>()?.reply
      ?.request;
    return toGraphQLError(error, request?.log ?? this.log, request?.id);
  }

  /** Plain HTTP routes (health probes, unknown paths) answer with their status, masked alike. */
  private replyOverHttp(error: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    if (error instanceof HttpException) {
      void reply.status(error.getStatus()).send(error.getResponse());
      return;
    }
    (reply.request?.log ?? this.log).error({ err: error }, 'Unexpected error, answered 500');
    void reply.status(500).send({ statusCode: 500, message: 'Internal server error' });
  }
}
