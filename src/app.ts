/**
 * createApp(kb): every middleware and router, without listening, so tests drive the real app.
 */
import compression from 'compression';
import ejs from 'ejs';
import express, { type Express } from 'express';
import { rateLimit } from 'express-rate-limit';
import helmet from 'helmet';
import { join } from 'node:path';
import { constants as zlib } from 'node:zlib';
import { pinoHttp } from 'pino-http';
import { apiDocsRouter } from './api/docs-route.js';
import { apiRouter } from './api/routes.js';
import { cdsHooksRouter, type CdsHooksOptions } from './cds-hooks/routes.js';
import { BODY_LIMIT_BYTES } from './list-limits.js';
import type { TrustProxy } from './config.js';
import { jsonErrorHandler, jsonNotFound, TooManyRequests } from './http/errors.js';
import { jsonMethodNotAllowed, jsonOptions } from './http/methods.js';
import type { KnowledgeBase } from './kb/knowledge-base.js';
import { createLogger, type Logger } from './logger.js';
import { projectRoot, viewsDir } from './paths.js';
import { kbRouter } from './web/kb-routes.js';
import { TEMPLATE_OPTIONS } from './web/template-options.js';
import { htmlErrorHandler, htmlNotFound } from './web/errors.js';
import { webRouter } from './web/routes.js';

export interface AppOptions {
  logger?: Logger;
  rateLimitPerMinute?: number;
  /** The proxies in front: how many, or their addresses; never "every hop". */
  trustProxy?: TrustProxy;
  /** Origin for links in JSON answers; by default the request's own protocol and host. */
  publicBaseUrl?: string;
  /** Compress answers for clients that accept br or gzip (default); off when a proxy does it. */
  compress?: boolean;
  /** CDS Hooks: the trusted clients, and how long fetching from a client's FHIR server may take. */
  cdsHooks?: CdsHooksOptions;
}


export function createApp(kb: KnowledgeBase, options: AppOptions = {}): Express {
  const logger = options.logger ?? createLogger('silent');
  const app = express();
  app.disable('x-powered-by');
  // Every answer here is no-store, and a check is a POST: an ETag would hash a patient's answer for nothing.
  app.set('etag', false);
  app.set('trust proxy', options.trustProxy ?? false);
  const views = viewsDir;
  // Includes are written from the views folder ("/partials/finding"): EJS looks a relative include
  // up on disk at every call, which for a report of a hundred lines was a tenth of its rendering.
  app.engine('ejs', (file: string, data: { cache?: boolean }, done: (error: unknown, html?: string) => void) =>
    ejs.renderFile(file, data, { ...TEMPLATE_OPTIONS, root: views, cache: data.cache === true }, done),
  );
  app.set('view engine', 'ejs');
  app.set('views', views);
  // Templates are compiled once, whatever NODE_ENV says (Express caches only in production, and EJS
  // would otherwise recompile every partial for every line of every report).
  app.set('view cache', true);

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
  if (options.compress !== false) {
    // A 20-line report is about 100 KB of JSON or HTML and a fifth of that compressed. The fastest
    // settings keep most of the gain (brotli 1: 31 KB in under a millisecond; gzip 1: 34 KB),
    // and zlib compresses off the main thread. Brotli's window is 256 KB instead of 4 MB: as large
    // as a big report, and fifty answers in flight do not each hold megabytes. /healthz and error
    // answers are under the threshold.
    app.use(compression({ threshold: 1024, level: 1, brotli: { params: { [zlib.BROTLI_PARAM_QUALITY]: 1, [zlib.BROTLI_PARAM_LGWIN]: 18 } } }));
  }
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
    // Each surface's error handler answers in its own format.
    handler: (_req, _res, next) => next(new TooManyRequests()),
    // TRUST_PROXY is validated at start-up; these checks would let any client's headers write
    // warnings about it into the operator's log.
    validate: { xForwardedForHeader: false, forwardedHeader: false },
  });

  const api = express.Router();
  api.use(limiter);
  api.use(express.json({ limit: BODY_LIMIT_BYTES, strict: false }));
  api.use('/v1', apiRouter(kb, options.publicBaseUrl));
  api.use(jsonMethodNotAllowed(app));
  api.use(jsonNotFound);
  api.use(jsonErrorHandler(logger));
  // Before every router under /api: each would answer OPTIONS for its own routes in plain text.
  app.use('/api', jsonOptions(app));
  app.use('/api', apiDocsRouter());
  app.use('/api', api);
  app.use('/cds-services', cdsHooksRouter(kb, { ...options, logger }));

  app.use(['/check', '/edit'], limiter);
  app.use(express.urlencoded({ extended: false, limit: BODY_LIMIT_BYTES, parameterLimit: 50 }));
  app.use(webRouter(kb));
  app.use('/kb', kbRouter(kb));

  app.use(htmlNotFound(kb));
  app.use(htmlErrorHandler(kb, logger));
  return app;
}
