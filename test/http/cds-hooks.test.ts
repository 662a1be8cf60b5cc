import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import fc from 'fast-check';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { pino } from 'pino';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import type { KnowledgeBase } from '../../src/kb/knowledge-base.js';
import { projectRoot } from '../../src/paths.js';
import { compiledKb } from '../helpers/kb.js';

let kb: KnowledgeBase;
let app: ReturnType<typeof createApp>;
beforeAll(() => {
  kb = compiledKb();
  app = createApp(kb, { rateLimitPerMinute: 10_000, cdsHooks: { fhirTimeoutMs: 300 } });
});

const FIXTURES = join(projectRoot, 'test', 'fixtures', 'fhir');
const fixture = (path: string) => JSON.parse(readFileSync(join(FIXTURES, path), 'utf8')) as Record<string, unknown> & { context: Record<string, unknown> };
const SIGN = '/cds-services/dialysafe-order-sign';
const SELECT = '/cds-services/dialysafe-order-select';
const post = (path: string, body: unknown, headers: Record<string, string> = {}, on = app) =>
  request(on).post(path).set('Content-Type', 'application/json').set(headers).send(JSON.stringify(body));

interface Card {
  uuid: string;
  summary: string;
  detail: string;
  indicator: 'info' | 'warning' | 'critical';
  source: { label: string; url: string; topic: { code: string } };
  suggestions?: { uuid: string; label: string; actions: { type: string; resourceId: string }[] }[];
  selectionBehavior?: string;
  overrideReasons?: { system: string; code: string; display: string }[];
  links: { url: string; type: string }[];
}

const cardFor = (cards: Card[], code: string) => cards.find((c) => c.source.topic.code === code);
const RX = 'http://www.nlm.nih.gov/research/umls/rxnorm';
const draft = (id: string, medication: object, dosage: object[] = []) => ({ resourceType: 'MedicationRequest', id, status: 'draft', intent: 'order', ...medication, dosageInstruction: dosage });
const signRequest = (drafts: object[], extra: object = {}) => ({
  hook: 'order-sign',
  hookInstance: randomUUID(),
  context: { userId: 'Practitioner/1', patientId: 'dialysis-1', draftOrders: { resourceType: 'Bundle', entry: drafts.map((resource) => ({ resource })) } },
  ...extra,
});
const searchset = (...resources: object[]) => ({ resourceType: 'Bundle', type: 'searchset', entry: resources.map((resource) => ({ resource })) });
const rx = (code: string) => ({ medicationCodeableConcept: { coding: [{ system: RX, code }] } });
const daily = (value: number, unit = 'mg') => [{ timing: { code: { coding: [{ code: 'QD' }] } }, doseAndRate: [{ doseQuantity: { value, unit, system: 'http://unitsofmeasure.org', code: unit } }] }];

function expectValidCard(card: Card, version: string) {
  expect(card.uuid).toMatch(/^[0-9a-f-]{36}$/);
  expect([...card.summary].length).toBeLessThanOrEqual(140);
  expect(['info', 'warning', 'critical']).toContain(card.indicator);
  expect(card.source.label).toContain(version);
  expect(card.source.url).toMatch(/^https?:\/\/.+\/kb/);
  if (card.suggestions) expect(card.selectionBehavior).toBe('at-most-one');
  for (const r of card.overrideReasons ?? []) expect(r.display.length).toBeGreaterThan(0);
}

describe('GET /cds-services (discovery)', () => {
  it('lists an order-select and an order-sign service with their prefetch templates', async () => {
    const res = await request(app).get('/cds-services');
    expect(res.status).toBe(200);
    expect(res.body.services.map((s: { hook: string; id: string }) => [s.hook, s.id])).toEqual([
      ['order-select', 'dialysafe-order-select'],
      ['order-sign', 'dialysafe-order-sign'],
    ]);
    for (const s of res.body.services) {
      expect(s.description.length).toBeGreaterThan(50);
      expect(s.prefetch).toEqual({
        patient: 'Patient/{{context.patientId}}',
        medicationRequests: 'MedicationRequest?patient={{context.patientId}}&status=active',
        medicationStatements: 'MedicationStatement?patient={{context.patientId}}&status=active',
        allergies: 'AllergyIntolerance?patient={{context.patientId}}&clinical-status=active',
      });
    }
  });

  it('answers CORS preflight and requests from any origin', async () => {
    const preflight = await request(app)
      .options(SIGN)
      .set('Origin', 'https://ehr.example')
      .set('Access-Control-Request-Method', 'POST')
      .set('Access-Control-Request-Headers', 'authorization,content-type');
    expect(preflight.status).toBe(204);
    expect(preflight.headers['access-control-allow-origin']).toBe('*');
    expect(preflight.headers['access-control-allow-methods']).toMatch(/POST/);
    expect(preflight.headers['access-control-allow-headers']).toMatch(/Authorization/);
    const get = await request(app).get('/cds-services').set('Origin', 'https://ehr.example');
    expect(get.headers['access-control-allow-origin']).toBe('*');
  });
});

describe('POST /cds-services/{id} with the specification examples', () => {
  it.each([
    ['spec-order-select-r4.json', SELECT],
    ['spec-order-sign-r4.json', SIGN],
    ['spec-order-select-stu3.json', SELECT],
    ['spec-order-sign-stu3.json', SIGN],
  ])('%s → 200 with valid cards about the medication order', async (file, path) => {
    const res = await post(path, fixture(`cds-hooks/${file}`));
    expect(res.status).toBe(200);
    const cards = res.body.cards as Card[];
    expect(cards.length).toBeGreaterThan(1);
    for (const c of cards) expectValidCard(c, kb.meta.version);
    // The amoxicillin/clavulanate order is read and carded; the nutrition order is not a medicine.
    expect(cards.some((c) => /amoxicillin/i.test(c.summary))).toBe(true);
    // No current medicines in the example: the cards say they were not checked.
    expect(cards.at(-1)).toMatchObject({ indicator: 'info', summary: 'Current medicines not available: the orders were checked on their own' });
  });

  it('answers a DSTU2 MedicationOrder with a clear 400', async () => {
    const body = signRequest([{ resourceType: 'MedicationOrder', id: 'm', status: 'draft', medicationCodeableConcept: { text: 'Kinine 200 mg' } }]);
    const res = await post(SIGN, body);
    expect(res.status).toBe(400);
    expect(res.body.error).toMatch(/DSTU2 MedicationOrder/);
  });
});

describe('POST /cds-services/{id}: requests that are wrong', () => {
  it('answers an unknown service with 404 JSON', async () => {
    const res = await post('/cds-services/nothing-here', signRequest([]));
    expect(res.status).toBe(404);
    expect(res.body.error).toMatch(/no CDS service "nothing-here"/);
  });

  it('answers a hook that does not match the service with 400', async () => {
    const res = await post(SELECT, signRequest([]));
    expect(res.status).toBe(400);
    expect(res.body.error).toBe('the service dialysafe-order-select answers the order-select hook, not order-sign');
  });

  it.each([
    ['no context', { hook: 'order-sign', hookInstance: 'x' }, 'context'],
    ['no draftOrders', { hook: 'order-sign', hookInstance: 'x', context: { userId: 'u', patientId: 'p' } }, 'context.draftOrders'],
    ['no hookInstance', { ...signRequest([]), hookInstance: undefined }, 'hookInstance'],
    ['fhirAuthorization without fhirServer', signRequest([], { fhirAuthorization: { access_token: 't', token_type: 'Bearer', expires_in: 300, scope: 'user/*.read', subject: 'dialysafe' } }), 'fhirServer'],
    ['order-select without selections', { ...signRequest([]), hook: 'order-select' }, 'context.selections'],
  ])('answers a body with %s with 400 naming the field', async (_what, body, path) => {
    const res = await post((body as { hook: string }).hook === 'order-select' ? SELECT : SIGN, body);
    expect(res.status).toBe(400);
    expect(res.body.issues.map((i: { path: string }) => i.path)).toContain(path);
  });

  it('answers a body that is not JSON, or not an object, with 400 JSON', async () => {
    const text = await request(app).post(SIGN).set('Content-Type', 'text/plain').send('order-sign');
    expect(text.status).toBe(400);
    const list = await post(SIGN, [1, 2]);
    expect(list.status).toBe(400);
    expect(list.body.error).toBe('the request is not a CDS Hooks request');
  });
});

describe('order-sign for a person on haemodialysis', () => {
  it('quinine sulfate 324 mg at bedtime: critical, with the dose worked out and a suggestion to remove it', async () => {
    const res = await post(SIGN, fixture('dialysis/order-sign-quinine.json'));
    const cards = res.body.cards as Card[];
    const dose = cardFor(cards, 'quinine.above-cramp-dose');
    expect(dose?.indicator).toBe('critical');
    expect(dose?.summary).toBe('Quinine 269 mg quinine base per day (limit 250 mg quinine base per day): More quinine than the highest dose licensed for cramps in the UK');
    expect(dose?.detail).toContain('**Dose worked out:** Quinine: 269 mg quinine base per day (324 mg as written)');
    expect(dose?.detail).toMatch(/\*\*References:\*\*\n\n- \[.+\]\(https:\/\//);
    expect(dose?.suggestions).toEqual([expect.objectContaining({ actions: [{ type: 'delete', description: 'Remove the draft order for quinine', resourceId: 'MedicationRequest/quinine-1' }] })]);
    expect(dose?.overrideReasons?.map((r) => r.code)).toContain('benefit-outweighs-risk');
    expect(dose?.source.url).toBe(`${dose?.source.url.split('/kb/')[0]}/kb/quinine`);
  });

  it('magnesium oxide 400 mg twice daily: critical — a draft order is the decision under review, not a managed prescription', async () => {
    const res = await post(SIGN, fixture('dialysis/order-sign-magnesium-oxide.json'));
    const cards = res.body.cards as Card[];
    const magnesium = cardFor(cards, 'magnesium.supplement-accumulates');
    expect(magnesium?.indicator).toBe('critical');
    expect(cards.some((c) => c.source.topic.code === 'magnesium.prescribed-for-low-level')).toBe(false);
    expect(magnesium?.detail).toContain('482–800 mg elemental magnesium per day');
    // The current medicines were prefetched (none): no "not available" card.
    expect(cards.some((c) => c.summary.startsWith('Current medicines not available'))).toBe(false);
  });

  it('vitamin E 800 IU with warfarin in prefetch: an interaction card that names bleeding and removes the vitamin E', async () => {
    const res = await post(SIGN, fixture('dialysis/order-sign-vitamin-e-with-warfarin.json'));
    const cards = res.body.cards as Card[];
    const x = cardFor(cards, 'vitamin-e.coumarins');
    expect(x?.indicator).toBe('critical');
    expect(x?.summary).toMatch(/^Vitamin E \+ Warfarin: .*bleeding/);
    expect(x?.detail).toContain('**Concerns:** line 1: Vitamin E; line 2: Warfarin (current medicine)');
    expect(x?.suggestions?.[0]?.actions[0]?.resourceId).toBe('MedicationRequest/vitamin-e-1');
    // Warfarin itself is a current medicine, not an order: no card of its own.
    expect(cards.some((c) => c.source.topic.code.startsWith('warfarin.'))).toBe(false);
  });

  it('gabapentin 300 mg with timing.code TID only: 900 mg a day, above the dialysis cap', async () => {
    const res = await post(SIGN, fixture('dialysis/order-sign-gabapentin-tid.json'));
    const card = cardFor(res.body.cards as Card[], 'gabapentin.above-dialysis-cap');
    expect(card?.indicator).toBe('critical');
    expect(card?.summary).toMatch(/^Gabapentin 900 mg gabapentin per day \(limit 300 mg gabapentin per day\)/);
    expect(card?.detail).toContain('read from codes and the structured dosage only');
    expect(card?.detail).toContain('**Limit:** 300 mg gabapentin per day (this order: 900 mg gabapentin per day)');
  });

  it('writes the cards in Dutch for Accept-Language: nl', async () => {
    const res = await post(SIGN, fixture('dialysis/order-sign-gabapentin-tid.json'), { 'Accept-Language': 'nl' });
    const card = cardFor(res.body.cards as Card[], 'gabapentin.above-dialysis-cap');
    expect(card?.summary).toMatch(/^Gabapentine 900 mg per dag \(grens 300 mg per dag\): /);
    expect(card?.detail).toContain('**Berekende dosis:**');
    expect(card?.suggestions?.[0]?.label).toBe('Verwijder de opdracht voor gabapentine');
    expect(card?.source.label).toBe(`DialySafe-kennisbank ${kb.meta.version}`);
    expect(card?.overrideReasons?.[0]?.display).toBe('Het voordeel weegt voor deze patiënt op tegen het risico');
  });

  it('gives an order it does not recognise an info card saying it was not checked', async () => {
    const res = await post(SIGN, signRequest([draft('x', { medicationCodeableConcept: { text: 'Zyloprexinol 10 mg' } }, daily(10))], { prefetch: { medicationRequests: searchset() } }));
    expect(res.body.cards).toEqual([expect.objectContaining({ indicator: 'info', summary: 'Not checked: “Zyloprexinol 10 mg 1 x per day” was not recognised — verify by hand' })]);
  });

  it('gives an order it cannot read an info card with the reason', async () => {
    const res = await post(SIGN, signRequest([{ resourceType: 'MedicationRequest', id: 'x', status: 'draft', intent: 'order', medicationReference: { reference: 'Medication/elsewhere' } }], { prefetch: { medicationRequests: searchset() } }));
    const [card] = res.body.cards as Card[];
    expect(card).toMatchObject({ indicator: 'info', summary: 'Not checked: MedicationRequest/x could not be read — verify by hand' });
    expect(card?.detail).toContain('Medication/elsewhere');
  });

  it('does not card an interaction between two current medicines that no order takes part in', async () => {
    const current = searchset(
      { resourceType: 'MedicationStatement', id: 'q', status: 'active', ...rx('9071'), dosage: daily(200) },
      { resourceType: 'MedicationRequest', id: 'w', status: 'active', intent: 'order', ...rx('11289'), dosage: [], dosageInstruction: daily(5) },
    );
    const res = await post(SIGN, signRequest([draft('g', rx('25480'), daily(100))], { prefetch: { medicationRequests: current } }));
    const codes = (res.body.cards as Card[]).map((c) => c.source.topic.code);
    expect(codes.some((c) => c.startsWith('gabapentin.'))).toBe(true);
    expect(codes).not.toContain('quinine.coumarins');
    expect(codes.some((c) => c.startsWith('quinine.') || c.startsWith('warfarin.'))).toBe(false);
  });

  it('reads the prefetched allergies: an order for a medicine the patient reacted to is critical', async () => {
    const allergies = searchset({ resourceType: 'AllergyIntolerance', id: 'a', code: { coding: [{ system: RX, code: '9071' }] }, reaction: [{ manifestation: [{ text: 'thrombocytopenia' }] }] });
    const res = await post(SIGN, signRequest([draft('q', rx('9071'), daily(200))], { prefetch: { medicationRequests: searchset(), allergies } }));
    const card = cardFor(res.body.cards as Card[], 'allergy.previous-reaction');
    expect(card?.indicator).toBe('critical');
  });
});

describe('order-sign with whatever a client sends in its orders', () => {
  it('answers 200 with valid cards, and a card for each order (a finding, or "not checked")', async () => {
    const dosage = fc.record(
      {
        text: fc.string(),
        timing: fc.oneof(fc.anything(), fc.record({ repeat: fc.record({ frequency: fc.anything(), period: fc.integer(), periodUnit: fc.constantFrom('d', 'h', 'wk', 'x') }) })),
        doseAndRate: fc.oneof(fc.anything(), fc.record({ doseQuantity: fc.record({ value: fc.oneof(fc.double(), fc.integer()), code: fc.constantFrom('mg', 'g', '[iU]', '{tbl}', 'meq') }) })),
        asNeededBoolean: fc.anything(),
      },
      { requiredKeys: [] },
    );
    const order = fc.record({
      medicationCodeableConcept: fc.oneof(fc.record({ text: fc.string({ minLength: 1 }) }), fc.constant({ coding: [{ system: RX, code: '25480' }] }), fc.anything()),
      dosageInstruction: fc.oneof(fc.array(dosage, { maxLength: 2 }), fc.anything()),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(order, { minLength: 1, maxLength: 3 }), async (orders) => {
        const res = await post(SIGN, signRequest(orders.map((o, i) => ({ resourceType: 'MedicationRequest', id: `o${i}`, status: 'draft', intent: 'order', ...o })), { prefetch: { medicationRequests: searchset() } }));
        expect(res.status).toBe(200);
        const cards = res.body.cards as Card[];
        for (const c of cards) expectValidCard(c, kb.meta.version);
        expect(cards.length).toBeGreaterThanOrEqual(orders.length);
      }),
      { numRuns: 40 },
    );
  });
});

describe('order-select', () => {
  it('cards the selected order only, checked with the other draft orders', async () => {
    const body = {
      hook: 'order-select',
      hookInstance: randomUUID(),
      context: {
        userId: 'Practitioner/1',
        patientId: 'p',
        selections: ['MedicationRequest/vit-e'],
        draftOrders: { resourceType: 'Bundle', entry: [{ resource: draft('warfarin', rx('11289'), daily(5)) }, { resource: draft('vit-e', { medicationCodeableConcept: { text: 'Vitamin E 400 IU' } }, daily(1, '{tbl}')) }] },
      },
      prefetch: { medicationRequests: searchset() },
    };
    const res = await post(SELECT, body);
    const cards = res.body.cards as Card[];
    expect(cardFor(cards, 'vitamin-e.coumarins')?.suggestions?.[0]?.actions[0]?.resourceId).toBe('MedicationRequest/vit-e');
    expect(cards.some((c) => c.source.topic.code.startsWith('warfarin.'))).toBe(false);
  });

  it('answers with no cards when nothing selected is a medicine', async () => {
    const body = fixture('cds-hooks/spec-order-select-r4.json');
    const res = await post(SELECT, { ...body, context: { ...body.context, selections: ['NutritionOrder/pureeddiet-simple'] } });
    expect(res.status).toBe(200);
    expect(res.body.cards).toEqual([]);
  });
});

describe('fetching current medicines from the client FHIR server', () => {
  let server: ReturnType<typeof createServer>;
  let base = '';
  const seen: { url: string; auth: string | undefined }[] = [];
  let behaviour: 'ok' | 'slow' | 'denied' = 'ok';

  beforeAll(async () => {
    server = createServer((req: IncomingMessage, res: ServerResponse) => {
      seen.push({ url: req.url ?? '', auth: req.headers.authorization });
      if (behaviour === 'slow') return void setTimeout(() => res.end('{}'), 2000).unref();
      if (behaviour === 'denied') return void res.writeHead(401).end();
      const resource = req.url?.startsWith('/fhir/MedicationRequest')
        ? searchset({ resourceType: 'MedicationRequest', id: 'warfarin-1', status: 'active', intent: 'order', ...rx('11289'), dosageInstruction: daily(5) })
        : searchset();
      res.writeHead(200, { 'Content-Type': 'application/fhir+json' }).end(JSON.stringify(resource));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/fhir`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const withServer = () =>
    signRequest([draft('vitamin-e-1', { medicationCodeableConcept: { coding: [{ system: 'http://www.whocc.no/atc', code: 'A11HA03' }] } }, daily(800, '[iU]'))], {
      fhirServer: base,
      fhirAuthorization: { access_token: 'opaque-token', token_type: 'Bearer', expires_in: 300, scope: 'user/MedicationRequest.read', subject: 'dialysafe' },
    });

  it('fetches them once each with the bearer token when prefetch is absent, and checks the orders with them', async () => {
    behaviour = 'ok';
    seen.length = 0;
    const res = await post(SIGN, withServer());
    expect(res.status).toBe(200);
    expect(cardFor(res.body.cards as Card[], 'vitamin-e.coumarins')).toBeDefined();
    expect(seen.map((s) => s.url.split('?')[0]).sort()).toEqual(['/fhir/AllergyIntolerance', '/fhir/MedicationRequest', '/fhir/MedicationStatement']);
    expect(seen.every((s) => s.auth === 'Bearer opaque-token')).toBe(true);
    expect(seen.find((s) => s.url.startsWith('/fhir/MedicationRequest'))?.url).toBe('/fhir/MedicationRequest?patient=dialysis-1&status=active&_count=100');
  });

  it.each([
    ['does not answer in time', 'slow', 'no answer in time'],
    ['refuses the token', 'denied', 'the server answered 401'],
  ] as const)('checks the orders alone, and says so, when the server %s', async (_what, how, reason) => {
    behaviour = how;
    seen.length = 0;
    const started = Date.now();
    const res = await post(SIGN, withServer());
    expect(res.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(1500);
    const notice = (res.body.cards as Card[]).find((c) => c.summary.startsWith('Current medicines not available'));
    expect(notice?.detail).toContain(`Fetching them from the FHIR server failed: ${reason}.`);
    expect(cardFor(res.body.cards as Card[], 'vitamin-e.coumarins')).toBeUndefined();
    expect(seen).toHaveLength(3);
  });
});

describe('POST /cds-services/{id}/feedback', () => {
  it.each(['spec-feedback-accepted.json', 'spec-feedback-overridden.json', 'spec-feedback-overridden-with-reason.json'])('accepts the specification example %s', async (file) => {
    const res = await post(`${SIGN}/feedback`, fixture(`cds-hooks/${file}`));
    expect(res.status).toBe(200);
  });

  it('counts outcomes per rule code and override reason, without the comment or anything about the patient', async () => {
    const fresh = createApp(kb, { rateLimitPerMinute: 10_000 });
    const res = await post(SIGN, fixture('dialysis/order-sign-gabapentin-tid.json'), {}, fresh);
    const card = cardFor(res.body.cards as Card[], 'gabapentin.above-dialysis-cap');
    const suggestion = card?.suggestions?.[0]?.uuid ?? '';
    const at = '2026-12-01T10:00:00Z';
    const feedback = {
      feedback: [
        { card: card?.uuid, outcome: 'accepted', acceptedSuggestions: [{ id: suggestion }], outcomeTimestamp: at },
        { card: card?.uuid, outcome: 'overridden', overrideReason: { reason: { system: 'urn:dialysafe:cds-hooks:override-reason', code: 'dose-adjusted' }, userComment: 'Mrs Jansen, bed 4' }, outcomeTimestamp: at },
        { card: card?.uuid, outcome: 'overridden', overrideReason: { reason: { system: 'https://ehr.example/reasons', code: '42' } }, outcomeTimestamp: at },
        { card: randomUUID(), outcome: 'overridden', outcomeTimestamp: at },
      ],
    };
    expect((await post(`${SIGN}/feedback`, feedback, {}, fresh)).status).toBe(200);
    const summary = await request(fresh).get('/cds-services/feedback-summary');
    expect(summary.status).toBe(200);
    expect(summary.body.rules['gabapentin.above-dialysis-cap']).toEqual({ accepted: 1, overridden: 2, overrideReasons: { 'dose-adjusted': 1, other: 1 } });
    expect(summary.body.unknownCards).toBe(1);
    const text = JSON.stringify(summary.body);
    expect(text).not.toContain('Jansen');
    expect(text).not.toContain(card?.uuid);
  });

  it.each([
    ['no feedback list', {}],
    ['an unknown outcome', { feedback: [{ card: 'c', outcome: 'ignored', outcomeTimestamp: '2020-12-11T00:00:00Z' }] }],
    ['accepted without suggestions', { feedback: [{ card: 'c', outcome: 'accepted', outcomeTimestamp: '2020-12-11T00:00:00Z' }] }],
    ['a timestamp that is not one', { feedback: [{ card: 'c', outcome: 'overridden', outcomeTimestamp: 'yesterday' }] }],
  ])('answers %s with 400', async (_what, body) => {
    const res = await post(`${SIGN}/feedback`, body);
    expect(res.status).toBe(400);
    expect(res.body.issues.length).toBeGreaterThan(0);
  });

  it('answers feedback for an unknown service with 404', async () => {
    const res = await post('/cds-services/nothing/feedback', fixture('cds-hooks/spec-feedback-accepted.json'));
    expect(res.status).toBe(404);
  });
});

describe('authenticating the CDS client with a JWT', () => {
  const ISS = 'https://ehr.example';
  const BASE = 'https://dialysafe.test';
  let jwks: ReturnType<typeof createServer>;
  let secured: ReturnType<typeof createApp>;
  let privateKey: Awaited<ReturnType<typeof generateKeyPair>>['privateKey'];

  beforeAll(async () => {
    const pair = await generateKeyPair('ES384');
    privateKey = pair.privateKey;
    const jwk = { ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'ES384', use: 'sig' };
    jwks = createServer((_req, res) => res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ keys: [jwk] })));
    await new Promise<void>((resolve) => jwks.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(jwks.address() as AddressInfo).port}/jwks.json`;
    secured = createApp(kb, { rateLimitPerMinute: 10_000, publicBaseUrl: BASE, cdsHooks: { trustedIssuers: { [ISS]: url } } });
  });
  afterAll(() => new Promise<void>((resolve) => jwks.close(() => resolve())));

  const token = (claims: { aud?: string; iss?: string; exp?: string | number; jti?: string } = {}) =>
    new SignJWT({ jti: claims.jti ?? randomUUID(), tenant: 'dialysis-unit' })
      .setProtectedHeader({ alg: 'ES384', kid: 'k1', typ: 'JWT' })
      .setIssuer(claims.iss ?? ISS)
      .setAudience(claims.aud ?? `${BASE}${SIGN}`)
      .setIssuedAt()
      .setExpirationTime(claims.exp ?? '5m')
      .sign(privateKey);
  const call = async (jwt?: string) => post(SIGN, fixture('dialysis/order-sign-gabapentin-tid.json'), jwt ? { Authorization: `Bearer ${jwt}` } : {}, secured);

  it('accepts a token from a trusted issuer for this service URL', async () => {
    const res = await call(await token());
    expect(res.status).toBe(200);
    expect(cardFor(res.body.cards as Card[], 'gabapentin.above-dialysis-cap')).toBeDefined();
  });

  it('checks discovery against its own URL', async () => {
    const ok = await request(secured).get('/cds-services').set('Authorization', `Bearer ${await token({ aud: `${BASE}/cds-services` })}`);
    expect(ok.status).toBe(200);
    const wrong = await request(secured).get('/cds-services').set('Authorization', `Bearer ${await token()}`);
    expect(wrong.status).toBe(401);
  });

  it.each([
    ['no token', async () => undefined, /send a JWT/],
    ['another service URL', async () => token({ aud: `${BASE}${SELECT}` }), /"aud" claim/],
    ['an expired token', async () => token({ exp: Math.floor(Date.now() / 1000) - 120 }), /expired/],
    ['an untrusted issuer', async () => token({ iss: 'https://other.example' }), /not from a trusted issuer/],
    ['a shared-secret (HS256) token', async () => new SignJWT({ jti: randomUUID() }).setProtectedHeader({ alg: 'HS256' }).setIssuer(ISS).setAudience(`${BASE}${SIGN}`).setIssuedAt().setExpirationTime('5m').sign(new TextEncoder().encode('x'.repeat(32))), /signature/],
    ['not a JWT', async () => 'opaque', /not a JWT/],
  ])('refuses %s with 401 JSON, readable cross-origin', async (_what, make, message) => {
    const jwt = await make();
    const res = await request(secured)
      .post(SIGN)
      .set('Content-Type', 'application/json')
      .set('Origin', 'https://ehr.example')
      .set(jwt ? { Authorization: `Bearer ${jwt}` } : {})
      .send(JSON.stringify(fixture('dialysis/order-sign-gabapentin-tid.json')));
    expect(res.status).toBe(401);
    expect(res.body.error).toMatch(message);
    expect(res.headers['www-authenticate']).toBe('Bearer');
    expect(res.headers['access-control-allow-origin']).toBe('*');
  });

  it('refuses a token used twice (jti)', async () => {
    const jwt = await token();
    expect((await call(jwt)).status).toBe(200);
    const again = await call(jwt);
    expect(again.status).toBe(401);
    expect(again.body.error).toMatch(/used before/);
  });

  it('accepts feedback with a token for the feedback URL or the service URL', async () => {
    const body = fixture('cds-hooks/spec-feedback-overridden.json');
    for (const aud of [`${BASE}${SIGN}/feedback`, `${BASE}${SIGN}`]) {
      const res = await post(`${SIGN}/feedback`, body, { Authorization: `Bearer ${await token({ aud })}` }, secured);
      expect(res.status).toBe(200);
    }
  });

  it('says at start when it runs open, and not when clients are authenticated', () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk));
        done();
      },
    });
    createApp(kb, { logger: pino({ level: 'warn' }, sink) });
    expect(lines.join('')).toMatch(/CDS Hooks services at \/cds-services are open: no trusted issuers are configured \(CDS_TRUSTED_ISSUERS\)/);
    lines.length = 0;
    createApp(kb, { logger: pino({ level: 'warn' }, sink), publicBaseUrl: BASE, cdsHooks: { trustedIssuers: { [ISS]: 'https://ehr.example/jwks.json' } } });
    expect(lines.join('')).not.toMatch(/are open/);
  });
});

describe('CDS_TRUSTED_ISSUERS', () => {
  it('is read as issuer → JWKS URL, and a value that is not is refused at start', async () => {
    const { readConfig } = await import('../../src/config.js');
    expect(readConfig({ CDS_TRUSTED_ISSUERS: '{"https://ehr.example": "https://ehr.example/jwks.json"}' }).CDS_TRUSTED_ISSUERS).toEqual({ 'https://ehr.example': 'https://ehr.example/jwks.json' });
    expect(readConfig({}).CDS_TRUSTED_ISSUERS).toBeUndefined();
    expect(() => readConfig({ CDS_TRUSTED_ISSUERS: 'https://ehr.example' })).toThrow(/CDS_TRUSTED_ISSUERS: must be JSON/);
    expect(() => readConfig({ CDS_TRUSTED_ISSUERS: '{"https://ehr.example": "file:///etc/keys"}' })).toThrow(/http\(s\) URL of its JWKS/);
  });
});
