import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import { compiledKb } from '../helpers/kb.js';

let app: ReturnType<typeof createApp>;
beforeAll(() => {
  app = createApp(compiledKb(), { rateLimitPerMinute: 10_000 });
});

const post = (body: unknown) => request(app).post('/api/v1/check').set('Content-Type', 'application/json').send(JSON.stringify(body));

describe('GET /healthz', () => {
  it('reports the loaded knowledge base', async () => {
    const res = await request(app).get('/healthz');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok', kb: { version: expect.stringMatching(/^\d{4}\.\d+\.\d+$/), reviewedOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) } });
  });
});

describe('POST /api/v1/check', () => {
  it('answers with the report of the API contract, one item per line in order', async () => {
    const items = ['Kinine 250 mg 1dd a.n.', 'Magnesium citrate 400 mg daily', 'Foobarex 10 mg'];
    const res = await post({ lang: 'en', patient: { modality: 'hd', targetWeightKg: 70 }, items });
    expect(res.status).toBe(200);
    expect(res.body.kb).toEqual({ version: expect.any(String), reviewedOn: expect.any(String) });
    expect(res.body.items.map((i: { input: string }) => i.input)).toEqual(items);
    const [quinine, magnesium, unknown] = res.body.items;
    expect(quinine).toMatchObject({
      substances: [{ id: 'quinine', name: 'Quinine' }],
      dailyDose: [{ substance: { id: 'quinine', name: 'Quinine' }, unit: 'mg' }],
      verdict: 'caution',
    });
    expect(quinine.findings[0]).toEqual(
      expect.objectContaining({
        code: expect.any(String),
        severity: expect.stringMatching(/^(avoid|caution|info)$/),
        title: expect.any(String),
        explanation: expect.any(String),
        advice: expect.any(String),
        evidence: expect.any(String),
        references: expect.arrayContaining([expect.any(Number)]),
      }),
    );
    // References are given once, at the top, and findings point to them.
    for (const n of quinine.findings[0].references) expect(res.body.references[n]).toEqual({ title: expect.any(String), url: expect.stringMatching(/^https?:\/\//) });
    expect(quinine.coverage).toBe('reviewed');
    expect(unknown.coverage).toBe('not-recognised');
    expect(magnesium.verdict).toBe('avoid');
    expect(unknown).toMatchObject({ substances: [], dailyDose: [], verdict: 'unknown' });
    expect(res.body.interactions).toEqual([expect.objectContaining({ code: 'quinine.magnesium-absorption', items: [0, 1], actOn: [0] })]);
    expect(quinine.interactions).toEqual([0]);
    expect(res.body.summary).toEqual({ verdict: 'avoid', avoid: 1, unknown: 1, caution: 1, ok: 0, lines: [1] });
    expect(res.body.totals).toEqual([]);
    expect(res.body.context).toEqual(expect.any(Array));
  });

  it('returns the dialysis context with its worked-out numbers', async () => {
    const res = await post({ patient: { targetWeightKg: 55, weightGainKg: 3.2, sessionHours: 4, anticoagulation: 'citrate' }, items: ['Vitamine C 50 mg 1dd'] });
    expect(res.body.metrics).toMatchObject({ 'ufr-ml-per-hour': 800, 'weight-gain-kg': 3.2 });
    expect(res.body.context.map((c: { code: string; kind: string }) => [c.code, c.kind])).toEqual(
      expect.arrayContaining([['context.ufr-above-13', 'cause'], ['context.citrate-low-calcium', 'cause']]),
    );
  });

  it('links every finding to its knowledge-base page with a URL a client can open', async () => {
    const res = await post({ items: ['Foobarex 10 mg', 'Kinine 250 mg 1dd a.n.'] });
    const findings = res.body.items.flatMap((i: { findings: { kbUrl: string; references: number[] }[] }) => i.findings);
    expect(findings.length).toBeGreaterThan(1);
    for (const f of findings) {
      expect(f.kbUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/kb\//);
      for (const n of f.references) expect(res.body.references[n].url).toMatch(/^https?:\/\//);
    }
    const coverage = await request(app).get(new URL(findings[0].kbUrl).pathname);
    expect(coverage.status).toBe(200);
  });

  it('does not build links from a host name that is not one', async () => {
    const res = await request(app).post('/api/v1/check').set('Host', 'dialysafe.example@evil.test').send({ items: ['Foobarex 10 mg'] });
    expect(res.status).toBe(200);
    expect(res.body.items[0].findings[0].kbUrl).toBe('/kb/coverage');
  });

  it('uses the configured public address for links', async () => {
    const configured = createApp(compiledKb(), { publicBaseUrl: 'https://dialysafe.example' });
    const res = await request(configured).post('/api/v1/check').send({ items: ['Foobarex 10 mg'] });
    expect(res.body.items[0].findings[0].kbUrl).toBe('https://dialysafe.example/kb/coverage');
  });

  it('gives a total no amount when none of its lines could be read, and says which lines it counted', async () => {
    const none = await post({ items: ['Magnesium', 'Magnesiumoxide'] });
    expect(none.body.totals[0]).toMatchObject({ amount: null, complete: false, counted: [] });
    const some = await post({ items: ['Magnesium 200 mg 1dd', 'Magnesiumoxide'] });
    expect(some.body.totals[0]).toMatchObject({ amount: 200, complete: false, counted: [0] });
  });

  it('answers in Dutch when asked', async () => {
    const res = await post({ lang: 'nl', items: ['Kinine 250 mg 1dd a.n.'] });
    expect(res.body.items[0].findings[0].title).toMatch(/kinine/i);
    expect(res.body.items[0].findings[0].title).not.toMatch(/quinine/i);
  });

  it('reports totals of one ingredient over several lines', async () => {
    const res = await post({ items: ['Magnesium 200 mg 1dd', 'Magnesiumoxide 400 mg 1dd'] });
    expect(res.body.totals[0]).toMatchObject({ substance: { id: 'magnesium' }, items: [0, 1], unit: 'mg', severity: expect.any(String) });
  });
});

describe('POST /api/v1/check with bad input', () => {
  const cases: [string, unknown, string, string?][] = [
    ['an empty list', { items: [] }, 'give at least one line', 'items'],
    ['no list at all', {}, 'items must be a list', 'items'],
    ['more than 100 lines', { items: Array.from({ length: 101 }, () => 'Kinine 250 mg') }, 'at most 100 lines', 'items'],
    ['a line over 500 characters', { items: ['ok line', 'x'.repeat(501)] }, 'at most 500 characters', 'items.1'],
    ['an empty line', { items: ['Kinine', '   '] }, 'must not be empty', 'items.1'],
    ['a line that is not a string', { items: ['Kinine', 42] }, 'each line must be a string', 'items.1'],
    ['items that are not a list', { items: 'Kinine 250 mg' }, 'items must be a list', 'items'],
    ['an unknown language', { lang: 'fr', items: ['Kinine'] }, 'lang must be one of en, nl', 'lang'],
    ['an unknown modality', { patient: { modality: 'cycling' }, items: ['Kinine'] }, 'must be one of hd, nocturnal-hd, pd, none', 'patient.modality'],
    ['a negative weight', { patient: { targetWeightKg: -70 }, items: ['Kinine'] }, 'targetWeightKg must be a number of kilograms from 20 to 300', 'patient.targetWeightKg'],
    ['a weight of zero', { patient: { targetWeightKg: 0 }, items: ['Kinine'] }, 'from 20 to 300', 'patient.targetWeightKg'],
    ['a weight too small to be a person', { patient: { targetWeightKg: 5e-324 }, items: ['Kinine'] }, 'from 20 to 300', 'patient.targetWeightKg'],
    ['a weight given as text', { patient: { targetWeightKg: '70' }, items: ['Kinine'] }, 'targetWeightKg must be a number', 'patient.targetWeightKg'],
    ['a session of 30 hours', { patient: { sessionHours: 30 }, items: ['Kinine'] }, 'from 1 to 12', 'patient.sessionHours'],
    ['eight sessions a week', { patient: { sessionsPerWeek: 8 }, items: ['Kinine'] }, 'from 1 to 7', 'patient.sessionsPerWeek'],
    ['cramps at home as text', { patient: { crampsAtHome: 'yes' }, items: ['Kinine'] }, 'must be true or false', 'patient.crampsAtHome'],
    ['an unknown field', { items: ['Kinine'], patients: {} }, 'unknown field(s): patients', ''],
    ['a misspelled patient field', { items: ['Kinine'], patient: { targetWeight: 70 } }, 'unknown field(s): targetWeight', 'patient'],
    ['a body that is not an object', ['Kinine'], 'the body must be a JSON object', ''],
  ];

  it.each(cases)('rejects %s with 400 and a message per field', async (_name, body, message, path) => {
    const res = await post(body);
    expect(res.status).toBe(400);
    expect(res.body.error).toEqual(expect.any(String));
    const issue = res.body.issues.find((i: { path: string }) => path === undefined || i.path === path);
    expect(issue?.message, JSON.stringify(res.body.issues)).toContain(message);
  });

  it('rejects broken JSON with 400', async () => {
    const res = await request(app).post('/api/v1/check').set('Content-Type', 'application/json').send('{"items": ["Kinine",');
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ error: 'the body is not valid JSON', issues: [{ path: '', message: 'the body is not valid JSON' }] });
  });

  it('rejects a body in another character set with 400, not 415', async () => {
    const res = await request(app).post('/api/v1/check').set('Content-Type', 'application/json; charset=latin1').send('{"items":["Kinine"]}');
    expect(res.status).toBe(400);
    expect(res.body.issues[0].message).toMatch(/UTF-8/);
  });

  it('accepts the largest valid list even when every character is sent as a JSON escape', async () => {
    const line = '\\u00e9'.repeat(500);
    const body = `{"items":[${Array.from({ length: 100 }, () => `"${line}"`).join(',')}]}`;
    const res = await request(app).post('/api/v1/check').set('Content-Type', 'application/json').send(body);
    expect(res.status).toBe(200);
    expect(res.body.items).toHaveLength(100);
  });

  it('rejects a body that is not JSON with 400', async () => {
    const res = await request(app).post('/api/v1/check').set('Content-Type', 'text/plain').send('Kinine 250 mg');
    expect(res.status).toBe(400);
    expect(res.body.error).toMatch(/Content-Type: application\/json/);
  });

  it('rejects an over-large body with 413', async () => {
    const res = await post({ items: ['x'.repeat(1_000_000)] });
    expect(res.status).toBe(413);
    expect(res.body.error).toMatch(/too large/);
  });

  it('takes the largest valid request however its characters are escaped', async () => {
    // 100 lines of 500 characters outside the Basic Multilingual Plane, each sent as "\\ud83d\\ude00".
    const line = '😀'.repeat(500);
    const body = JSON.stringify({ items: Array.from({ length: 100 }, () => line) }).replace(/😀/g, '\\ud83d\\ude00');
    const res = await request(app).post('/api/v1/check').set('Content-Type', 'application/json').send(body);
    expect(res.status).toBe(200);
    expect(res.body.items).toHaveLength(100);
    const tooLong = await post({ items: ['😀'.repeat(501)] });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.issues[0]).toMatchObject({ path: 'items.0', message: expect.stringContaining('at most 500 characters') });
  });

  it('answers too many requests from one client with 429 in JSON', async () => {
    const limited = createApp(compiledKb(), { rateLimitPerMinute: 1 });
    const send = () => request(limited).post('/api/v1/check').send({ items: ['Kinine 250 mg 1dd'] });
    expect((await send()).status).toBe(200);
    const res = await send();
    expect(res.status).toBe(429);
    expect(res.body).toMatchObject({ error: expect.stringMatching(/too many requests/), issues: [] });
  });

  it('answers JSON for an unknown endpoint', async () => {
    const res = await request(app).get('/api/v1/nothing');
    expect(res.status).toBe(404);
    expect(res.body.error).toBe('no such endpoint');
  });
});

// Issue 14's probe: 100 lines, each naming 14 substances, once made the answer too large to send
// (a 500 after 12.5 s) and the HTML report stall the server. Now such a line is not checked, the
// interactions are capped, and both answers stay in proportion to the list.
describe('a list pasted onto every line', () => {
  const crowded = 'Kinine Magnesium Vitamine E Warfarine Calcium Ijzer Levothyroxine Ciprofloxacine Amiodaron Digoxine Simvastatine Claritromycine Kaliumchloride Sotalol';
  const items = Array.from({ length: 100 }, () => crowded);

  it('answers in JSON with every line not checked, and the interactions capped with a count', async () => {
    const res = await request(app).post('/api/v1/check').send({ items });
    expect(res.status).toBe(200);
    expect(res.body.items).toHaveLength(100);
    for (const item of res.body.items) {
      expect(item.verdict).toBe('unknown');
      const codes = item.findings.map((f: { code: string }) => f.code);
      expect(codes[0]).toBe('input.several-medicines');
      // No line of it is read as a dose: only the interactions it takes part in are added to it.
      expect(codes.filter((c: string) => c !== 'input.several-medicines' && c !== 'interaction.see-line' && !res.body.interactions.some((x: { code: string }) => x.code === c))).toEqual([]);
      // A line not checked is not told to keep taking what it names.
      expect(codes).not.toContain('interaction.keep-taking');
    }
    expect(res.body.items[0].findings[0].title).toMatch(/^14 medicines on one line/);
    expect(res.body.interactions).toHaveLength(50);
    expect(res.body.moreInteractions).toBeGreaterThan(0);
    expect(res.body.summary.verdict).not.toBe('ok');
    // About 5 KB a line: linear in the list, not in the pairs of its substances.
    expect(res.text.length).toBeLessThan(100 * 8 * 1024);
  });

  it('renders the HTML report with "and N more" for the interactions it does not list', async () => {
    const res = await request(app).post('/check').type('form').send({ items: items.join('\n'), lang: 'en' });
    expect(res.status).toBe(200);
    expect(res.text).toMatch(/And \d+ more interactions between these lines/);
    expect(res.text.length).toBeLessThan(100 * 24 * 1024);
  });

  it('still checks a line with a few medicines on it', async () => {
    const res = await request(app).post('/api/v1/check').send({ items: ['Kinine en magnesium'] });
    expect(res.body.items[0].verdict).toBe('avoid');
    expect(res.body.items[0].findings.map((f: { code: string }) => f.code)).toContain('magnesium.supplement-accumulates');
  });
});
