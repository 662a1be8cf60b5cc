/**
 * The published OpenAPI document against the real app: it is valid OpenAPI 3.1, the API accepts
 * what its request schema accepts, and every answer the API gives here — status, media type and
 * body — is one the document describes, with no field it does not name.
 */
import { Validator } from '@seriousme/openapi-schema-validator';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'node-html-parser';
import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import { projectRoot } from '../../src/paths.js';
import { compiledKb } from '../helpers/kb.js';

type Json = Record<string, any>;
type Res = { status: number; headers: Record<string, string>; body: unknown };

let app: ReturnType<typeof createApp>;
let doc: Json;
const ajv = new Ajv2020({ strict: true, allowUnionTypes: true, allErrors: true });
addFormats.default(ajv);
const DOC = 'urn:dialysafe:openapi';

/** The components under $defs, so that ajv compiles them in strict mode; the refs point the same way. */
const asDefs = (schema: unknown): Json => JSON.parse(JSON.stringify(schema).replaceAll('"#/components/schemas/', `"${DOC}#/$defs/`));

beforeAll(async () => {
  app = createApp(compiledKb(), { rateLimitPerMinute: 10_000 });
  const res = await request(app).get('/api/v1/openapi.json');
  expect(res.status).toBe(200);
  doc = res.body;
  ajv.addSchema({ $id: DOC, $defs: asDefs(doc.components.schemas) });
});

const compiled = new Map<string, ValidateFunction>();
function validator(key: string, schema: unknown): ValidateFunction {
  let v = compiled.get(key);
  if (!v) compiled.set(key, (v = ajv.compile(asDefs(schema))));
  return v;
}

/** The operation's documented answer for this status and media type, or a failure naming what is missing. */
function expectDocumented(path: string, method: string, res: Res) {
  const operation = doc.paths[path]?.[method];
  expect(operation, `${method} ${path} is in the document`).toBeDefined();
  const responses = operation.responses as Json;
  const documented = responses[String(res.status)] ?? responses[`${String(res.status)[0]}XX`];
  expect(documented, `${method} ${path} documents status ${res.status}`).toBeDefined();
  const mediaType = res.headers['content-type']?.split(';')[0] ?? '';
  const schema = documented.content?.[mediaType]?.schema;
  expect(schema, `${method} ${path} ${res.status} documents ${mediaType}`).toBeDefined();
  const validate = validator(`${method} ${path} ${res.status} ${mediaType}`, schema);
  const ok = validate(res.body);
  expect(ok, JSON.stringify(validate.errors?.slice(0, 5), null, 1)).toBe(true);
}

const isValidAgainst = (component: string, value: unknown) => validator(component, { $ref: `#/components/schemas/${component}` })(value) as boolean;

const check = (body: unknown, host?: string) => {
  const req = request(app).post('/api/v1/check').set('Content-Type', 'application/json');
  return (host ? req.set('Host', host) : req).send(JSON.stringify(body));
};

describe('the OpenAPI document', () => {
  it('is valid OpenAPI 3.1, served as JSON', async () => {
    const res = await request(app).get('/api/v1/openapi.json');
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.body.openapi).toMatch(/^3\.1\./);
    const result = await new Validator().validate(res.body);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('describes the check (JSON and FHIR), CDS Hooks, feedback and health endpoints', () => {
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/v1/check', '/cds-services', '/cds-services/{id}', '/cds-services/{id}/feedback', '/healthz']));
    expect(Object.keys(doc.paths['/api/v1/check'].post.requestBody.content)).toEqual(['application/json', 'application/fhir+json', 'application/json+fhir']);
  });

  it('describes each field of the dialysis context and the limits of a list', () => {
    const patient = doc.components.schemas.Patient;
    for (const [field, schema] of Object.entries(patient.properties as Json)) expect(schema.description, field).toEqual(expect.any(String));
    expect(patient.properties.targetWeightKg).toMatchObject({ type: 'number', minimum: 20, maximum: 300 });
    expect(doc.components.schemas.CheckRequest.properties.items).toMatchObject({ minItems: 1, maxItems: 100, items: { maxLength: 500 } });
  });
});

describe('the request schema says what the API accepts', () => {
  const emoji = '😀'.repeat(500);
  // Bodies are made when each test runs: the document is fetched in beforeAll.
  const bodies: [string, () => unknown][] = [
    ['the example of the document', () => doc.paths['/api/v1/check'].post.requestBody.content['application/json'].examples.list.value],
    ['one line', () => ({ items: ['Kinine 250 mg'] })],
    ['a line of 500 characters, however many UTF-16 units', () => ({ items: [emoji] })],
    ['an empty previous reaction, which is dropped', () => ({ patient: { allergies: [''] }, items: ['Kinine 250 mg'] })],
    ['a line of 501 characters', () => ({ items: [`${emoji}x`] })],
    ['a blank line', () => ({ items: ['  \t'] })],
    ['no lines', () => ({ items: [] })],
    ['101 lines', () => ({ items: Array(101).fill('Kinine 250 mg') })],
    ['an unknown field', () => ({ items: ['Kinine 250 mg'], note: 'x' })],
    ['an unknown patient field', () => ({ patient: { heightCm: 170 }, items: ['Kinine 250 mg'] })],
    ['a target weight below the bounds', () => ({ patient: { targetWeightKg: 19 }, items: ['Kinine 250 mg'] })],
    ['sessions a week that are not whole', () => ({ patient: { sessionsPerWeek: 2.5 }, items: ['Kinine 250 mg'] })],
    ['a language it does not speak', () => ({ lang: 'de', items: ['Kinine 250 mg'] })],
    ['21 previous reactions', () => ({ patient: { allergies: Array(21).fill('kinine') }, items: ['Kinine 250 mg'] })],
    ['a previous reaction of 501 characters', () => ({ patient: { allergies: ['k'.repeat(501)] }, items: ['Kinine 250 mg'] })],
    ['a list that is not an object', () => ['Kinine 250 mg']],
  ];

  it.each(bodies)('%s', async (_name, make) => {
    const body = make();
    const res = await check(body);
    expect(res.status === 200, `the API answers ${res.status}`).toBe(isValidAgainst('CheckRequest', body));
    expectDocumented('/api/v1/check', 'post', res);
  });
});

describe('every answer is one the document describes', () => {
  const everyKind = [
    'Kinine 250 mg 1dd a.n.', // reviewed, interacts with magnesium
    'Magnesium citrate 400 mg daily', // avoid, in a total
    'Magnesiumoxide 500 mg 2dd', // the same substance again
    'Magnesium 3 tabletten', // no strength: the total is incomplete
    'Vitamin E 400 IU every other day', // a dose on the days it is taken
    'Levocarnitine 1 g IV na elke dialyse', // per session, a route
    'Paracetamol 500 mg zo nodig', // dose not read
    'Kinidine 200 mg 3dd', // known only for its interactions
    'vitamne c 500 mg', // a near miss: a suggestion
    'Foobarex 10 mg', // not recognised
  ];
  const patient = { targetWeightKg: 55, weightGainKg: 3.2, sessionHours: 4, anticoagulation: 'citrate', allergies: ['kinine (trombocytopenie 2019)'] };

  it.each(['en', 'nl'])('a check of lines of every kind, in %s', async (lang) => {
    const res = await check({ lang, patient, items: everyKind });
    expect(res.status).toBe(200);
    const body = res.body;
    // The answer holds every part the schema describes, so that each is held to it.
    expect(new Set(body.items.map((i: Json) => i.coverage))).toEqual(new Set(['reviewed', 'interactions-only', 'dose-not-read', 'not-recognised']));
    expect(body.items.some((i: Json) => i.interactions)).toBe(true);
    expect(body.items.some((i: Json) => i.totals)).toBe(true);
    expect(body.items.some((i: Json) => i.suggestions.length > 0)).toBe(true);
    expect(body.items.some((i: Json) => i.dailyDose.some((d: Json) => d.onDosingDay))).toBe(true);
    expect(body.items.some((i: Json) => i.dailyDose.some((d: Json) => d.asWritten))).toBe(true);
    expect(body.totals.some((t: Json) => !t.complete)).toBe(true);
    expect(body.interactions.length).toBeGreaterThan(0);
    expect(body.context.length).toBeGreaterThan(0);
    expect(body.allergies).toHaveLength(1);
    expect(Object.keys(body.metrics).length).toBeGreaterThan(0);
    expectDocumented('/api/v1/check', 'post', res);
    expect(isValidAgainst('CheckReport', body)).toBe(true);
  });

  it('a total of which no line could be read, without an amount', async () => {
    const res = await check({ items: ['Magnesium 3 tabletten', 'Magnesium 2 tabletten'] });
    expect(res.body.totals).toEqual([expect.objectContaining({ amount: null, low: null, counted: [] })]);
    expectDocumented('/api/v1/check', 'post', res);
  });

  it('more interactions than are listed', async () => {
    const res = await check({ items: [...Array(8).fill('Kinine 250 mg 1dd a.n.'), ...Array(8).fill('Magnesium citrate 400 mg daily')] });
    expect(res.body.moreInteractions).toBeGreaterThan(0);
    expectDocumented('/api/v1/check', 'post', res);
  });

  it('links that stay paths when the Host header is not a host name', async () => {
    const res = await check({ items: ['Kinine 250 mg 1dd a.n.'] }, 'dialysafe.example@evil.test');
    expect(res.body.items[0].findings[0].kbUrl).toMatch(/^\/kb\//);
    expectDocumented('/api/v1/check', 'post', res);
  });

  it('400 for a body that is not JSON, or not sent as JSON', async () => {
    const broken = await request(app).post('/api/v1/check').set('Content-Type', 'application/json').send('{"items": [');
    expect(broken.status).toBe(400);
    expectDocumented('/api/v1/check', 'post', broken);
    const form = await request(app).post('/api/v1/check').type('form').send('items=Kinine');
    expect(form.status).toBe(400);
    expectDocumented('/api/v1/check', 'post', form);
  });

  it('400 with an issue per refused field', async () => {
    const res = await check({ patient: { targetWeightKg: -1, modality: 'x' }, items: ['Kinine 250 mg', ''] });
    expect(res.status).toBe(400);
    expect(res.body.issues.map((i: Json) => i.path)).toEqual(expect.arrayContaining(['patient.targetWeightKg', 'patient.modality', 'items.1']));
    expectDocumented('/api/v1/check', 'post', res);
  });

  it('413 for a body larger than any list', async () => {
    const res = await check({ items: Array(100).fill('x'.repeat(100_000)) });
    expect(res.status).toBe(413);
    expectDocumented('/api/v1/check', 'post', res);
  });

  it('429 beyond the rate limit', async () => {
    const limited = createApp(compiledKb(), { rateLimitPerMinute: 1 });
    await request(limited).post('/api/v1/check').send({ items: ['Kinine 250 mg'] });
    const res = await request(limited).post('/api/v1/check').send({ items: ['Kinine 250 mg'] });
    expect(res.status).toBe(429);
    expectDocumented('/api/v1/check', 'post', res);
  });

  it('404 for an endpoint the API does not have, in the error body', async () => {
    const res = await request(app).get('/api/v1/nothing-here');
    expect(res.status).toBe(404);
    expect(isValidAgainst('Error', res.body)).toBe(true);
  });

  it('/healthz', async () => {
    const res = await request(app).get('/healthz');
    expect(res.status).toBe(200);
    expectDocumented('/healthz', 'get', res);
  });

  it('/api/v1/openapi.json', async () => {
    expectDocumented('/api/v1/openapi.json', 'get', await request(app).get('/api/v1/openapi.json'));
  });
});

describe('FHIR answers are ones the document describes', () => {
  const fhir = (body: unknown) => request(app).post('/api/v1/check').set('Content-Type', 'application/fhir+json').send(JSON.stringify(body));
  const HL7 = join(projectRoot, 'test', 'fixtures', 'fhir', 'hl7-r4');
  const examples = readdirSync(HL7).filter((f) => f.endsWith('.json'));

  it.each(examples)('the HL7 example %s', async (file) => {
    const body = JSON.parse(readFileSync(join(HL7, file), 'utf8'));
    expect(isValidAgainst('FhirCheckInput', body)).toBe(true);
    expectDocumented('/api/v1/check', 'post', await fhir(body));
  });

  it('a bundle read from codes, from text and not at all, with an allergy and a resource it ignores', async () => {
    const quinine = { coding: [{ system: 'http://www.whocc.no/atc', code: 'P01BC01' }] };
    const bundle = {
      resourceType: 'Bundle',
      type: 'collection',
      entry: [
        {
          resource: {
            resourceType: 'MedicationRequest',
            id: 'coded',
            intent: 'order',
            medicationCodeableConcept: quinine,
            dosageInstruction: [
              {
                timing: { repeat: { frequency: 1, period: 1, periodUnit: 'd' } },
                route: { coding: [{ system: 'http://snomed.info/sct', code: '26643006' }] },
                doseAndRate: [{ doseQuantity: { value: 250, unit: 'mg', system: 'http://unitsofmeasure.org', code: 'mg' } }],
              },
            ],
          },
        },
        { resource: { resourceType: 'MedicationStatement', id: 'typed', medicationCodeableConcept: { text: 'Magnesium citrate 400 mg' }, dosage: [{ text: 'once daily' }] } },
        { resource: { resourceType: 'MedicationStatement', id: 'nameless', dosage: [{ text: 'once daily' }] } },
        { resource: { resourceType: 'AllergyIntolerance', id: 'a', code: { text: 'kinine' } } },
        { resource: { resourceType: 'Patient', id: 'p' } },
      ],
    };
    expect(isValidAgainst('FhirCheckInput', bundle)).toBe(true);
    const res = await fhir(bundle);
    expect(res.status).toBe(200);
    expect(res.body.items.map((i: Json) => [i.source.id, i.read])).toEqual([
      ['coded', 'structured'],
      ['typed', 'text'],
      ['nameless', 'none'],
    ]);
    expect(res.body.items[2].unreadable).toEqual({ code: 'no-medication', reason: expect.any(String) });
    expect(res.body.ignored).toEqual([{ resourceType: 'Patient', id: 'p' }]);
    expect(res.body.allergies).toHaveLength(1);
    expectDocumented('/api/v1/check', 'post', res);
    expect(isValidAgainst('FhirCheckReport', res.body)).toBe(true);
    expect(isValidAgainst('CheckReport', res.body)).toBe(false);
  });

  it('400 for a body that is not a resource it reads', async () => {
    const res = await fhir({ resourceType: 'Patient', id: 'p' });
    expect(res.status).toBe(400);
    expectDocumented('/api/v1/check', 'post', res);
  });
});

describe('an answer the document does not describe fails', () => {
  let real: Json;
  beforeAll(async () => {
    real = (await check({ patient: { allergies: ['kinine'] }, items: ['Kinine 250 mg 1dd a.n.', 'Magnesium citrate 400 mg daily'] })).body;
    expect(isValidAgainst('CheckReport', real)).toBe(true);
  });
  const changed = (change: (body: Json) => void) => {
    const body = structuredClone(real);
    change(body);
    return isValidAgainst('CheckReport', body);
  };

  it('a field it does not name, at any depth', () => {
    expect(changed((b) => (b.extra = 1))).toBe(false);
    expect(changed((b) => (b.items[0].extra = 1))).toBe(false);
    expect(changed((b) => (b.items[0].findings[0].extra = 1))).toBe(false);
    expect(changed((b) => (b.interactions[0].extra = 1))).toBe(false);
    expect(changed((b) => (b.items[0].reading.extra = 1))).toBe(false);
    expect(changed((b) => (b.allergies[0].extra = 1))).toBe(false);
  });

  it('a field it requires that is missing, or a value of the wrong kind', () => {
    expect(changed((b) => delete b.summary)).toBe(false);
    expect(changed((b) => delete b.items[0].coverage)).toBe(false);
    expect(changed((b) => (b.items[0].verdict = 'fine'))).toBe(false);
    expect(changed((b) => (b.items[0].findings[0].references = ['1']))).toBe(false);
    expect(changed((b) => (b.interactions[0].items = [0]))).toBe(false);
  });
});

describe('the documentation page', () => {
  it('renders the document with a maintained renderer, under the strict CSP, with no inline script or style', async () => {
    const res = await request(app).get('/api/docs');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    const csp = res.headers['content-security-policy'] ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self'");
    expect(csp).not.toContain('unsafe');

    const page = parse(res.text);
    expect(page.querySelectorAll('style, [style]')).toHaveLength(0);
    const scripts = page.querySelectorAll('script').map((s) => ({ src: s.getAttribute('src'), inline: s.text.trim() }));
    expect(scripts.length).toBeGreaterThan(0);
    for (const s of scripts) expect(s).toEqual({ src: expect.stringMatching(/^\//), inline: '' });
    const assets = [...scripts.map((s) => s.src!), ...page.querySelectorAll('link[rel=stylesheet], link[rel=icon]').map((l) => l.getAttribute('href')!)];
    for (const url of assets) {
      const asset = await request(app).get(url);
      expect(asset.status, url).toBe(200);
      expect(asset.headers['content-type'], url).toMatch(/javascript|css|image\/png/);
    }
    const init = await request(app).get(scripts.at(-1)!.src!);
    expect(init.text).toContain("url: '/api/v1/openapi.json'");
  });

  it('serves only the renderer files the page uses, not the package demo pages', async () => {
    const res = await request(app).get('/api/docs/index.html');
    expect(res.status).toBe(404);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
  });
});
