import {
  Catch,
  HttpException,
  Logger,
  type ArgumentsHost,
  type ExceptionFilter,
} from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { DomainError, ErrorCode } from '../common/errors/domain-error.js';

const HTTP_STATUS: Record<DomainError['code'], number> = {
  [ErrorCode.BAD_USER_INPUT]: 400,
  [ErrorCode.UNAUTHENTICATED]: 401,
  [ErrorCode.FORBIDDEN]: 403,
  [ErrorCode.NOT_FOUND]: 404,
  [ErrorCode.CONFLICT]: 409,
};

/**
 * Domain errors of plain HTTP routes as JSON with an HTTP status and the same stable `code`
 * and `reason` that GraphQL puts in `extensions`; anything unknown is logged and masked.
 */
@Catch()
export class HttpDomainErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  catch(error: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    if (error instanceof DomainError) {
      const status = HTTP_STATUS[error.code];
      void reply.status(status).send({
        statusCode: status,
        code: error.code,
        reason: error.reason,
        message: error.message,
        ...error.details,
      });
      return;
    }
    if (error instanceof HttpException) {
      void reply.status(error.getStatus()).send(error.getResponse());
      return;
    }
    this.logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    void reply.status(500).send({
      statusCode: 500,
      code: ErrorCode.INTERNAL_SERVER_ERROR,
      message: 'Internal server error',
    });
  }
}
