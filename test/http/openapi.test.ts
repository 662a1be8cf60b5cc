/**
 * The published OpenAPI document against the real app: it is valid OpenAPI 3.1, the API accepts
 * what its request schemas accept, and every answer the API gives here — status, media type and
 * body, for a JSON check, a FHIR check, CDS Hooks discovery, cards and feedback, health and the
 * errors — is one the document describes, with no field it does not name. Every operation of the
 * document is called, and an answer with one field renamed no longer fits.
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

/** A response object of the document, following a $ref into components.responses. */
const resolved = (response: Json | undefined): Json | undefined =>
  response?.$ref ? doc.components.responses[String(response.$ref).replace('#/components/responses/', '')] : response;

/** Operations ("post /api/v1/check") whose answers were held to the document. */
const called = new Set<string>();

/** Whether the document describes this answer of the operation (status, media type, body), and if not, why. */
function documents(path: string, method: string, res: Res): { ok: boolean; why: string } {
  const operation = doc.paths[path]?.[method];
  if (!operation) return { ok: false, why: `${method} ${path} is not in the document` };
  const documented = resolved(operation.responses[String(res.status)] ?? operation.responses[`${String(res.status)[0]}XX`]);
  if (!documented) return { ok: false, why: `${method} ${path} does not document status ${res.status}` };
  const mediaType = res.headers['content-type']?.split(';')[0] ?? '';
  const schema = documented.content?.[mediaType]?.schema;
  if (!schema) return { ok: false, why: `${method} ${path} ${res.status} does not document ${mediaType}` };
  for (const header of Object.keys(documented.headers ?? {})) {
    if (res.headers[header.toLowerCase()] === undefined) return { ok: false, why: `${method} ${path} ${res.status} has no ${header} header` };
  }
  const validate = validator(`${method} ${path} ${res.status} ${mediaType}`, schema);
  const ok = validate(res.body) as boolean;
  return { ok, why: JSON.stringify(validate.errors?.slice(0, 5), null, 1) };
}

function expectDocumented(path: string, method: string, res: Res) {
  const { ok, why } = documents(path, method, res);
  expect(ok, why).toBe(true);
  called.add(`${method} ${path}`);
}

/** The same answer with one field renamed at `at` ("items.0.verdict"). */
function renamed(res: Res, at: string, to: string): Res {
  const body = structuredClone(res.body) as Json;
  const keys = at.split('.');
  const field = keys.pop()!;
  const parent = keys.reduce((o: Json, k) => o[k], body);
  expect(parent, `${at} is in the answer`).toHaveProperty(field);
  parent[to] = parent[field];
  delete parent[field];
  return { ...res, body };
}

/** The document's answer for an error shared by every endpoint (components.responses). */
function expectSharedError(id: string, res: Res) {
  const response = doc.components.responses[id];
  expect(response, `components.responses.${id}`).toBeDefined();
  for (const header of Object.keys(response.headers ?? {})) expect(res.headers[header.toLowerCase()], header).toEqual(expect.any(String));
  const validate = validator(`components.responses.${id}`, response.content['application/json'].schema);
  expect(validate(res.body), JSON.stringify(validate.errors)).toBe(true);
  expect(res.headers['content-type']).toMatch(/^application\/json/);
}

const isValidAgainst = (component: string, value: unknown) => validator(component, { $ref: `#/components/schemas/${component}` })(value) as boolean;

const check = (body: unknown, host?: string) => {
  const req = request(app).post('/api/v1/check').set('Content-Type', 'application/json');
  return (host ? req.set('Host', host) : req).send(JSON.stringify(body));
};
const fhir = (body: unknown) => request(app).post('/api/v1/check').set('Content-Type', 'application/fhir+json').send(JSON.stringify(body));
const cds = (path: string, body: unknown, on = app) => request(on).post(path).set('Content-Type', 'application/json').send(JSON.stringify(body));

const FIXTURES = join(projectRoot, 'test', 'fixtures', 'fhir');
const fixture = (path: string): Json => JSON.parse(readFileSync(join(FIXTURES, path), 'utf8'));
const SIGN = '/cds-services/dialysafe-order-sign';
const SELECT = '/cds-services/dialysafe-order-select';

describe('the OpenAPI document', () => {
  it('is valid OpenAPI 3.1, served as JSON', async () => {
    const res = await request(app).get('/api/v1/openapi.json');
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.body.openapi).toMatch(/^3\.1\./);
    const result = await new Validator().validate(res.body);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expectDocumented('/api/v1/openapi.json', 'get', res);
  });

  it('describes the check (JSON and FHIR), health, and CDS Hooks discovery, feedback counts and each service discovery lists', async () => {
    const discovery = await request(app).get('/cds-services');
    const services = (discovery.body.services as Json[]).map((s) => s.id);
    expect(services).toEqual(['dialysafe-order-select', 'dialysafe-order-sign']);
    expect(Object.keys(doc.paths).sort()).toEqual(
      ['/api/v1/check', '/api/v1/openapi.json', '/healthz', '/cds-services', '/cds-services/feedback-summary', ...services.flatMap((id) => [`/cds-services/${id}`, `/cds-services/${id}/feedback`])].sort(),
    );
    expect(Object.keys(doc.paths['/api/v1/check'].post.requestBody.content)).toEqual(['application/json', 'application/fhir+json', 'application/json+fhir']);
    // Each service's body is the schema of its own hook, not one that takes either.
    expect(doc.paths[SIGN].post.requestBody.content['application/json'].schema).toEqual({ $ref: '#/components/schemas/CdsOrderSignRequest' });
    expect(doc.paths[SELECT].post.requestBody.content['application/json'].schema).toEqual({ $ref: '#/components/schemas/CdsOrderSelectRequest' });
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

  const gabapentin = () => fixture('dialysis/order-sign-gabapentin-tid.json');
  const select = () => {
    const body = gabapentin();
    return { ...body, hook: 'order-select', context: { ...body.context, selections: ['MedicationRequest/gabapentin-1'] } };
  };
  const hookBodies: [string, string, () => unknown][] = [
    ['order-sign: the gabapentin order', SIGN, gabapentin],
    ['order-sign: fields the specification adds pass', SIGN, () => ({ ...gabapentin(), extension: { 'com.example': 1 }, context: { ...gabapentin().context, extra: true } })],
    ['order-sign: a prefetch the client could not fetch (null)', SIGN, () => ({ ...gabapentin(), prefetch: { medicationRequests: null } })],
    ['order-sign: no context', SIGN, () => ({ hook: 'order-sign', hookInstance: 'x' })],
    ['order-sign: draftOrders that are not a Bundle', SIGN, () => ({ ...gabapentin(), context: { ...gabapentin().context, draftOrders: { resourceType: 'MedicationRequest' } } })],
    ['order-sign: a hookInstance of 201 characters', SIGN, () => ({ ...gabapentin(), hookInstance: 'x'.repeat(201) })],
    ['order-sign: an order-select call', SIGN, select],
    ['order-sign: fhirServer that is not a URL', SIGN, () => ({ ...gabapentin(), fhirServer: 'not a url' })],
    ['order-select: the gabapentin order selected', SELECT, select],
    ['order-select: no selections', SELECT, () => ({ ...select(), context: { ...select().context, selections: [] } })],
    ['order-select: an order-sign call', SELECT, gabapentin],
  ];

  it.each(hookBodies)('%s', async (_name, path, make) => {
    const body = make();
    const res = await cds(path, body);
    const component = doc.paths[path].post.requestBody.content['application/json'].schema.$ref.split('/').pop();
    expect(res.status === 200, `the API answers ${res.status}: ${JSON.stringify(res.body).slice(0, 200)}`).toBe(isValidAgainst(component, body));
    expectDocumented(path, 'post', res);
  });

  const feedbackBodies: [string, () => unknown][] = [
    ...readdirSync(join(FIXTURES, 'cds-hooks'))
      .filter((f) => f.startsWith('spec-feedback'))
      .map((f): [string, () => unknown] => [`the specification example ${f}`, () => fixture(`cds-hooks/${f}`)]),
    ['no feedback', () => ({ feedback: [] })],
    ['an outcome it does not know', () => ({ feedback: [{ card: 'c', outcome: 'ignored', outcomeTimestamp: '2026-12-01T10:00:00Z' }] })],
    ['a time without a zone', () => ({ feedback: [{ card: 'c', outcome: 'overridden', outcomeTimestamp: '2026-12-01 10:00' }] })],
  ];

  it.each(feedbackBodies)('feedback: %s', async (_name, make) => {
    const body = make();
    const res = await cds(`${SIGN}/feedback`, body);
    expect(res.status === 200, `the API answers ${res.status}`).toBe(isValidAgainst('CdsFeedbackRequest', body));
    expectDocumented(`${SIGN}/feedback`, 'post', res);
  });
});

describe('every answer to a JSON check is one the document describes', () => {
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

  it('two lines: references once at the top, pointers by index, the interaction acted on at one line', async () => {
    const res = await check({ items: ['Kinine 250 mg 1dd a.n.', 'Magnesium citrate 400 mg daily'] });
    expectDocumented('/api/v1/check', 'post', res);
    const { items, interactions, references, summary } = res.body;
    expect(interactions).toEqual([expect.objectContaining({ code: 'quinine.magnesium-absorption', items: [0, 1], actOn: [0] })]);
    expect(items[0].interactions).toEqual([0]);
    expect(items[1].interactions).toEqual([0]);
    // A self-bought magnesium supplement is itself to be avoided: it points to line 1 without "keep taking".
    expect(items[1].findings.map((f: Json) => f.code)).toContain('interaction.see-line');
    const cited = [...items.flatMap((i: Json) => i.findings), ...interactions].flatMap((f: Json) => f.references);
    expect(new Set(cited)).toEqual(new Set(references.map((_: unknown, n: number) => n)));
    expect(summary).toMatchObject({ verdict: 'avoid', lines: [1] });
  });

  it('a total of which no line could be read, without an amount', async () => {
    const res = await check({ items: ['Magnesium 3 tabletten', 'Magnesium 2 tabletten'] });
    expect(res.body.totals).toEqual([expect.objectContaining({ amount: null, low: null, counted: [] })]);
    expectDocumented('/api/v1/check', 'post', res);
  });

  it('more interactions than are listed', async () => {
    const res = await check({ items: [...Array(8).fill('Kinine 250 mg 1dd a.n.'), ...Array(8).fill('Magnesium citrate 400 mg daily')] });
    // Each quinine line with each magnesium line: 64 interactions, of which the first 50 are listed.
    expect(res.body.interactions).toHaveLength(50);
    expect(res.body.moreInteractions).toBe(8 * 8 - 50);
    expectDocumented('/api/v1/check', 'post', res);
  });

  it('links that stay paths when the Host header is not a host name', async () => {
    const res = await check({ items: ['Kinine 250 mg 1dd a.n.'] }, 'dialysafe.example@evil.test');
    expect(res.body.items[0].findings[0].kbUrl).toMatch(/^\/kb\//);
    expectDocumented('/api/v1/check', 'post', res);
  });
});

describe('FHIR answers are ones the document describes', () => {
  const HL7 = join(FIXTURES, 'hl7-r4');
  const examples = readdirSync(HL7).filter((f) => f.endsWith('.json'));

  it.each(examples)('the HL7 example %s', async (file) => {
    const body = JSON.parse(readFileSync(join(HL7, file), 'utf8'));
    expect(isValidAgainst('FhirCheckBody', body)).toBe(true);
    expectDocumented('/api/v1/check', 'post', await fhir(body));
  });

  it('a dialysis home list: each item with its source and how it was read, the allergy, and what was ignored', async () => {
    const body = fixture('dialysis/bundle-home-list.json');
    expect(isValidAgainst('FhirCheckBody', body)).toBe(true);
    const res = await fhir(body);
    expect(res.status).toBe(200);
    const items = res.body.items as Json[];
    expect(items.map((i) => [i.source.resourceType, i.source.id, i.read, i.textUsed])).toEqual([
      ['MedicationStatement', 'home-quinine', 'text', ['medication']],
      ['MedicationStatement', 'home-magnesium-oxide', 'text', ['medication']],
      ['MedicationStatement', 'home-vitamin-e', 'structured', undefined],
      ['MedicationRequest', 'home-warfarin', 'structured', undefined],
      ['MedicationRequest', 'home-gabapentin', 'structured', undefined],
      ['MedicationRequest', 'home-levocarnitine', 'text', ['medication', 'dosage']],
      ['MedicationStatement', 'home-unknown-reference', 'none', undefined],
    ]);
    expect(items[6]).toMatchObject({ verdict: 'unknown', unreadable: { code: 'medication-not-found', reason: expect.stringContaining('Medication/not-in-this-bundle') } });
    expect(res.body.ignored).toEqual([
      { resourceType: 'Patient', id: 'dialysis-1' },
      { resourceType: 'Observation', id: 'dry-weight' },
    ]);
    expect(res.body.allergies).toEqual([{ input: 'Penicillin (rash)', substances: [] }]);
    expectDocumented('/api/v1/check', 'post', res);
    expect(isValidAgainst('FhirCheckReport', res.body)).toBe(true);
    expect(isValidAgainst('CheckReport', res.body)).toBe(false);
  });

  it('a bundle read from codes, from text and not at all, in Dutch', async () => {
    const bundle = {
      resourceType: 'Bundle',
      type: 'collection',
      entry: [
        {
          resource: {
            resourceType: 'MedicationRequest',
            id: 'coded',
            intent: 'order',
            medicationCodeableConcept: { coding: [{ system: 'http://www.whocc.no/atc', code: 'P01BC01' }] },
            dosageInstruction: [{ timing: { repeat: { frequency: 1, period: 1, periodUnit: 'd' } }, doseAndRate: [{ doseQuantity: { value: 250, unit: 'mg', system: 'http://unitsofmeasure.org', code: 'mg' } }] }],
          },
        },
        { resource: { resourceType: 'MedicationStatement', id: 'typed', medicationCodeableConcept: { text: 'Magnesium citrate 400 mg' }, dosage: [{ text: 'once daily' }] } },
        { resource: { resourceType: 'MedicationStatement', id: 'nameless', dosage: [{ text: 'once daily' }] } },
      ],
    };
    const res = await fhir(bundle).set('Accept-Language', 'nl');
    expect(res.body.items.map((i: Json) => [i.source.id, i.read])).toEqual([
      ['coded', 'structured'],
      ['typed', 'text'],
      ['nameless', 'none'],
    ]);
    expect(res.body.items[2].unreadable).toEqual({ code: 'no-medication', reason: expect.stringMatching(/^De resource noemt geen geneesmiddel/) });
    expectDocumented('/api/v1/check', 'post', res);
  });

  it('400 for a body that is not a resource it reads, or holds no medication resource', async () => {
    const patient = { resourceType: 'Patient', id: 'p' };
    const notRead = await fhir(patient);
    expect(isValidAgainst('FhirCheckBody', patient)).toBe(false);
    expect(notRead.status).toBe(400);
    expectDocumented('/api/v1/check', 'post', notRead);
    const none = await fhir({ resourceType: 'Bundle', entry: [{ resource: patient }] });
    expect(none.status).toBe(400);
    expect(none.body.error).toBe('the FHIR body holds no MedicationRequest or MedicationStatement to check');
    expectDocumented('/api/v1/check', 'post', none);
  });

  it('400 for more than 100 medication resources; 413 for a body above 2 MB', async () => {
    const statement = { resource: { resourceType: 'MedicationStatement', medicationCodeableConcept: { text: 'Kinine 250 mg' } } };
    const many = await fhir({ resourceType: 'Bundle', entry: Array(101).fill(statement) });
    expect(many.status).toBe(400);
    expectDocumented('/api/v1/check', 'post', many);
    const large = await fhir({ resourceType: 'Bundle', entry: [statement], text: 'x'.repeat(2 * 1024 * 1024) });
    expect(large.status).toBe(413);
    expectDocumented('/api/v1/check', 'post', large);
  });
});

describe('CDS Hooks answers are ones the document describes', () => {
  it('discovery', async () => {
    const res = await request(app).get('/cds-services');
    expect(res.status).toBe(200);
    expectDocumented('/cds-services', 'get', res);
  });

  it('the cards for a gabapentin order of 300 mg three times a day, and feedback on them, counted', async () => {
    const body = fixture('dialysis/order-sign-gabapentin-tid.json');
    const res = await cds(SIGN, body);
    expect(res.status).toBe(200);
    const card = (res.body.cards as Json[]).find((c) => c.source.topic.code === 'gabapentin.above-dialysis-cap');
    expect(card).toMatchObject({ indicator: 'critical', suggestions: [{ actions: [{ type: 'delete', resourceId: 'MedicationRequest/gabapentin-1' }] }] });
    expectDocumented(SIGN, 'post', res);

    const feedback = { feedback: [{ card: card!.uuid, outcome: 'overridden', overrideReason: { reason: card!.overrideReasons[1] }, outcomeTimestamp: new Date().toISOString() }] };
    expect(isValidAgainst('CdsFeedbackRequest', feedback)).toBe(true);
    const answer = await cds(`${SIGN}/feedback`, feedback);
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({});
    expectDocumented(`${SIGN}/feedback`, 'post', answer);

    const summary = await request(app).get('/cds-services/feedback-summary');
    expect(summary.body.rules['gabapentin.above-dialysis-cap']).toMatchObject({ overridden: expect.any(Number), overrideReasons: { [card!.overrideReasons[1].code]: expect.any(Number) } });
    expectDocumented('/cds-services/feedback-summary', 'get', summary);
  });

  it('order-select: the cards of the selected order, and a card that current medicines were not available', async () => {
    const body = fixture('dialysis/order-sign-gabapentin-tid.json');
    const res = await cds(SELECT, { ...body, hook: 'order-select', prefetch: undefined, context: { ...body.context, selections: ['MedicationRequest/gabapentin-1'] } });
    expect(res.status).toBe(200);
    expect(res.body.cards.at(-1)).toMatchObject({ indicator: 'info', source: { topic: { code: 'cds.notice' } } });
    expect(res.body.cards.at(-1).overrideReasons).toBeUndefined();
    expectDocumented(SELECT, 'post', res);
    const feedback = await cds(`${SELECT}/feedback`, fixture('cds-hooks/spec-feedback-accepted.json'));
    expectDocumented(`${SELECT}/feedback`, 'post', feedback);
  });

  it('404 for a service that does not exist', async () => {
    const res = await cds('/cds-services/nothing-here', fixture('dialysis/order-sign-gabapentin-tid.json'));
    expect(res.status).toBe(404);
    expectSharedError('NotFound', res);
    const feedback = await cds('/cds-services/nothing-here/feedback', fixture('cds-hooks/spec-feedback-accepted.json'));
    expect(feedback.status).toBe(404);
    expectSharedError('NotFound', feedback);
  });

  it('400 for a body that is not JSON; 413 for one above 2 MB', async () => {
    const broken = await request(app).post(SIGN).set('Content-Type', 'application/json').send('{"hook":');
    expect(broken.status).toBe(400);
    expectDocumented(SIGN, 'post', broken);
    const large = await cds(SIGN, { ...fixture('dialysis/order-sign-gabapentin-tid.json'), padding: 'x'.repeat(2 * 1024 * 1024) });
    expect(large.status).toBe(413);
    expectDocumented(SIGN, 'post', large);
  });

  it('401 without a JWT when trusted issuers are set; the feedback counts stay open', async () => {
    const secured = createApp(compiledKb(), { cdsHooks: { trustedIssuers: { 'https://ehr.example': 'https://ehr.example/jwks.json' } } });
    const discovery = await request(secured).get('/cds-services');
    expect(discovery.status).toBe(401);
    expectDocumented('/cds-services', 'get', discovery);
    const hook = await cds(SIGN, fixture('dialysis/order-sign-gabapentin-tid.json'), secured);
    expect(hook.status).toBe(401);
    expectDocumented(SIGN, 'post', hook);
    const summary = await request(secured).get('/cds-services/feedback-summary');
    expect(summary.status).toBe(200);
    expectDocumented('/cds-services/feedback-summary', 'get', summary);
  });

  it('429 beyond the rate limit', async () => {
    const limited = createApp(compiledKb(), { rateLimitPerMinute: 1 });
    await request(limited).get('/cds-services');
    const res = await request(limited).get('/cds-services');
    expect(res.status).toBe(429);
    expectDocumented('/cds-services', 'get', res);
  });
});

describe('errors and the service are answers the document describes', () => {
  it('400 for a body that is not JSON, or not sent as JSON', async () => {
    const broken = await request(app).post('/api/v1/check').set('Content-Type', 'application/json').send('{"items": [');
    expect(broken.status).toBe(400);
    expectDocumented('/api/v1/check', 'post', broken);
    // A media type the API does not read is 400, like every other body it cannot read: it never answers 415.
    const form = await request(app).post('/api/v1/check').type('form').send('items=Kinine');
    expect(form.status).toBe(400);
    expectDocumented('/api/v1/check', 'post', form);
    const latin1 = await request(app).post('/api/v1/check').set('Content-Type', 'application/json; charset=latin1').send('{"items":["Kinine"]}');
    expect(latin1.status).toBe(400);
    expectDocumented('/api/v1/check', 'post', latin1);
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

  it('404 for an endpoint the API does not have; 405 with Allow for a method a path does not take', async () => {
    const missing = await request(app).get('/api/v1/nothing-here');
    expect(missing.status).toBe(404);
    expectSharedError('NotFound', missing);
    const wrongMethod = await request(app).get('/api/v1/check');
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.allow).toBe('OPTIONS, POST');
    expectSharedError('MethodNotAllowed', wrongMethod);
  });

  it('/healthz', async () => {
    const res = await request(app).get('/healthz');
    expect(res.status).toBe(200);
    expectDocumented('/healthz', 'get', res);
  });
});

describe('an answer the document does not describe fails', () => {
  const gabapentin = () => cds(SIGN, fixture('dialysis/order-sign-gabapentin-tid.json'));
  // Each real answer, and a field in it renamed to a name the document does not have.
  const cases: [string, string, string, () => Promise<Res>, string, string][] = [
    ['a JSON check: an item verdict', '/api/v1/check', 'post', () => check({ items: ['Kinine 250 mg 1dd a.n.', 'Magnesium citrate 400 mg daily'] }), 'items.0.verdict', 'verdicts'],
    ['a JSON check: the pointer to an interaction', '/api/v1/check', 'post', () => check({ items: ['Kinine 250 mg 1dd a.n.', 'Magnesium citrate 400 mg daily'] }), 'items.0.interactions', 'interaction'],
    ['a JSON check: actOn', '/api/v1/check', 'post', () => check({ items: ['Kinine 250 mg 1dd a.n.', 'Magnesium citrate 400 mg daily'] }), 'interactions.0.actOn', 'act_on'],
    ['a JSON check: the references', '/api/v1/check', 'post', () => check({ items: ['Kinine 250 mg 1dd a.n.'] }), 'references', 'refs'],
    ['a JSON check: the lines of the summary', '/api/v1/check', 'post', () => check({ items: ['Kinine 250 mg 1dd a.n.'] }), 'summary.lines', 'items'],
    ['a FHIR check: how an item was read', '/api/v1/check', 'post', () => fhir(fixture('dialysis/bundle-home-list.json')), 'items.0.read', 'readAs'],
    ['a FHIR check: textUsed', '/api/v1/check', 'post', () => fhir(fixture('dialysis/bundle-home-list.json')), 'items.5.textUsed', 'textsUsed'],
    ['a FHIR check: the reason an item was not read', '/api/v1/check', 'post', () => fhir(fixture('dialysis/bundle-home-list.json')), 'items.6.unreadable.reason', 'why'],
    ['a FHIR check: ignored', '/api/v1/check', 'post', () => fhir(fixture('dialysis/bundle-home-list.json')), 'ignored', 'skipped'],
    ['discovery: prefetch', '/cds-services', 'get', () => request(app).get('/cds-services'), 'services.0.prefetch', 'prefetches'],
    ['cards: an indicator', SIGN, 'post', gabapentin, 'cards.0.indicator', 'severity'],
    ['cards: the resource a suggestion removes', SIGN, 'post', gabapentin, 'cards.0.suggestions.0.actions.0.resourceId', 'resource'],
    ['feedback counts: unknown cards', '/cds-services/feedback-summary', 'get', () => request(app).get('/cds-services/feedback-summary'), 'unknownCards', 'unknown'],
    ['health: the knowledge base', '/healthz', 'get', () => request(app).get('/healthz'), 'kb', 'knowledgeBase'],
    ['an error: its issues', '/api/v1/check', 'post', () => check({ items: [] }), 'issues', 'errors'],
  ];

  it.each(cases)('%s', async (_name, path, method, send, at, to) => {
    const res = await send();
    expect(documents(path, method, res)).toMatchObject({ ok: true });
    expect(documents(path, method, renamed(res, at, to)).ok).toBe(false);
  });

  it('a field it does not name, at any depth, a field it requires that is missing, or a value of the wrong kind', async () => {
    const real = (await check({ patient: { allergies: ['kinine'] }, items: ['Kinine 250 mg 1dd a.n.', 'Magnesium citrate 400 mg daily'] })).body;
    expect(isValidAgainst('CheckReport', real)).toBe(true);
    const changed = (change: (body: Json) => void) => {
      const body = structuredClone(real);
      change(body);
      return isValidAgainst('CheckReport', body);
    };
    expect(changed((b) => (b.extra = 1))).toBe(false);
    expect(changed((b) => (b.items[0].findings[0].extra = 1))).toBe(false);
    expect(changed((b) => (b.items[0].reading.extra = 1))).toBe(false);
    expect(changed((b) => (b.allergies[0].extra = 1))).toBe(false);
    expect(changed((b) => delete b.summary)).toBe(false);
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

// Last, once every test above has called the app: no operation of the document goes unchecked.
describe('coverage of the document', () => {
  it('every operation of the document had a real answer held to it', () => {
    const operations = Object.entries(doc.paths as Json).flatMap(([path, item]) => Object.keys(item).map((method) => `${method} ${path}`));
    expect(operations.filter((o) => !called.has(o))).toEqual([]);
  });
});
