/** The HTML pages: the form, the report, and "edit this list". Server-rendered, no JavaScript needed. */
import { Router, type Response } from 'express';
import { messages } from '../i18n/index.js';
import type { KnowledgeBase } from '../kb/knowledge-base.js';
import { runCheckInSlices } from '../run-check.js';
import { Slices } from '../slices.js';
import { renderLineRow } from './line-rows.js';
import { emptyForm, readCheckForm, type FormValues } from './check-form.js';
import { formView } from './form-view.js';
import { writeSavedList } from './saved-list.js';
import { otherLang, readOptions, url, type PageOptions } from './page-options.js';
import { reportViewSteps } from './report-view.js';

export function pageLocals(options: PageOptions, kb: KnowledgeBase) {
  const m = messages(options.lang);
  return {
    lang: options.lang,
    view: options.view,
    sort: options.sort,
    t: m.ui,
    kbMeta: kb.meta,
    otherLang: otherLang(options.lang),
    url,
  };
}

function renderForm(res: Response, kb: KnowledgeBase, options: PageOptions, values: FormValues, errors: Record<string, string>, status = 200) {
  const locals = pageLocals(options, kb);
  res.status(status).render('form', { ...locals, values, form: formView(locals.t, values, errors) });
}

export function webRouter(kb: KnowledgeBase): Router {
  const router = Router();

  router.get('/', (req, res) => {
    renderForm(res, kb, readOptions(req.query), emptyForm(), {});
  });

  router.post('/edit', (req, res) => {
    const options = readOptions(req.query);
    const form = readCheckForm(req.body, options.lang);
    renderForm(res, kb, options, form.values, {});
  });

  // The list as a text file, built from the form that posted it: nothing is kept on the server.
  router.post('/download', (req, res) => {
    const options = readOptions(req.query);
    const form = readCheckForm(req.body, options.lang);
    const day = new Date().toISOString().slice(0, 10);
    res
      .type('text/plain; charset=utf-8')
      .attachment(`dialysafe-list-${day}.txt`)
      .send(writeSavedList(form.values, messages(options.lang).ui.form.savedListHeading(day)));
  });

  router.post('/check', async (req, res) => {
    // The form's "show the result for" choice comes in the body; afterwards the URL carries it.
    const bodyView = (req.body as { view?: unknown } | undefined)?.view;
    const options = readOptions({ ...req.query, ...(typeof bodyView === 'string' ? { view: bodyView } : {}) });
    const form = readCheckForm(req.body, options.lang);
    if (Object.keys(form.errors).length > 0) {
      renderForm(res, kb, options, form.values, form.errors, 400);
      return;
    }
    const slices = new Slices();
    const report = await runCheckInSlices(form.lines, form.patient, kb, options.lang, slices);
    await slices.pause();
    const view = await slices.run(reportViewSteps(report, options, new Date()));
    const locals = pageLocals(options, kb);
    const rows = await slices.map(view.lines, (line) => renderLineRow({ ...locals, line }));
    await slices.pause();
    res.render('report', { ...locals, values: form.values, report: view, rows });
  });

  return router;
}
