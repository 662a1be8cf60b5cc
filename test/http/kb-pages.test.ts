import { parse } from 'node-html-parser';
import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import type { KnowledgeBase } from '../../src/kb/knowledge-base.js';
import { compiledKb } from '../helpers/kb.js';

let kb: KnowledgeBase;
let app: ReturnType<typeof createApp>;
beforeAll(() => {
  kb = compiledKb();
  app = createApp(kb, { rateLimitPerMinute: 100_000 });
});

describe('the browsable knowledge base', () => {
  it.each(['en', 'nl'])('lists every substance, product and class (%s)', async (lang) => {
    const res = await request(app).get(`/kb?lang=${lang}`);
    expect(res.status).toBe(200);
    const links = new Set(parse(res.text).querySelectorAll('main a').map((a) => a.getAttribute('href')?.split('?')[0]));
    for (const id of [...kb.substances.keys(), ...kb.products.keys(), ...kb.classes.keys()]) expect(links, id).toContain(`/kb/${id}`);
  });

  it('renders every entry in both languages, with its review date, and no placeholder left unfilled', async () => {
    const pages = [...kb.substances.keys(), ...kb.products.keys(), ...kb.classes.keys()].map((id) => `/kb/${id}`);
    for (const path of [...pages, '/kb', '/kb/interactions', '/kb/context', '/kb/coverage']) {
      for (const lang of ['en', 'nl']) {
        const res = await request(app).get(`${path}?lang=${lang}`);
        expect(res.status, `${path} ${lang}`).toBe(200);
        const doc = parse(res.text);
        expect(doc.querySelector('html')?.getAttribute('lang')).toBe(lang);
        if (path.split('/').length === 3 && !path.endsWith('interactions') && !path.endsWith('context') && !path.endsWith('coverage')) {
          expect(doc.text).toMatch(lang === 'en' ? /Reviewed on \d{4}-\d{2}-\d{2}/ : /Beoordeeld op \d{4}-\d{2}-\d{2}/);
        }
        expect(doc.querySelector('main')?.text.match(/\{[a-zA-Z]+\}/g) ?? [], `${path} ${lang}`).toEqual([]);
      }
    }
  });

  it('filters the index by any name an entry answers to, without JavaScript', async () => {
    const doc = parse((await request(app).get('/kb?lang=nl&q=renvela')).text);
    expect(doc.querySelectorAll('[data-kb-name] a').map((a) => a.text)).toEqual(['Sevelameer']);
    expect(doc.querySelector('#kb-filter')?.getAttribute('value')).toBe('renvela');
  });

  it('offers names for type-ahead as JSON', async () => {
    const res = await request(app).get('/kb/names.json?q=sevel');
    expect(res.type).toBe('application/json');
    expect(res.body.names).toContain('Sevelamer');
    expect((await request(app).get('/kb/names.json?q=x')).body.names).toEqual([]);
  });

  it('shows a monograph with names, forms, the leaflet versus current guidance, rules and interactions', async () => {
    const doc = parse((await request(app).get('/kb/quinine')).text);
    expect(doc.querySelector('h1')?.text).toContain('Quinine');
    expect(doc.text).toContain('kininesulfaat');
    expect(doc.text).toContain('The leaflet and current guidance');
    expect(doc.querySelector('#quinine\\.above-cramp-dose')?.text).toContain('daily dose above 250 mg quinine base');
    expect(doc.querySelector('#quinine\\.qt-prolonging')).not.toBeNull();
  });

  it('says what the knowledge base covers and what it does not', async () => {
    const doc = parse((await request(app).get('/kb/coverage?lang=nl')).text);
    expect(doc.querySelector('h1')?.text).toBe('Omvang van de kennisbank');
    expect(doc.text).toContain('niet gecontroleerd');
    expect(doc.text).toContain('Niet opgenomen');
  });

  it('answers 404 for an entry that does not exist', async () => {
    const res = await request(app).get('/kb/unobtainium');
    expect(res.status).toBe(404);
    expect(res.text).toContain('There is no entry with this name in the knowledge base.');
  });
});

describe('links from a report', () => {
  it('all lead to a page that exists, to the anchor they name', async () => {
    const lines = [
      'Kinine 250 mg 1dd a.n.', 'Hydrokinine 100 mg 3dd1', 'Tonic 500 ml per dag', 'Magnesiumcitraat 400 mg 1x per dag',
      'OsvaRen 2 tabletten 3dd', 'Vitamine C 500 mg 2 x daags', 'Vitamine E 400 IE per dag', 'L-carnitine 1 g IV na elke dialyse',
      'Warfarin 5 mg daily', 'Clarithromycin 500 mg bid', 'Digoxine 0,125 mg 1dd1', 'Foobarex 10 mg', 'Calcium 500 mg 2dd',
    ];
    for (const lang of ['en', 'nl']) {
      const report = await request(app).post(`/check?lang=${lang}`).type('form').send({ items: lines.join('\n') });
      const hrefs = [...new Set(parse(report.text).querySelectorAll('.finding a, .kb-rule a').map((a) => a.getAttribute('href') ?? ''))].filter((h) => h.startsWith('/'));
      expect(hrefs.length).toBeGreaterThan(10);
      for (const href of hrefs) {
        const [path, anchor] = href.split('#');
        const res = await request(app).get(path ?? '');
        expect(res.status, href).toBe(200);
        if (anchor) expect(parse(res.text).getElementById(anchor), href).not.toBeNull();
      }
    }
  });
});
