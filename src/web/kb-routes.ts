/** The browsable knowledge base: /kb, /kb/coverage, /kb/interactions and /kb/:id. */
import { Router } from 'express';
import type { KnowledgeBase } from '../kb/knowledge-base.js';
import { classView, contextRuleView, findEntry, interactionView, kbIndexView, productView, substanceView } from './kb-view.js';
import { readOptions } from './page-options.js';
import { pageLocals } from './routes.js';

export function kbRouter(kb: KnowledgeBase): Router {
  const router = Router();

  router.get('/', (req, res) => {
    const options = readOptions(req.query);
    const q = typeof req.query.q === 'string' ? req.query.q : '';
    res.render('kb-index', { ...pageLocals(options, kb), index: kbIndexView(kb, options.lang, q) });
  });

  // Names for type-ahead on the form: a few entries whose name begins with what was typed.
  router.get('/names.json', (req, res) => {
    const q = typeof req.query.q === 'string' ? req.query.q.slice(0, 40) : '';
    res.json({ names: kb.names.beginningWith(q, 8) });
  });

  router.get('/coverage', (req, res) => {
    const options = readOptions(req.query);
    res.render('kb-coverage', { ...pageLocals(options, kb), index: kbIndexView(kb, options.lang), coverage: kb.meta.coverage });
  });

  router.get('/interactions', (req, res) => {
    const options = readOptions(req.query);
    const locals = pageLocals(options, kb);
    res.render('kb-rules', {
      ...locals,
      heading: locals.t.kb.interactions,
      path: '/kb/interactions',
      rules: kb.interactions.map((x) => interactionView(kb, x, options.lang)),
    });
  });

  router.get('/context', (req, res) => {
    const options = readOptions(req.query);
    const locals = pageLocals(options, kb);
    res.render('kb-rules', {
      ...locals,
      heading: locals.t.kb.contextRules,
      intro: locals.t.kb.contextIntro,
      path: '/kb/context',
      rules: kb.contextRules.map((c) => contextRuleView(kb, c, options.lang)),
    });
  });

  router.get('/:id', (req, res) => {
    const options = readOptions(req.query);
    const found = findEntry(kb, req.params.id);
    const locals = pageLocals(options, kb);
    if (!found) {
      res.status(404).render('error', { ...locals, message: locals.t.kb.notFound });
      return;
    }
    const entry =
      found.kind === 'substance'
        ? substanceView(kb, found.entry, options.lang)
        : found.kind === 'product'
          ? productView(kb, found.entry, options.lang)
          : classView(kb, found.entry, options.lang);
    res.render('kb-entry', { ...locals, entry });
  });

  return router;
}
