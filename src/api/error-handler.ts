/**
 * The one place where errors become HTTP responses: domain errors by class, request-validation
 * errors from the zod type provider with their field paths, body-parser errors with what went wrong.
 */
import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { ConflictError, InputError, NotFoundError, formatPath } from '../domain/index.js';

export interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
  issues?: { path: string; message: string }[];
  details?: Record<string, unknown>;
}

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  404: 'Not Found',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  500: 'Internal Server Error',
};

function body(statusCode: number, message: string, extra: Partial<ErrorBody> = {}): ErrorBody {
  return { statusCode, error: STATUS_TEXT[statusCode] ?? 'Error', message, ...extra };
}

export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, request, reply) => {
    if (hasZodFastifySchemaValidationErrors(err)) {
      const where = err.validationContext ?? 'body';
      const issues = err.validation.map((v) => ({
        path: formatPath([
          where,
          ...v.instancePath
            .split('/')
            .filter(Boolean)
            .map((p) => (/^\d+$/.test(p) ? Number(p) : p)),
        ]),
        message: v.message ?? 'invalid',
      }));
      return reply
        .code(400)
        .send(body(400, `invalid request: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`, { issues }));
    }
    if (err instanceof InputError)
      return reply.code(400).send(
        body(400, err.message, {
          issues: err.issues.map((i) => ({ path: formatPath(i.path), message: i.message })),
          ...(err.details ? { details: err.details } : {}),
        }),
      );
    if (err instanceof NotFoundError) return reply.code(404).send(body(404, err.message));
    if (err instanceof ConflictError) return reply.code(409).send(body(409, err.message, { details: err.details }));
    if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE')
      return reply
        .code(413)
        .send(
          body(
            413,
            `the request body is larger than the limit of ${request.routeOptions.bodyLimit ?? app.initialConfig.bodyLimit} bytes`,
          ),
        );
    if (err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return reply.code(415).send(body(415, err.message));
    if (typeof err.statusCode === 'number' && err.statusCode >= 400 && err.statusCode < 500)
      return reply.code(err.statusCode).send(body(err.statusCode, err.message));
    request.log.error(err);
    return reply.code(500).send(body(500, 'internal error; the server log has the details'));
  });
}

/** The 404 answer for a route that does not exist. */
export const notFoundBody = (method: string, url: string): ErrorBody => body(404, `no route ${method} ${url}`);
