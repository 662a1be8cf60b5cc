/** JSON API v1: validate → check → present. */
import { Router, type Request } from 'express';
import type { KnowledgeBase } from '../kb/knowledge-base.js';
import { runCheck } from '../run-check.js';
import { bodyError, validationError } from '../http/errors.js';
import { checkRequest } from './check-request.js';
import { presentJson } from './present-json.js';

/** A host name with an optional port, nothing else ("evil.test@x" or "a/b" are not). */
const HOST = /^[a-z0-9.-]+(?::\d{1,5})?$|^\[[0-9a-f:.]+\](?::\d{1,5})?$/i;

/** The origin for links: the configured one, else the request's (as Express reads it behind a trusted proxy). */
function originOf(req: Request, publicBaseUrl: string | undefined): string {
  if (publicBaseUrl) return publicBaseUrl;
  const host = req.host;
  return host && HOST.test(host) ? `${req.protocol}://${host}` : '';
}

export function apiRouter(kb: KnowledgeBase, publicBaseUrl?: string): Router {
  const router = Router();
  router.post('/check', (req, res) => {
    if (!req.is('application/json')) {
      throw bodyError('send the list as JSON with Content-Type: application/json');
    }
    const parsed = checkRequest.safeParse(req.body);
    if (!parsed.success) throw validationError('the request is not valid', parsed.error.issues);
    const { items, patient, lang } = parsed.data;
    res.json(presentJson(runCheck(items, patient, kb, lang), originOf(req, publicBaseUrl)));
  });
  return router;
}
