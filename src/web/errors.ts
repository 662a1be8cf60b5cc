/**
 * The pages' twin of http/errors.ts: known problems with the request become a page in the
 * user's language with the right status; anything else is logged (without the body) and answered
 * with a generic page, never a stack trace.
 */
import type { ErrorRequestHandler, RequestHandler } from 'express';
import { toClientError } from '../http/errors.js';
import type { KnowledgeBase } from '../kb/knowledge-base.js';
import type { Logger } from '../logger.js';
import { readOptions } from './page-options.js';
import { pageLocals } from './routes.js';

export function htmlNotFound(kb: KnowledgeBase): RequestHandler {
  return (req, res) => {
    const locals = pageLocals(readOptions(req.query), kb);
    res.status(404).render('error', { ...locals, message: locals.t.errors.notFound });
  };
}

export function htmlErrorHandler(kb: KnowledgeBase, logger: Logger): ErrorRequestHandler {
  return (error, req, res, next) => {
    if (res.headersSent) return next(error);
    const locals = pageLocals(readOptions(req.query), kb);
    const client = toClientError(error);
    if (client) {
      const message = client.status === 413 ? locals.t.errors.tooLarge : client.status === 429 ? locals.t.errors.tooManyRequests : client.message;
      res.status(client.status).render('error', { ...locals, message });
      return;
    }
    logger.error({ err: error, path: req.path }, 'unexpected error');
    res.status(500).render('error', { ...locals, message: locals.t.errors.server });
  };
}
