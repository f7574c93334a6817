/** The `extensions.code` of a request refused at the HTTP level, before GraphQL runs it. */
export enum HttpRefusalCode {
  RATE_LIMITED = 'RATE_LIMITED',
  PAYLOAD_TOO_LARGE = 'PAYLOAD_TOO_LARGE',
  TIMEOUT = 'TIMEOUT',
}

/**
 * Thrown from a Fastify hook: on /graphql Mercurius's error handler and our error formatter turn
 * it into `{ data: null, errors: [{ message, extensions: { code, ...extensions } }] }` with
 * `statusCode`; on other routes Fastify answers `{ statusCode, code, message }`.
 */
export class HttpRefusal extends Error {
  override readonly name = 'HttpRefusal';

  constructor(
    readonly statusCode: number,
    readonly code: HttpRefusalCode,
    message: string,
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(message);
  }
}
