/**
 * createApp(kb): every middleware and router, without listening, so tests drive the real app.
 */
import ejs from 'ejs';
import express, { type ErrorRequestHandler, type Express } from 'express';
import { rateLimit } from 'express-rate-limit';
import helmet from 'helmet';
import { join } from 'node:path';
import { pinoHttp } from 'pino-http';
import { apiRouter } from './api/routes.js';
import { jsonErrorHandler, jsonNotFound, toClientError } from './http/errors.js';
import type { KnowledgeBase } from './kb/knowledge-base.js';
import { createLogger, type Logger } from './logger.js';
import { projectRoot } from './paths.js';
import { kbRouter } from './web/kb-routes.js';
import { readOptions } from './web/page-options.js';
import { pageLocals, webRouter } from './web/routes.js';

export interface AppOptions {
  logger?: Logger;
  rateLimitPerMinute?: number;
  trustProxy?: boolean;
  /** Origin for links in JSON answers; by default the request's own protocol and host. */
  publicBaseUrl?: string;
}

/**
 * Bodies up to this size: 100 lines of 500 characters fit even when every character is sent as a
 * JSON escape ("\u00e9", six bytes), with room for the patient fields.
 */
const BODY_LIMIT = '320kb';

export function createApp(kb: KnowledgeBase, options: AppOptions = {}): Express {
  const logger = options.logger ?? createLogger('silent');
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', options.trustProxy ?? false);
  app.engine('ejs', ejs.renderFile);
  app.set('view engine', 'ejs');
  app.set('views', join(projectRoot, 'views'));

  app.use(
    pinoHttp({
      logger,
      // A medication list is patient data: log the path only, never bodies or query strings.
      serializers: {
        req: (req: { method: string; url: string }) => ({ method: req.method, path: req.url.split('?')[0] }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
      autoLogging: { ignore: (req) => req.url === '/healthz' },
    }),
  );
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'"],
          imgSrc: ["'self'", 'data:'],
          formAction: ["'self'"],
          frameAncestors: ["'none'"],
          upgradeInsecureRequests: null,
        },
      },
      // Pages may hold a patient's list: never keep them in shared caches.
      referrerPolicy: { policy: 'no-referrer' },
    }),
  );
  app.use((_req, res, next) => {
    res.set('Cache-Control', 'no-store');
    next();
  });

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok', kb: { version: kb.meta.version, reviewedOn: kb.meta.reviewedOn } });
  });

  app.use('/public', express.static(join(projectRoot, 'public'), { maxAge: '1h', index: false }));

  const limiter = rateLimit({
    windowMs: 60_000,
    limit: options.rateLimitPerMinute ?? 120,
    standardHeaders: 'draft-7',
    legacyHeaders: false,
    handler: (req, res) => {
      // req.path is relative to the router the limiter sits in; the original URL says which it is.
      if (req.originalUrl.startsWith('/api/')) res.status(429).json({ error: 'too many requests; try again in a minute', issues: [] });
      else {
        const locals = pageLocals(readOptions(req.query), kb);
        res.status(429).render('error', { ...locals, message: locals.t.errors.tooManyRequests });
      }
    },
  });

  const api = express.Router();
  api.use(limiter);
  api.use(express.json({ limit: BODY_LIMIT, strict: false }));
  api.use('/v1', apiRouter(kb, options.publicBaseUrl));
  api.use(jsonNotFound);
  api.use(jsonErrorHandler(logger));
  app.use('/api', api);

  app.use(['/check', '/edit'], limiter);
  app.use(express.urlencoded({ extended: false, limit: BODY_LIMIT, parameterLimit: 50 }));
  app.use(webRouter(kb));
  app.use('/kb', kbRouter(kb));

  app.use((req, res) => {
    const options = readOptions(req.query);
    res.status(404).render('error', { ...pageLocals(options, kb), message: pageLocals(options, kb).t.errors.notFound });
  });
  const htmlErrors: ErrorRequestHandler = (error, req, res, next) => {
    if (res.headersSent) return next(error);
    const options = readOptions(req.query);
    const locals = pageLocals(options, kb);
    const client = toClientError(error);
    if (client) {
      res.status(client.status).render('error', { ...locals, message: client.status === 413 ? locals.t.errors.tooLarge : client.message });
      return;
    }
    logger.error({ err: error, path: req.path }, 'unexpected error');
    res.status(500).render('error', { ...locals, message: locals.t.errors.server });
  };
  app.use(htmlErrors);
  return app;
}
