import { Logger } from '@nestjs/common';
import { GraphQLError } from 'graphql';
import mercurius, { type MercuriusContext } from 'mercurius';
import { ErrorCode } from '../errors/domain-error.js';
import { nestErrorLog, toGraphQLError, type ErrorLog } from '../errors/graphql-exception.filter.js';
import { HttpRefusal } from '../http/http-refusal.js';
import { tokenLimitError } from './query-limits.js';

type Execution = Parameters<NonNullable<mercurius.MercuriusOptions['errorFormatter']>>[0];

const fallbackLog = nestErrorLog(new Logger('GraphQL'));

/** Mercurius's refusal of a query that is not on the safelist (PERSISTED_QUERIES). */
const PERSISTED_QUERY_NOT_FOUND = 'MER_ERR_GQL_PERSISTED_QUERY_NOT_FOUND';

/** Request-level errors from graphql-js carry no code: give them the conventional ones. */
function requestErrorCode(error: GraphQLError): string {
  if (error.message.startsWith('Syntax Error')) return 'GRAPHQL_PARSE_FAILED';
  if (error.message.startsWith('Variable "$')) return ErrorCode.BAD_USER_INPUT;
  return 'GRAPHQL_VALIDATION_FAILED';
}

function withCode(error: GraphQLError, log: ErrorLog, requestId?: string): GraphQLError {
  if (error.extensions?.code) return error;
  const original = error.originalError;
  // Our own refusals from Fastify hooks (rate limit, body limit, timeout): status and code kept.
  if (original instanceof HttpRefusal) return toGraphQLError(original, log);
  if ((original as { code?: unknown } | undefined)?.code === PERSISTED_QUERY_NOT_FOUND) {
    return new GraphQLError(error.message, {
      originalError: original,
      extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' },
    });
  }
  const status = (original as { statusCode?: unknown } | undefined)?.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    // Fastify's own refusals (a body over the limit, bad JSON): keep their status and message.
    return new GraphQLError(error.message, {
      originalError: original,
      extensions: { code: status === 413 ? 'PAYLOAD_TOO_LARGE' : 'BAD_REQUEST' },
    });
  }
  if (original && !(original instanceof GraphQLError)) {
    // Thrown outside the resolvers' exception filter: classify (and mask) it the same way.
    const mapped = toGraphQLError(original, log, requestId);
    return new GraphQLError(mapped.message, {
      nodes: error.nodes,
      path: error.path,
      extensions: mapped.extensions,
    });
  }
  return new GraphQLError(error.message, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    path: error.path,
    extensions: { code: requestErrorCode(error) },
  });
}

export interface ErrorFormatterOptions {
  maxTokens: number;
  /** Production hides "Did you mean …?", which would hand the schema out field by field. */
  hideSuggestions: boolean;
}

/** Mercurius's formatter, after making sure every error has a stable `extensions.code`. */
export const createErrorFormatter =
  (options: ErrorFormatterOptions) => (execution: Execution, context: MercuriusContext) => {
    const errors = execution.errors.flatMap((error) => {
      const nested = (error.originalError as { errors?: unknown } | undefined)?.errors;
      if (!Array.isArray(nested)) return [error];
      // Mercurius wraps a failed validation as one error holding graphql-js's list.
      return nested.map((e: unknown) =>
        e instanceof GraphQLError ? e : new GraphQLError(String((e as Error)?.message ?? e)),
      );
    });
    const request = context.reply?.request;
    const coded = errors.map(
      (error) =>
        tokenLimitError(error, options.maxTokens) ??
        withCode(error, request?.log ?? fallbackLog, request?.id),
    );
    return mercurius.defaultErrorFormatter(
      { ...execution, errors: options.hideSuggestions ? coded.map(withoutSuggestions) : coded },
      request ? demoteErrorLines(context) : context,
    );
  };

/**
 * Mercurius writes every error it formats at info, stack and all. Those are the client's
 * errors (bad input, refusals, a flood of 429s); unexpected ones were already logged at error
 * by toGraphQLError. So its lines go to debug.
 */
function demoteErrorLines(context: MercuriusContext): MercuriusContext {
  const log = context.reply.log;
  return {
    ...context,
    reply: { log: { info: log.debug.bind(log) } },
  } as unknown as MercuriusContext;
}

function withoutSuggestions(error: GraphQLError): GraphQLError {
  const message = error.message.replace(/ Did you mean .+\?$/, '');
  return message === error.message
    ? error
    : new GraphQLError(message, {
        nodes: error.nodes,
        path: error.path,
        extensions: error.extensions,
      });
}
