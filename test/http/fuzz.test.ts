/**
 * Property-based fuzzing of what a client can send: POST /api/v1/check as JSON (valid-shaped and
 * malformed), as FHIR (application/fhir+json, random resource shapes), and the form POST /check.
 * Whatever the body, the server never answers 5xx; every API answer is JSON, with an `error` on
 * 4xx; and a checked list keeps the promises of the contract (../shared/design/api.md): every
 * line back once, in order, as sent; no line `ok` without a finding that cites a reference; a
 * list with a line not checked never summarised as `ok`.
 *
 * The seed is fixed (FUZZ_SEED overrides it), so a failure is repeatable.
 */
import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';
import fc from 'fast-check';
import { parse as parseHtml } from 'node-html-parser';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { ADVERSARIAL } from '../../bench/adversarial.js';
import { createApp } from '../../src/app.js';
import { lineLength } from '../../src/list-limits.js';
import { BOUNDS } from '../../src/patient.js';
import { projectRoot } from '../../src/paths.js';
import { isSavedListLine } from '../../src/web/saved-list.js';
import { testKb } from '../helpers/kb.js';

const SEED = Number(process.env.FUZZ_SEED ?? 14);
const runs = (numRuns: number) => ({ seed: SEED, numRuns, endOnFailure: true });

let server: Server;
beforeAll(() => {
  server = createApp(testKb(), { rateLimitPerMinute: 1_000_000_000 }).listen(0, '127.0.0.1');
});
afterAll(() => new Promise<void>((done) => server.close(() => done())));

// ---------------------------------------------------------------------------------------------
// Text: real list lines, any Unicode (also lone surrogates and controls), the adversarial corpus.

const REAL_LINES: string[] = (parseYaml(readFileSync(join(projectRoot, 'test', 'fixtures', 'dialysis-lists.yaml'), 'utf8')) as { lines: { line: string }[] }[]).flatMap(
  (list) => list.lines.map((l) => l.line),
);
const SLOW_LINES = ADVERSARIAL.map((a) => a.line);

const LONE_SURROGATES = fc.constantFrom('\ud800', '\udbff', '\udc00', '\udfff');
const unicode = (maxLength: number) =>
  fc.string({ maxLength, unit: fc.oneof({ weight: 20, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) }, { weight: 1, arbitrary: LONE_SURROGATES }) });
const WHITESPACE = fc.string({ minLength: 1, maxLength: 8, unit: fc.constantFrom(' ', '\t', '\u00a0', '\u2003', '\u3000', '\ufeff', '\u2028', '\n', '\r') });

/** Text a person or a program might put on a line, from plausible to hostile. */
const anyLine = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...REAL_LINES) },
  { weight: 4, arbitrary: unicode(60) },
  { weight: 1, arbitrary: WHITESPACE },
  { weight: 1, arbitrary: fc.constant('') },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...REAL_LINES), WHITESPACE).map(([line, ws]) => `${ws}${line}${ws}`) },
  { weight: 1, arbitrary: fc.integer({ min: 495, max: 505 }).chain((n) => fc.string({ unit: 'grapheme-composite', minLength: n, maxLength: n })) },
  { weight: 1, arbitrary: fc.constantFrom(...SLOW_LINES) },
);

/** A line the API must accept: 1 to 500 characters, not all white space. */
const validLine = anyLine.filter((l) => l.trim().length > 0 && lineLength(l) <= 500);

// ---------------------------------------------------------------------------------------------
// The patient's context: valid values, and every kind of wrong one.

const nanIsh = fc.constantFrom('NaN', 'Infinity', '-Infinity', '1e999', '70', '3,2', ' 70 ', '', '0x10', '١٠', '7O');
const wrongNumber = fc.oneof(
  fc.double(), // NaN and ±Infinity become null in JSON
  fc.integer({ min: -2_000_000_000, max: 2_000_000_000 }),
  fc.constantFrom(1e308, -1e308, 5e-324, -0, 0, -1, 2 ** 53 + 1),
  nanIsh,
  fc.constant(null),
  fc.boolean(),
  fc.array(fc.integer(), { maxLength: 2 }),
);
const inBounds = (field: keyof typeof BOUNDS) =>
  field === 'sessionsPerWeek' ? fc.integer(BOUNDS[field]) : fc.double({ ...BOUNDS[field], noNaN: true, noDefaultInfinity: true });

const validPatient = fc.record(
  {
    modality: fc.constantFrom('hd', 'nocturnal-hd', 'pd', 'none'),
    targetWeightKg: inBounds('targetWeightKg'),
    weightGainKg: inBounds('weightGainKg'),
    sessionHours: inBounds('sessionHours'),
    sessionsPerWeek: inBounds('sessionsPerWeek'),
    residualUrineMlPerDay: inBounds('residualUrineMlPerDay'),
    anticoagulation: fc.constantFrom('lmwh', 'heparin', 'citrate', 'none'),
    diabetes: fc.boolean(),
    belowTargetWeight: fc.boolean(),
    crampsAtHome: fc.boolean(),
    allergies: fc.array(validLine, { maxLength: 3 }),
  },
  { requiredKeys: [] },
);

const anyPatient = fc.oneof(
  validPatient,
  fc.record(
    {
      modality: fc.oneof(fc.constantFrom('hd', 'HD', 'dialysis', ''), unicode(10), wrongNumber),
      targetWeightKg: fc.oneof(inBounds('targetWeightKg'), wrongNumber),
      weightGainKg: fc.oneof(inBounds('weightGainKg'), wrongNumber),
      sessionHours: fc.oneof(inBounds('sessionHours'), wrongNumber),
      sessionsPerWeek: fc.oneof(fc.double({ min: 1, max: 7, noNaN: true }), wrongNumber),
      residualUrineMlPerDay: fc.oneof(inBounds('residualUrineMlPerDay'), wrongNumber),
      anticoagulation: fc.oneof(fc.constantFrom('citrate', 'warfarin'), wrongNumber),
      diabetes: fc.oneof(fc.boolean(), fc.constantFrom('yes', 'true', 1, 0), wrongNumber),
      belowTargetWeight: fc.oneof(fc.boolean(), wrongNumber),
      crampsAtHome: fc.oneof(fc.boolean(), wrongNumber),
      allergies: fc.oneof(fc.array(anyLine, { maxLength: 25 }), fc.array(fc.jsonValue(), { maxLength: 3 }), unicode(20), wrongNumber),
      weight: fc.jsonValue(),
    },
    { requiredKeys: [] },
  ),
  fc.jsonValue(),
);

// ---------------------------------------------------------------------------------------------
// JSON bodies.

const anyItem = fc.oneof(
  { weight: 12, arbitrary: anyLine },
  { weight: 1, arbitrary: wrongNumber },
  { weight: 1, arbitrary: fc.object({ maxDepth: 2 }) },
  { weight: 1, arbitrary: fc.array(anyLine, { maxLength: 2 }) },
);
const anyLang = fc.oneof(fc.constantFrom('en', 'nl'), fc.constantFrom('EN', 'nl-NL', 'de', '', 'en '), unicode(6), wrongNumber);

const validBody = fc.record(
  { lang: fc.constantFrom('en', 'nl'), patient: validPatient, items: fc.array(validLine, { minLength: 1, maxLength: 8 }) },
  { requiredKeys: ['items'] },
);

const anyBody = fc.oneof(
  { weight: 4, arbitrary: validBody },
  {
    weight: 6,
    arbitrary: fc.record(
      {
        lang: anyLang,
        patient: anyPatient,
        items: fc.oneof(
          { weight: 8, arbitrary: fc.array(anyItem, { maxLength: 8 }) },
          { weight: 1, arbitrary: fc.array(fc.constantFrom(...REAL_LINES), { minLength: 99, maxLength: 102 }) },
          { weight: 1, arbitrary: fc.oneof(anyLine, wrongNumber, fc.object({ maxDepth: 1 })) },
        ),
        id: fc.jsonValue(),
        extra: fc.jsonValue(),
      },
      { requiredKeys: [] },
    ),
  },
  { weight: 1, arbitrary: fc.jsonValue() },
);

/** Bodies that are not what JSON.stringify writes: numbers past a double, duplicate and prototype keys, broken text. */
const rawJson = fc.oneof(
  fc.constantFrom('1e999', '-1e999', '1E+400', '123456789012345678901234567890', '-0', '0.0000000001e-400').map(
    (n) => `{"items":["Kinine 250 mg 1dd a.n."],"patient":{"targetWeightKg":${n},"sessionHours":${n}}}`,
  ),
  fc.constantFrom(
    '{"items":["Kinine 250 mg"],"items":[]}',
    '{"__proto__":{"items":["Kinine 250 mg"]}}',
    '{"items":["Kinine 250 mg"],"constructor":{"prototype":{"ok":true}}}',
    '{"items":["Kinine 250 mg"],"patient":{"__proto__":{"targetWeightKg":70}}}',
    '{"items":["\\ud800"]}',
    '{"items":["a\\u0000b"]}',
    '{"items":',
    '[',
    '',
    'null',
    '"items"',
    '{"items":[1,]}',
    "{'items':['Kinine']}",
    '\ufeff{"items":["Kinine 250 mg"]}',
  ),
  unicode(80),
);

// ---------------------------------------------------------------------------------------------
// What every answer must be, and what a checked list must keep.

interface Finding {
  code: string;
  references: number[];
}
interface Item {
  input: string;
  verdict: 'avoid' | 'caution' | 'ok' | 'unknown';
  findings: Finding[];
  source?: { resourceType: string };
}
interface Answer {
  items: Item[];
  interactions: (Finding & { items: number[] })[];
  totals: { findings: Finding[]; items: number[] }[];
  context: Finding[];
  references: { title: string; url: string }[];
  summary: Record<'avoid' | 'caution' | 'ok' | 'unknown', number> & { verdict: string };
}

function expectJson(res: request.Response): void {
  expect(res.status, res.text.slice(0, 300)).toBeLessThan(500);
  expect(res.headers['content-type']).toMatch(/^application\/json/);
  if (res.status >= 400) {
    expect(typeof res.body.error, res.text.slice(0, 300)).toBe('string');
    expect(res.body.error.length).toBeGreaterThan(0);
  }
}

/** The promises of a 200: what each line says, and that the summary does not hide a line not checked. */
function expectReport(answer: Answer): void {
  const { items, references } = answer;
  const allFindings = [...items.flatMap((i) => i.findings), ...answer.interactions, ...answer.totals.flatMap((t) => t.findings), ...answer.context];
  for (const f of allFindings) for (const n of f.references) expect(references[n], `${f.code} cites reference ${n}`).toBeDefined();
  for (const x of [...answer.interactions, ...answer.totals]) for (const n of x.items) expect(items[n], 'an interaction or total points to a line').toBeDefined();
  for (const item of items) {
    if (item.verdict === 'ok') expect(item.findings.some((f) => f.references.length > 0), `"${item.input}" is ok without a finding that cites a reference`).toBe(true);
  }
  for (const verdict of ['avoid', 'caution', 'ok', 'unknown'] as const) expect(answer.summary[verdict]).toBe(items.filter((i) => i.verdict === verdict).length);
  if (items.some((i) => i.verdict === 'unknown')) expect(answer.summary.verdict).not.toBe('ok');
}

const postJson = (body: string, type = 'application/json') => request(server).post('/api/v1/check').set('Content-Type', type).send(body);

/** Counts answers by status, so that a fuzz whose bodies were all refused cannot pass unnoticed. */
class Statuses {
  readonly counts = new Map<number, number>();
  add(status: number): void {
    this.counts.set(status, (this.counts.get(status) ?? 0) + 1);
  }
  share(status: number): number {
    const all = [...this.counts.values()].reduce((a, b) => a + b, 0);
    return (this.counts.get(status) ?? 0) / all;
  }
}

describe('POST /api/v1/check with JSON', () => {
  it('checks every valid request, with each line back once, in order, as sent', async () => {
    await fc.assert(
      fc.asyncProperty(validBody, async (body) => {
        const res = await postJson(JSON.stringify(body));
        expectJson(res);
        expect(res.status, res.text.slice(0, 300)).toBe(200);
        const answer = res.body as Answer;
        expect(answer.items.map((i) => i.input)).toEqual(body.items);
        expectReport(answer);
      }),
      runs(120),
    );
  });

  it('answers anything else with JSON, never 5xx, and keeps the promises whenever it checks', async () => {
    const statuses = new Statuses();
    await fc.assert(
      fc.asyncProperty(anyBody, async (body) => {
        const res = await postJson(JSON.stringify(body));
        statuses.add(res.status);
        expectJson(res);
        if (res.status !== 200) return;
        const sent = (body as { items: string[] }).items;
        expect((res.body as Answer).items.map((i) => i.input)).toEqual(sent);
        expectReport(res.body as Answer);
      }),
      runs(250),
    );
    expect(statuses.share(200)).toBeGreaterThan(0.2);
    expect(statuses.share(400)).toBeGreaterThan(0.2);
  });

  it('refuses bodies that are not plain JSON objects with a JSON error', async () => {
    await fc.assert(
      fc.asyncProperty(rawJson, fc.constantFrom('application/json', 'application/json; charset=utf-8', 'application/json; charset=latin1', 'text/plain', 'application/x-www-form-urlencoded'), async (body, type) => {
        const res = await postJson(body, type);
        expectJson(res);
        if (res.status === 200) expectReport(res.body as Answer);
      }),
      runs(60),
    );
  });
});

// ---------------------------------------------------------------------------------------------
// FHIR bodies.

const fhirText = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...REAL_LINES) }, { weight: 2, arbitrary: unicode(40) }, { weight: 1, arbitrary: wrongNumber });
const codeable = fc.record(
  {
    text: fhirText,
    coding: fc.oneof(
      fc.array(
        fc.record(
          {
            system: fc.oneof(fc.constantFrom('http://www.whocc.no/atc', 'http://www.nlm.nih.gov/research/umls/rxnorm', 'urn:oid:2.16.840.1.113883.2.4.4.10'), unicode(20), wrongNumber),
            code: fc.oneof(fc.constantFrom('M09AA01', 'A12CC', 'B01AA03', '9071', '1191'), unicode(8), wrongNumber),
            display: fhirText,
          },
          { requiredKeys: [] },
        ),
        { maxLength: 3 },
      ),
      fc.jsonValue(),
    ),
  },
  { requiredKeys: [] },
);
const quantity = fc.record(
  { value: fc.oneof(fc.double({ min: 0, max: 5000, noNaN: true }), wrongNumber), unit: fc.oneof(fc.constantFrom('mg', 'g', 'mL', 'IU', 'tablet', '{tbl}'), unicode(6)), system: fc.constantFrom('http://unitsofmeasure.org', ''), code: fc.constantFrom('mg', 'g', 'mL', '[iU]') },
  { requiredKeys: [] },
);
const dosage = fc.record(
  {
    text: fhirText,
    timing: fc.record(
      {
        repeat: fc.record(
          {
            frequency: fc.oneof(fc.integer({ min: 0, max: 6 }), wrongNumber),
            period: fc.oneof(fc.integer({ min: 0, max: 7 }), wrongNumber),
            periodUnit: fc.oneof(fc.constantFrom('h', 'd', 'wk', 'mo', 'a'), unicode(3), wrongNumber),
            dayOfWeek: fc.oneof(fc.array(fc.constantFrom('mon', 'wed', 'fri', 'xyz')), wrongNumber),
            when: fc.oneof(fc.array(fc.constantFrom('HS', 'ACM', 'PCD', 'MORN', 'x')), unicode(4)),
          },
          { requiredKeys: [] },
        ),
        code: codeable,
      },
      { requiredKeys: [] },
    ),
    asNeededBoolean: fc.oneof(fc.boolean(), wrongNumber),
    route: codeable,
    doseAndRate: fc.oneof(fc.array(fc.record({ doseQuantity: quantity, doseRange: fc.record({ low: quantity, high: quantity }, { requiredKeys: [] }) }, { requiredKeys: [] }), { maxLength: 2 }), fc.record({ doseQuantity: quantity }), wrongNumber),
    maxDosePerPeriod: fc.record({ numerator: quantity, denominator: quantity }, { requiredKeys: [] }),
    doseQuantity: quantity,
  },
  { requiredKeys: [] },
);
const medication = fc.record(
  {
    resourceType: fc.constant('Medication'),
    id: fc.oneof(fc.constantFrom('med1', 'med2'), unicode(6)),
    code: codeable,
    ingredient: fc.oneof(fc.array(fc.record({ itemCodeableConcept: codeable, strength: fc.record({ numerator: quantity, denominator: quantity }, { requiredKeys: [] }) }, { requiredKeys: [] }), { maxLength: 3 }), wrongNumber),
  },
  { requiredKeys: ['resourceType'] },
);
const medicationResource = fc.constantFrom('MedicationRequest', 'MedicationStatement').chain((resourceType) =>
  fc.record(
    {
      resourceType: fc.constant(resourceType),
      id: fc.oneof(unicode(8), wrongNumber),
      status: fc.oneof(fc.constantFrom('active', 'completed', 'stopped', 'entered-in-error', 'on-hold'), unicode(6)),
      medicationCodeableConcept: codeable,
      medicationReference: fc.record({ reference: fc.oneof(fc.constantFrom('#med1', 'Medication/med2', 'urn:uuid:0c3a', 'Medication/none'), unicode(10), wrongNumber), display: fhirText }, { requiredKeys: [] }),
      contained: fc.oneof(fc.array(medication, { maxLength: 2 }), wrongNumber),
      [resourceType === 'MedicationRequest' ? 'dosageInstruction' : 'dosage']: fc.oneof(fc.array(dosage, { maxLength: 3 }), dosage, wrongNumber),
      note: fc.jsonValue(),
    },
    { requiredKeys: ['resourceType'] },
  ),
);
const allergy = fc.record(
  {
    resourceType: fc.constant('AllergyIntolerance'),
    code: codeable,
    clinicalStatus: codeable,
    verificationStatus: codeable,
    reaction: fc.oneof(fc.array(fc.record({ manifestation: fc.array(codeable, { maxLength: 2 }) }, { requiredKeys: [] }), { maxLength: 2 }), wrongNumber),
  },
  { requiredKeys: ['resourceType'] },
);
const otherResource = fc.record({ resourceType: fc.oneof(fc.constantFrom('Patient', 'Observation', 'medicationrequest', ''), unicode(10), wrongNumber), id: unicode(6), text: fc.jsonValue() }, { requiredKeys: [] });

const entryResource = fc.oneof({ weight: 5, arbitrary: medicationResource }, { weight: 2, arbitrary: medication }, { weight: 1, arbitrary: allergy }, { weight: 1, arbitrary: otherResource });
const entry = fc.record({ fullUrl: fc.oneof(fc.constantFrom('urn:uuid:0c3a', 'https://ehr.example/fhir/Medication/med2'), unicode(10)), resource: entryResource }, { requiredKeys: [] });
const bundleOf = (entries: fc.Arbitrary<unknown>) =>
  fc.record({ resourceType: fc.constant('Bundle'), type: fc.oneof(fc.constantFrom('collection', 'searchset', 'batch-response'), unicode(8)), entry: fc.array(entries, { maxLength: 8 }) }, { requiredKeys: ['resourceType', 'entry'] });
/** Well-formed envelopes (a Bundle, perhaps holding a Bundle, or one resource) with anything inside the resources. */
const fhirBody = fc.oneof(
  { weight: 5, arbitrary: bundleOf(fc.oneof({ weight: 8, arbitrary: entry }, { weight: 1, arbitrary: bundleOf(entry).map((resource) => ({ resource })) })) },
  { weight: 2, arbitrary: medicationResource },
);

/** The MedicationRequest and MedicationStatement resources of a body, in order: one item each. */
function medicationTypes(resource: unknown): string[] {
  if (typeof resource !== 'object' || resource === null) return [];
  const r = resource as { resourceType?: unknown; entry?: { resource?: unknown }[] };
  if (r.resourceType === 'Bundle') return (r.entry ?? []).flatMap((e) => medicationTypes(e.resource));
  return r.resourceType === 'MedicationRequest' || r.resourceType === 'MedicationStatement' ? [r.resourceType] : [];
}

const acceptLanguage = fc.option(fc.oneof(fc.constantFrom('nl', 'en', 'nl-NL,nl;q=0.9,en;q=0.8', 'de', '*'), fc.string({ unit: 'grapheme-ascii', maxLength: 20 })), { nil: undefined });

describe('POST /api/v1/check with FHIR', () => {
  it('reads any resources, one item per medication resource in order, never 5xx', async () => {
    const statuses = new Statuses();
    await fc.assert(
      fc.asyncProperty(fhirBody, acceptLanguage, fc.constantFrom('application/fhir+json', 'application/json+fhir'), async (body, lang, type) => {
        const r = request(server).post('/api/v1/check').set('Content-Type', type);
        if (lang !== undefined) r.set('Accept-Language', lang);
        const res = await r.send(JSON.stringify(body));
        statuses.add(res.status);
        expectJson(res);
        if (res.status !== 200) return;
        const answer = res.body as Answer;
        expect(answer.items.map((i) => i.source?.resourceType)).toEqual(medicationTypes(body));
        expectReport(answer);
      }),
      runs(120),
    );
    expect(statuses.share(200)).toBeGreaterThan(0.3);
  });

  it('answers any other FHIR body with a JSON error', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.jsonValue().map((v) => JSON.stringify(v)), rawJson, otherResource.map((v) => JSON.stringify(v))), async (body) => {
        const res = await postJson(body, 'application/fhir+json');
        expectJson(res);
        if (res.status === 200) expectReport(res.body as Answer);
      }),
      runs(60),
    );
  });
});

// ---------------------------------------------------------------------------------------------
// The form, as a browser or anything else posts it.

/** A number as a person types it: one decimal at most, with a point or a comma. */
const formNumber = (field: keyof typeof BOUNDS) =>
  fc.integer({ min: BOUNDS[field].min * 10, max: BOUNDS[field].max * 10 }).chain((n) => fc.constantFrom(String(n / 10), String(n / 10).replace('.', ','), ` ${n / 10} `));
const garbage = fc.oneof(nanIsh, unicode(12), fc.integer().map(String), fc.double().map(String), fc.constantFrom('hd', 'yes', '-1'));
/** Each field mostly left empty or filled in as the page offers, sometimes with anything at all. */
const formField = (valid: fc.Arbitrary<string>) => fc.oneof({ weight: 12, arbitrary: fc.constant('') }, { weight: 12, arbitrary: valid }, { weight: 1, arbitrary: garbage });
const FORM_PATIENT = {
  modality: formField(fc.constantFrom('hd', 'nocturnal-hd', 'pd', 'none')),
  targetWeightKg: formField(formNumber('targetWeightKg')),
  weightGainKg: formField(formNumber('weightGainKg')),
  sessionHours: formField(formNumber('sessionHours')),
  sessionsPerWeek: formField(fc.integer(BOUNDS.sessionsPerWeek).map(String)),
  residualUrineMlPerDay: formField(formNumber('residualUrineMlPerDay')),
  anticoagulation: formField(fc.constantFrom('lmwh', 'heparin', 'citrate', 'none')),
  diabetes: formField(fc.constantFrom('yes', 'no')),
  belowTargetWeight: formField(fc.constantFrom('yes', 'no')),
  crampsAtHome: formField(fc.constantFrom('yes', 'no')),
  allergies: formField(fc.array(validLine, { maxLength: 3 }).map((l) => l.join('\r\n'))),
};
const itemsText = fc.array(fc.oneof({ weight: 8, arbitrary: anyLine }, { weight: 1, arbitrary: fc.constantFrom('# targetWeightKg: 70', '# allergies: kinine', '#', '# onzin: x') }), { maxLength: 8 }).chain((lines) =>
  fc.constantFrom('\r\n', '\n', '\r').map((eol) => lines.join(eol)),
);
const formFields = fc
  .tuple(
    fc.oneof({ weight: 10, arbitrary: itemsText.map((t) => [t]) }, { weight: 1, arbitrary: fc.array(itemsText, { maxLength: 3 }) }),
    fc.record(FORM_PATIENT, { requiredKeys: [] }),
    fc.option(fc.oneof(fc.constantFrom('pro', 'patient'), unicode(6)), { nil: undefined }),
    fc.option(fc.oneof(fc.constantFrom('0|Kinine 250 mg 1dd a.n.', '99|x', '-1|x', '1|'), unicode(12)), { nil: undefined }),
    fc.array(fc.tuple(unicode(8), unicode(8)), { maxLength: 3 }),
    fc.oneof({ weight: 19, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
  )
  .map(([items, patient, view, accept, extra, tooMany]) => {
    const fields: [string, string][] = [...items.map((text) => ['items', text] as [string, string]), ...Object.entries(patient)];
    if (view !== undefined) fields.push(['view', view]);
    if (accept !== undefined) fields.push(['accept', accept]);
    fields.push(...extra);
    // More fields than the form parser reads (50).
    if (tooMany) for (let i = 0; i < 60; i++) fields.push([`f${i}`, 'x']);
    return fields;
  });
const pageQuery = fc.oneof(fc.constantFrom('', '?lang=nl&view=pro', '?lang=en&view=patient&sort=input', '?lang=xx&view=&sort=zz'), fc.string({ unit: 'grapheme-ascii', maxLength: 12 }).map((q) => `?${encodeURIComponent(q)}=${encodeURIComponent(q)}`));

/** The medicine lines the form checks, read as readCheckForm reads them: a saved list's heading and settings are not medicines. */
function formLines(body: URLSearchParams): string[] {
  return body
    .getAll('items')
    .join('\n')
    .split(/\r\n|\r|\n/)
    .filter((l) => !isSavedListLine(l) && l.trim().length > 0)
    .map((l) => l.trimEnd());
}

describe('POST /check, the form', () => {
  it('answers any form with a page, never 5xx, and a report shows every line that was sent', async () => {
    const statuses = new Statuses();
    await fc.assert(
      fc.asyncProperty(formFields, pageQuery, async (fields, query) => {
        const body = new URLSearchParams(fields).toString();
        const res = await request(server).post(`/check${query}`).set('Content-Type', 'application/x-www-form-urlencoded').send(body);
        statuses.add(res.status);
        expect(res.status, res.text.slice(0, 300)).toBeLessThan(500);
        expect(res.headers['content-type']).toMatch(/^text\/html/);
        const page = parseHtml(res.text);
        if (res.status >= 400) {
          // Either the form again, with what is wrong at the top, or a page that says what went wrong.
          if (page.querySelector('form#state')) expect(page.querySelector('.error-summary'), 'a refused form says what is wrong').not.toBeNull();
          else expect(page.querySelector('h1')?.text.trim() ?? '').not.toBe('');
        }
        if (res.status !== 200 || fields.some(([name]) => name === 'accept')) return;
        const shown = page.querySelectorAll('.line__title .line__input').map((e) => e.text);
        // The report is in triage order by default: compare the lines, not their order.
        expect([...shown].sort()).toEqual([...formLines(new URLSearchParams(body))].sort());
      }),
      runs(150),
    );
    expect(statuses.share(200)).toBeGreaterThan(0.2);
  });
});
