/**
 * CDS Hooks 2.0 at /cds-services: discovery, the order-select and order-sign services, feedback,
 * and the feedback counts for knowledge-base review. CORS for browser-based CDS clients; JWT
 * authentication of the client when trusted issuers are configured. Every answer is JSON.
 */
import cors from 'cors';
import { Router, type ErrorRequestHandler, type Request } from 'express';
import { rateLimit } from 'express-rate-limit';
import type { JWTVerifyGetKey } from 'jose';
import { FHIR_JSON, fhirJsonParser, languageOf, originOf } from '../api/routes.js';
import { TooManyResources } from '../fhir/read-body.js';
import { bodyError, jsonErrorHandler, jsonNotFound, TooManyRequests, validationError } from '../http/errors.js';
import type { KnowledgeBase } from '../kb/knowledge-base.js';
import { createLogger, type Logger } from '../logger.js';
import { clientAuth, Unauthenticated } from './auth.js';
import { checkOrders } from './check-orders.js';
import { FeedbackLedger } from './feedback.js';
import { feedbackRequest, hookCall, hookRequests } from './schemas.js';
import { serviceById, SERVICES } from './services.js';

export interface CdsHooksOptions {
  /** Issuer → the URL of its JWKS (or, in tests, a key set at hand). Without any, calls are not authenticated. */
  trustedIssuers?: Readonly<Record<string, string | JWTVerifyGetKey>>;
  /** How long fetching current medicines from a client's FHIR server may take. */
  fhirTimeoutMs?: number;
}

interface AppSettings {
  logger?: Logger;
  publicBaseUrl?: string;
  rateLimitPerMinute?: number;
  cdsHooks?: CdsHooksOptions;
}

const JSON_TYPES = ['application/json', ...FHIR_JSON];

export function cdsHooksRouter(kb: KnowledgeBase, settings: AppSettings = {}): Router {
  const logger = settings.logger ?? createLogger('silent');
  const options = settings.cdsHooks ?? {};
  const auth = clientAuth(options.trustedIssuers);
  const ledger = new FeedbackLedger();
  if (!auth.enabled) {
    logger.warn('CDS Hooks services at /cds-services are open: no trusted issuers are configured (CDS_TRUSTED_ISSUERS), so calls from any client are accepted');
  } else if (!settings.publicBaseUrl) {
    logger.warn('CDS Hooks: PUBLIC_BASE_URL is not set, so the JWT audience is checked against the host name each request gives');
  }
  const baseOf = (req: Request) => originOf(req, settings.publicBaseUrl);

  const router = Router();
  // Browser-based CDS clients call from their own origin; no cookies are used, so any origin may.
  router.use(cors({ origin: '*', methods: ['GET', 'POST', 'OPTIONS'], allowedHeaders: ['Authorization', 'Content-Type', 'Accept', 'Accept-Language'], maxAge: 600 }));
  router.use(
    rateLimit({
      windowMs: 60_000,
      limit: settings.rateLimitPerMinute ?? 120,
      standardHeaders: 'draft-7',
      legacyHeaders: false,
      handler: (_req, _res, next) => next(new TooManyRequests()),
      // As for the API: TRUST_PROXY is validated at start-up, and client headers must not write warnings into the log.
      validate: { xForwardedForHeader: false, forwardedHeader: false },
    }),
  );
  router.use(fhirJsonParser(JSON_TYPES));

  // Aggregate counts for knowledge-base review: no patient data, so no client authentication.
  router.get('/feedback-summary', (_req, res) => {
    res.json({ kb: { version: kb.meta.version }, ...ledger.summary() });
  });

  // The JWT's audience is the URL of the endpoint called (feedback: that URL, or its service's).
  router.use(
    auth.middleware((req) => {
      const url = `${baseOf(req)}${req.baseUrl}${req.path}`.replace(/\/+$/, '');
      return url.endsWith('/feedback') ? [url, url.slice(0, -'/feedback'.length)] : [url];
    }),
  );

  router.get('/', (_req, res) => {
    res.json({ services: SERVICES });
  });

  router.post('/:id', async (req, res) => {
    const service = serviceById(req.params.id);
    if (!service) {
      res.status(404).json({ error: `no CDS service "${req.params.id}"; GET /cds-services lists them`, issues: [] });
      return;
    }
    if (!req.is(JSON_TYPES)) throw bodyError('send the hook request as JSON with Content-Type: application/json');
    const call = hookCall.safeParse(req.body);
    if (!call.success) throw validationError('the request is not a CDS Hooks request', call.error.issues);
    if (call.data.hook !== service.hook) throw bodyError(`the service ${service.id} answers the ${service.hook} hook, not ${call.data.hook}`);
    const parsed = hookRequests[service.hook].safeParse(req.body);
    if (!parsed.success) throw validationError(`the ${service.hook} request is not valid`, parsed.error.issues);
    const { cards, issued } = await checkOrders(parsed.data, { kb, lang: languageOf(req), baseUrl: baseOf(req), ...(options.fhirTimeoutMs ? { fhirTimeoutMs: options.fhirTimeoutMs } : {}) });
    for (const { card, code } of issued) ledger.remember(card.uuid, code);
    res.json({ cards });
  });

  router.post('/:id/feedback', (req, res) => {
    if (!serviceById(req.params.id)) {
      res.status(404).json({ error: `no CDS service "${req.params.id}"`, issues: [] });
      return;
    }
    const parsed = feedbackRequest.safeParse(req.body);
    if (!parsed.success) throw validationError('the feedback is not valid', parsed.error.issues);
    ledger.record(parsed.data.feedback);
    res.json({});
  });

  router.use(jsonNotFound);
  const cdsErrors: ErrorRequestHandler = (error, _req, res, next) => {
    if (res.headersSent) return next(error);
    if (error instanceof Unauthenticated) {
      res.status(401).set('WWW-Authenticate', 'Bearer').json({ error: error.message, issues: [] });
      return;
    }
    if (error instanceof TooManyResources) return next(bodyError(error.message, 413));
    next(error);
  };
  router.use(cdsErrors);
  router.use(jsonErrorHandler(logger));
  return router;
}
