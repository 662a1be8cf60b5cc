/**
 * One place that turns errors into responses. Known problems with the request become 400/413
 * with a message per field; anything else is logged (without the body) and answered with a
 * generic 500, never a stack trace.
 */
import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { z } from 'zod';
import type { Logger } from '../logger.js';

export interface FieldIssue {
  path: string;
  message: string;
}

export class ValidationError extends Error {
  constructor(
    message: string,
    readonly issues: FieldIssue[],
    readonly status = 400,
  ) {
    super(message);
    this.name = 'ValidationError';
  }
}

export function fieldIssues(issues: readonly z.core.$ZodIssue[]): FieldIssue[] {
  return issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
}

export function validationError(message: string, issues: readonly z.core.$ZodIssue[]): ValidationError {
  return new ValidationError(message, fieldIssues(issues));
}

/** More requests from one client than the rate limit allows; each surface answers in its own format. */
export class TooManyRequests extends Error {
  readonly status = 429;
  constructor() {
    super('too many requests; try again in a minute');
    this.name = 'TooManyRequests';
  }
}

interface BodyParserError {
  type?: string;
  status?: number;
}

/** A problem with the body as a whole: its issue has the empty path, as zod gives the root. */
export const bodyError = (message: string, status = 400) => new ValidationError(message, [{ path: '', message }], status);

export function toClientError(error: unknown): ValidationError | undefined {
  if (error instanceof ValidationError) return error;
  if (error instanceof TooManyRequests) return new ValidationError(error.message, [], 429);
  const e = error as BodyParserError;
  if (e?.type === 'entity.too.large') return bodyError('the request is too large: at most 100 lines of 500 characters are checked at once', 413);
  if (e?.type === 'entity.parse.failed') return bodyError('the body is not valid JSON');
  if (e?.type === 'encoding.unsupported' || e?.type === 'charset.unsupported') return bodyError('the body must be sent as UTF-8');
  if (typeof e?.status === 'number' && e.status >= 400 && e.status < 500) return bodyError('the request could not be read');
  return undefined;
}

export function jsonErrorHandler(logger: Logger): ErrorRequestHandler {
  return (error, req, res, next) => {
    if (res.headersSent) return next(error);
    const client = toClientError(error);
    if (client) {
      res.status(client.status).json({ error: client.message, issues: client.issues });
      return;
    }
    logger.error({ err: error, path: req.path }, 'unexpected error');
    res.status(500).json({ error: 'something went wrong on our side; the list was not checked', issues: [] });
  };
}

export const jsonNotFound: RequestHandler = (_req, res) => {
  res.status(404).json({ error: 'no such endpoint', issues: [] });
};
