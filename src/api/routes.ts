/** JSON API v1: validate → check → present. */
import { Router } from 'express';
import type { KnowledgeBase } from '../kb/knowledge-base.js';
import { runCheck } from '../run-check.js';
import { ValidationError, validationError } from '../http/errors.js';
import { checkRequest } from './check-request.js';
import { presentJson } from './present-json.js';

export function apiRouter(kb: KnowledgeBase): Router {
  const router = Router();
  router.post('/check', (req, res) => {
    if (!req.is('application/json')) {
      const message = 'send the list as JSON with Content-Type: application/json';
      throw new ValidationError(message, [{ path: '', message }]);
    }
    const parsed = checkRequest.safeParse(req.body);
    if (!parsed.success) throw validationError('the request is not valid', parsed.error.issues);
    const { items, patient, lang } = parsed.data;
    res.json(presentJson(runCheck(items, patient, kb, lang), `${req.protocol}://${req.get('host') ?? 'localhost'}`));
  });
  return router;
}
