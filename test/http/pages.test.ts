import { parse, type HTMLElement } from 'node-html-parser';
import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import { compiledKb } from '../helpers/kb.js';

let app: ReturnType<typeof createApp>;
beforeAll(() => {
  app = createApp(compiledKb(), { rateLimitPerMinute: 10_000 });
});

const submit = (fields: Record<string, string>, query = '') => request(app).post(`/check${query}`).type('form').send(fields);
const html = (text: string): HTMLElement => parse(text);
const lineInputs = (doc: HTMLElement) => doc.querySelectorAll('.line .line__input').map((e) => e.text);
const lineVerdicts = (doc: HTMLElement) => doc.querySelectorAll('.line .line__summary .badge').map((e) => e.text.trim());

describe('the form', () => {
  it('shows a labelled textarea, the patient fields and the language switch', async () => {
    const res = await request(app).get('/');
    expect(res.status).toBe(200);
    const doc = html(res.text);
    expect(doc.querySelector('label[for=field-items]')?.text).toContain('one per line');
    for (const f of ['modality', 'targetWeightKg', 'weightGainKg', 'sessionHours', 'sessionsPerWeek', 'anticoagulation', 'diabetes']) {
      expect(doc.querySelector(`label[for=field-${f}]`), f).not.toBeNull();
      expect(doc.querySelector(`#field-${f}`), f).not.toBeNull();
    }
    expect(doc.querySelector('html')?.getAttribute('lang')).toBe('en');
  });

  it('says on a page, in the chosen language, when one computer checks too often', async () => {
    const limited = createApp(compiledKb(), { rateLimitPerMinute: 1 });
    await request(limited).post('/check?lang=nl').type('form').send({ items: 'Kinine 250 mg' });
    const res = await request(limited).post('/check?lang=nl').type('form').send({ items: 'Kinine 250 mg' });
    expect(res.status).toBe(429);
    expect(res.type).toBe('text/html');
    expect(html(res.text).querySelector('main')?.text).toContain('Te veel controles');
  });

  it('is in Dutch with ?lang=nl', async () => {
    const doc = html((await request(app).get('/?lang=nl')).text);
    expect(doc.querySelector('html')?.getAttribute('lang')).toBe('nl');
    expect(doc.querySelector('h1')?.text).toBe('Een medicatielijst controleren');
  });

  it('sends a CSP that allows no inline script, and is never cached', async () => {
    const res = await request(app).get('/');
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers['content-security-policy']).not.toContain('unsafe-inline');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(html(res.text).querySelectorAll('script').every((s) => s.getAttribute('src') && s.text.trim() === '')).toBe(true);
  });
});

describe('the report page', () => {
  const lines = ['Kinine 250 mg 1dd a.n.', 'Foobarex 10 mg', 'Magnesiumcitraat 400 mg 1x per dag', 'Vitamine C 50 mg 1dd', '<script>alert("x")</script>'];

  it('shows every line in order with a verdict in words, and escapes what the user typed', async () => {
    const res = await submit({ items: lines.join('\r\n') }, '?sort=input');
    expect(res.status).toBe(200);
    const doc = html(res.text);
    expect(lineInputs(doc)).toEqual(lines);
    expect(lineVerdicts(doc)).toEqual(['! Caution', '? Not checked — verify by hand', '✖ Avoid', '✓ OK', '? Not checked — verify by hand']);
    expect(res.text).not.toContain('<script>alert');
    expect(res.text).toContain('&lt;script&gt;alert');
  });

  it('carries no ETag, a hash of the patient’s report, in the form answer or the API answer', async () => {
    const page = await submit({ items: lines.join('\n') });
    expect(page.headers['cache-control']).toBe('no-store');
    expect(page.headers.etag).toBeUndefined();
    const api = await request(app).post('/api/v1/check').send({ items: lines });
    expect(api.status).toBe(200);
    expect(api.headers.etag).toBeUndefined();
  });

  it('puts the summary first, worst verdict and counts, and never reads as all clear with an unknown line', async () => {
    const doc = html((await submit({ items: lines.join('\n') })).text);
    const summary = doc.querySelector('.summary');
    expect(summary?.classList.contains('summary--avoid')).toBe(true);
    expect(summary?.querySelectorAll('.count').map((c) => c.text.replace(/\s+/g, ' ').trim())).toEqual([
      '✖ Avoid 1',
      '! Caution 1',
      '? Not checked — verify by hand 2',
      '✓ OK 1',
    ]);
    // The line to act on is named in the summary, with its reason.
    expect(summary?.querySelector('.summary__act')?.text).toMatch(/Line 3: Magnesiumcitraat 400 mg 1x per dag — /);
    const unknownOnly = html((await submit({ items: 'Vitamine C 50 mg 1dd\nFoobarex' })).text);
    expect(unknownOnly.querySelector('.summary__text')?.text).toMatch(/not all clear/);
  });

  it('shows what was read, the daily dose, and each finding with explanation, advice, evidence and references', async () => {
    const doc = html((await submit({ items: 'Quinine sulfate 300 mg twice daily' })).text);
    const line = doc.querySelector('.line');
    expect(line?.querySelector('.reading')?.text).toContain('Quinine (“Quinine sulfate”)');
    expect(line?.querySelector('.reading')?.text).toContain('498 mg quinine base per day (600 mg as written)');
    const finding = line?.querySelectorAll('.finding').find((f) => f.text.includes('More quinine than the highest dose'));
    expect(finding?.text).toContain('What to do:');
    expect(finding?.text).toContain('Evidence:');
    expect(finding?.querySelectorAll('.refs a').length).toBeGreaterThan(0);
  });

  it('lists interactions and totals with the lines they concern', async () => {
    const doc = html((await submit({ items: 'Warfarin 5 mg daily\nVitamin E 800 IU daily\nMagnesium 200 mg 1dd\nMilk of magnesia 15 ml 1dd' })).text);
    expect(doc.querySelector('.interaction')?.text).toContain('1. Warfarin 5 mg daily — 2. Vitamin E 800 IU daily');
    expect(doc.querySelector('.interaction')?.text).toContain('Vitamin E with a coumarin anticoagulant');
    expect(doc.querySelector('.total')?.text).toMatch(/Magnesium: 701 mg elemental magnesium total per day \(lines 3 and 4\)/);
  });

  it('says when a total leaves out a line whose dose could not be read', async () => {
    const doc = html((await submit({ items: 'Magnesium 200 mg 1dd\nMagnesiumoxide 1dd' })).text);
    expect(doc.querySelector('.total')?.text).toMatch(/Magnesium: 200 mg elemental magnesium total per day \(only the lines whose dose could be read\) \(lines 1 and 2\)/);
  });

  it('shows the knowledge-base version and review date', async () => {
    const doc = html((await submit({ items: 'Kinine 250 mg 1dd a.n.' })).text);
    expect(doc.querySelector('.summary__meta')?.text).toMatch(/Knowledge base \d{4}\.\d+\.\d+ \(reviewed \d{4}-\d{2}-\d{2}\)/);
  });

  it('is in Dutch and plain language when asked', async () => {
    const doc = html((await submit({ items: 'Kinine 250 mg 1dd a.n.', view: 'patient' }, '?lang=nl')).text);
    expect(doc.querySelector('h1')?.text).toBe('Resultaat van de controle');
    expect(doc.querySelector('.line .badge')?.text).toContain('Eerst overleggen met uw arts');
    expect(doc.querySelector('.patient-findings')?.text).toMatch(/nefroloog/);
    expect(doc.querySelector('.reading')).toBeNull();
  });

  it('keeps the list and context in the page for further actions, not in the URL', async () => {
    const res = await submit({ items: 'Kinine 250 mg 1dd a.n.', targetWeightKg: '70', diabetes: 'yes' });
    const state = html(res.text).querySelector('form#state');
    expect(state?.getAttribute('action')).toBe('/check?lang=en&view=pro&sort=triage');
    expect(state?.querySelector('input[name=items]')?.getAttribute('value')).toBe('Kinine 250 mg 1dd a.n.');
    expect(state?.querySelector('input[name=targetWeightKg]')?.getAttribute('value')).toBe('70');
    expect(state?.querySelector('input[name=diabetes]')?.getAttribute('value')).toBe('yes');
    expect(state?.querySelector('input[name=accept]')).toBeNull();
  });

  it('leads with what to act on: avoid, then caution, then fine, then the lines not checked grouped by why', async () => {
    const doc = html((await submit({ items: lines.join('\n') })).text);
    expect(doc.querySelectorAll('.triage h2').map((h) => h.text.replace(/\s+/g, ' ').trim())).toEqual([
      'To act on (1)', 'To check (1)', 'Fine as entered (1)', 'Not checked — verify by hand (2)',
    ]);
    expect(lineVerdicts(doc)).toEqual(['✖ Avoid', '! Caution', '✓ OK', '? Not checked — verify by hand', '? Not checked — verify by hand']);
    expect(doc.querySelectorAll('.triage--unknown h3').map((h) => h.text)).toEqual(['Not recognised']);
    // Each row says why and what to do; how it was read is one click away.
    const avoid = doc.querySelector('.triage--avoid .line');
    expect(avoid?.querySelector('.line__reason')?.text).toMatch(/magnesium/i);
    expect(avoid?.querySelector('.line__advice')?.text).toMatch(/^What to do:/);
    expect(avoid?.querySelector('details.line__details .reading')).not.toBeNull();
  });

  it('names the context it used, and the defaults it assumed', async () => {
    const doc = html((await submit({ items: 'Kinine 250 mg 1dd a.n.', targetWeightKg: '70' })).text);
    const used = doc.querySelector('.context-used')?.text.replace(/\s+/g, ' ');
    expect(used).toContain('Haemodialysis in a centre (assumed)');
    expect(used).toContain('3 (assumed)');
    expect(used).toContain('70 kg');
  });

  it('opens knowledge-base and reference links apart from the report, so the report is not lost', async () => {
    const doc = html((await submit({ items: 'Kinine 250 mg 1dd a.n.' })).text);
    const links = doc.querySelectorAll('.finding a[href^="http"], .finding a[href^="/kb"]');
    expect(links.length).toBeGreaterThan(0);
    for (const a of links) {
      expect(a.getAttribute('target')).toBe('_blank');
      expect(a.getAttribute('rel')).toContain('noopener');
    }
  });
});

describe('the dialysis context on the page', () => {
  it('shows the worked-out rate and the causes to review, and points to them from the summary', async () => {
    const doc = html((await submit({ items: 'Vitamine C 50 mg 1dd', targetWeightKg: '55', weightGainKg: '3,2', sessionHours: '4', crampsAtHome: 'yes' })).text);
    expect(doc.querySelector('.metrics')?.text).toContain('800 ml/h = 14.5 ml/kg/h');
    const causes = doc.querySelectorAll('.causes > li').map((li) => li.querySelector('.finding__title')?.text);
    expect(causes[0]).toContain('ultrafiltration rate above 13 ml/kg/h');
    expect(causes).toContainEqual(expect.stringContaining('target weight may be too low'));
    expect(doc.querySelector('.summary__context a')?.getAttribute('href')).toBe('#context-title');
  });

  it('says when the context points to no cause', async () => {
    const doc = html((await submit({ items: 'Vitamine C 50 mg 1dd', targetWeightKg: '80', weightGainKg: '1', sessionHours: '4' })).text);
    expect(doc.querySelector('.context')?.text).toContain('points to no non-drug cause of cramps');
  });

  it('leaves the section out when no context is given', async () => {
    expect(html((await submit({ items: 'Vitamine C 50 mg 1dd' })).text).querySelector('.context')).toBeNull();
  });
});

describe('correcting a list', () => {
  it('offers a close match, and checks the line as that once accepted, keeping the other lines', async () => {
    const first = html((await submit({ items: 'Vitamine C 50 mg 1dd\nKinnine 250 mg a.n.' })).text);
    const button = first.querySelector('.suggestions button[name=accept]');
    expect(button?.getAttribute('value')).toBe('1|Kinine 250 mg a.n.');
    const second = html((await submit({ items: 'Vitamine C 50 mg 1dd\nKinnine 250 mg a.n.', accept: button?.getAttribute('value') ?? '' }, '?sort=input')).text);
    expect(lineInputs(second)).toEqual(['Vitamine C 50 mg 1dd', 'Kinine 250 mg a.n.']);
    expect(lineVerdicts(second)[1]).toBe('! Caution');
  });

  it('checks a pasted line that starts with "#", and reads only a saved list\'s heading and settings as such', async () => {
    const items = ['# DialySafe list of 2026-12-01. Open it with "Open a saved list" on the form, or paste it into the list.', '# modality: hd', '#3 Kinine 200 mg a.n.', 'Foobarex 10 mg'].join('\n');
    const doc = html((await submit({ items }, '?sort=input')).text);
    expect(lineInputs(doc)).toEqual(['#3 Kinine 200 mg a.n.', 'Foobarex 10 mg']);
    expect(lineVerdicts(doc)).toHaveLength(2);
  });

  it('"edit this list" brings back the form with every line and field', async () => {
    const res = await request(app).post('/edit?lang=en').type('form').send({ items: 'Kinine 250 mg\nFoobarex', weightGainKg: '3,2', modality: 'pd' });
    const doc = html(res.text);
    expect(doc.querySelector('#field-items')?.text).toBe('Kinine 250 mg\nFoobarex');
    expect(doc.querySelector('#field-weightGainKg')?.getAttribute('value')).toBe('3,2');
    expect(doc.querySelector('#field-modality option[selected]')?.getAttribute('value')).toBe('pd');
  });
});

describe('bad input on the form', () => {
  const errorFor = (doc: HTMLElement, field: string) => doc.querySelector(`#error-${field}`)?.text;

  it('an empty list: 400 and a message next to the list', async () => {
    const res = await submit({ items: '  \n \n' });
    expect(res.status).toBe(400);
    const doc = html(res.text);
    expect(errorFor(doc, 'items')).toContain('Enter at least one medicine or supplement.');
    expect(doc.querySelector('#field-items')?.getAttribute('aria-invalid')).toBe('true');
    expect(doc.querySelector('.error-summary a')?.getAttribute('href')).toBe('#field-items');
  });

  it('more than 100 lines', async () => {
    const res = await submit({ items: Array.from({ length: 101 }, (_, i) => `Vitamine C ${i} mg`).join('\n') });
    expect(res.status).toBe(400);
    expect(errorFor(html(res.text), 'items')).toContain('There are 101 lines; at most 100');
  });

  it('a line over 500 characters, keeping what was typed', async () => {
    const res = await submit({ items: `Kinine\n${'x'.repeat(501)}` });
    expect(res.status).toBe(400);
    const doc = html(res.text);
    expect(errorFor(doc, 'items')).toContain('Line 2 is longer than 500 characters.');
    expect(doc.querySelector('#field-items')?.text.startsWith('Kinine\nxxx')).toBe(true);
  });

  it('numbers that are not numbers, zero weights and impossible sessions, in the user\'s language', async () => {
    const res = await submit({ items: 'Kinine', targetWeightKg: '0', weightGainKg: 'veel', sessionHours: '30' }, '?lang=nl');
    expect(res.status).toBe(400);
    const doc = html(res.text);
    expect(errorFor(doc, 'targetWeightKg')).toContain('van 20 tot 300');
    expect(errorFor(doc, 'weightGainKg')).toContain('gewichtstoename');
    expect(errorFor(doc, 'sessionHours')).toContain('van 1 tot 12');
    expect(doc.querySelector('#field-weightGainKg')?.getAttribute('value')).toBe('veel');
  });

  it('accepts a decimal comma', async () => {
    const res = await submit({ items: 'Kinine 250 mg 1dd', weightGainKg: '3,2', targetWeightKg: '70' });
    expect(res.status).toBe(200);
  });

  it('a value outside the choices', async () => {
    const res = await submit({ items: 'Kinine', modality: 'cycling' });
    expect(res.status).toBe(400);
    expect(errorFor(html(res.text), 'modality')).toContain('Choose a kind of dialysis');
  });

  it('an over-large form body gives a page, not a crash', async () => {
    const res = await submit({ items: 'x'.repeat(1_000_000) });
    expect(res.status).toBe(413);
    expect(res.text).toContain('too large');
  });

  it('an unknown page is a 404 page', async () => {
    const res = await request(app).get('/nothing-here?lang=nl');
    expect(res.status).toBe(404);
    expect(res.text).toContain('Deze pagina bestaat niet.');
  });
});
