/**
 * The OpenAPI 3.1 document of the API, served at /api/v1/openapi.json. Its schemas are zod's own
 * JSON Schema (draft 2020-12, OpenAPI 3.1's dialect) of the schemas that validate the requests
 * (as input: defaults make fields optional) — check-request.ts and src/fhir/resources.ts — and of
 * those that describe the answers (as output), response-schema.ts. The CDS Hooks endpoints are
 * described from the specification until src/cds-hooks/ exports its own (openapi-cds-hooks.ts).
 */
import { z } from 'zod';
import { FHIR_BODY_LIMIT_BYTES } from '../fhir/read-body.js';
import { bundle, medicationRequest, medicationStatement } from '../fhir/resources.js';
import { LIST_LIMITS } from '../list-limits.js';
import { BOUNDS, DEFAULT_MODALITY, DEFAULT_SESSIONS_PER_WEEK, PATIENT_FIELDS } from '../patient.js';
import { checkRequest, line } from './check-request.js';
import { cdsCards, cdsFeedback, cdsHookRequest, cdsServices } from './openapi-cds-hooks.js';
import * as answer from './response-schema.js';
import { FHIR_JSON } from './routes.js';

type JsonSchema = Record<string, unknown>;

const ref = (id: string) => ({ $ref: `#/components/schemas/${id}` });

const patient = checkRequest.shape.patient.unwrap();
const allergyLine = patient.shape.allergies.unwrap().in.element;

/** The FHIR body as src/fhir reads it: the envelope is checked first, then each resource on its own. */
const fhirCheckInput = z.union([bundle, medicationRequest, medicationStatement]).meta({
  description:
    'A FHIR R4 Bundle (any type, or none; nested Bundles too), or a single MedicationRequest or MedicationStatement. Each MedicationRequest and MedicationStatement is one item, in bundle order, with its Medication contained, in the bundle, or referenced; one that cannot be read is an item not checked, with the reason. AllergyIntolerance entries become the previous reactions; other resources are listed in `ignored`. The language of the answer comes from Accept-Language.',
});

const requestSchemas = {
  CheckRequest: checkRequest,
  Patient: patient,
  FhirCheckInput: fhirCheckInput,
  FhirBundle: bundle,
  FhirMedicationRequest: medicationRequest,
  FhirMedicationStatement: medicationStatement,
  CdsHookRequest: cdsHookRequest,
  CdsFeedback: cdsFeedback,
};

const responseSchemas = {
  CheckReport: answer.checkReport,
  FhirCheckReport: answer.fhirCheckReport,
  ItemReport: answer.itemReport,
  FhirItemReport: answer.fhirItemReport,
  DailyDose: answer.dailyDose,
  Reading: answer.reading,
  Suggestion: answer.suggestion,
  Finding: answer.finding,
  Interaction: answer.interaction,
  ContextFinding: answer.contextFinding,
  Total: answer.total,
  AllergyReport: answer.allergyReport,
  Reference: answer.reference,
  Metrics: answer.metrics,
  Summary: answer.summary,
  Named: answer.named,
  KbVersion: answer.kbVersion,
  Health: answer.health,
  Error: answer.errorBody,
  CdsServices: cdsServices,
  CdsCards: cdsCards,
};

const PATIENT_DOCS: Record<(typeof PATIENT_FIELDS)[number], string> = {
  modality: `Dialysis modality: hd (in-centre haemodialysis), nocturnal-hd, pd (peritoneal dialysis) or none; ${DEFAULT_MODALITY} when not given.`,
  targetWeightKg: 'Target ("dry") weight, kg.',
  weightGainKg: 'Interdialytic weight gain: the weight to remove this session, kg.',
  sessionHours: 'Planned session length, hours.',
  sessionsPerWeek: `Sessions a week (${DEFAULT_SESSIONS_PER_WEEK} assumed for per-session doses when not given).`,
  residualUrineMlPerDay: 'Residual urine output, ml per day.',
  anticoagulation: 'Anticoagulation during the session: lmwh (e.g. nadroparin), heparin, citrate or none.',
  diabetes: 'Whether the patient has diabetes.',
  belowTargetWeight: 'Whether the last session ended below target weight.',
  crampsAtHome: 'Whether cramps persist at home after a session, sometimes into the next day.',
  allergies: 'Previous reactions, as free-text lines read like items ("kinine (trombocytopenie 2019)"). Empty lines are dropped.',
};

/** What zod cannot see in a refinement: a line's length in characters (code points, as JSON Schema counts) and that it is not blank. */
function describeRefinements(ctx: { zodSchema: unknown; jsonSchema: JsonSchema }) {
  if (ctx.zodSchema === line) Object.assign(ctx.jsonSchema, { maxLength: LIST_LIMITS.lineLength, pattern: '\\S', description: 'One medicine or supplement, as written.' });
  if (ctx.zodSchema === allergyLine) Object.assign(ctx.jsonSchema, { maxLength: LIST_LIMITS.lineLength });
}

/** The schemas as components, referring to each other by name; the request and answer names must not meet. */
function components(schemas: Record<string, z.ZodType>, io: 'input' | 'output'): Record<string, JsonSchema> {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(schemas)) registry.add(schema, { id });
  const out = z.toJSONSchema(registry, {
    target: 'draft-2020-12',
    io,
    uri: (id) => ref(id).$ref,
    override: (ctx) => describeRefinements(ctx as { zodSchema: unknown; jsonSchema: JsonSchema }),
  });
  // Each comes out as a document of its own; as a component it takes its dialect from the OpenAPI document.
  return Object.fromEntries(Object.entries(out.schemas).map(([id, { $schema: _s, $id: _i, ...schema }]) => [id, schema]));
}

function withPatientDocs(schemas: Record<string, JsonSchema>) {
  const properties = (schemas.Patient as { properties: Record<string, JsonSchema> }).properties;
  for (const [field, description] of Object.entries(PATIENT_DOCS)) {
    const property = properties[field];
    if (!property) throw new Error(`the Patient schema has no field ${field}`);
    property.description = description;
  }
  return schemas;
}

const json = (schema: JsonSchema) => ({ 'application/json': { schema } });
const error = (description: string) => ({ description, content: json(ref('Error')) });
const tooMany = error('More checks than the rate limit allows from one client in a minute.');
const serverError = error('Something went wrong on the server; the list was not checked.');

const checkExample = {
  lang: 'en',
  patient: { targetWeightKg: 70, weightGainKg: 3.2, sessionHours: 4, anticoagulation: 'lmwh', allergies: ['kinine (trombocytopenie 2019)'] },
  items: ['Kinine 250 mg 1dd a.n.', 'Magnesium citrate 400 mg daily'],
};

const bounds = Object.entries(BOUNDS)
  .map(([field, b]) => `${field} ${b.min}–${b.max}`)
  .join(', ');

function document() {
  const schemas = { ...withPatientDocs(components(requestSchemas, 'input')) };
  for (const [id, schema] of Object.entries(components(responseSchemas, 'output'))) {
    if (id in schemas) throw new Error(`two components are named ${id}`);
    schemas[id] = schema;
  }
  return {
    openapi: '3.1.1',
    info: {
      title: 'DialySafe API',
      version: '1',
      summary: 'Medication and supplement safety checks for people on haemodialysis.',
      description:
        'Every answer is JSON, errors too. A line that is not recognised, or whose dose cannot be read, is `unknown`: not checked, verify by hand; a list with such a line is never summarised as `ok`. Nothing sent is stored or logged.',
    },
    tags: [
      { name: 'check', description: 'Check a list of medicines and supplements.' },
      { name: 'cds-hooks', description: 'CDS Hooks 2.0 services.', externalDocs: { url: 'https://cds-hooks.hl7.org/2.0/' } },
      { name: 'service', description: 'The service itself.' },
    ],
    paths: {
      '/api/v1/check': {
        post: {
          tags: ['check'],
          operationId: 'check',
          summary: 'Check a list',
          description: `One line per medicine or supplement, in the user's own words; at most ${LIST_LIMITS.lines} lines of ${LIST_LIMITS.lineLength} characters. Unknown fields are refused. Bounds of the dialysis context: ${bounds}.`,
          parameters: [
            {
              name: 'Accept-Language',
              in: 'header',
              required: false,
              description: 'For FHIR input: the language of the answer (nl or en; en by default). JSON input gives it in `lang`.',
              schema: { type: 'string' },
            },
          ],
          requestBody: {
            required: true,
            content: {
              'application/json': { schema: ref('CheckRequest'), examples: { list: { summary: 'Two lines and the dialysis context', value: checkExample } } },
              ...Object.fromEntries(FHIR_JSON.map((type) => [type, { schema: ref('FhirCheckInput') }])),
            },
          },
          responses: {
            '200': {
              description: 'The report: one item per line, in order, with interactions, totals and context findings given once and pointed to by index.',
              content: json({ oneOf: [ref('CheckReport'), ref('FhirCheckReport')] }),
            },
            '400': error('The body is not valid JSON, is not a list, or a field is refused (`issues` names each field); a FHIR body is not a Bundle, MedicationRequest or MedicationStatement, or holds none to check, or too many.'),
            '413': error(`The body is larger than the largest valid list of ${LIST_LIMITS.lines} lines; for FHIR, larger than ${FHIR_BODY_LIMIT_BYTES / 1024 / 1024} MB.`),
            '429': tooMany,
            '5XX': serverError,
          },
        },
      },
      '/api/v1/openapi.json': {
        get: {
          tags: ['service'],
          operationId: 'openapi',
          summary: 'This document',
          responses: { '200': { description: 'OpenAPI 3.1.', content: json({ type: 'object' }) } },
        },
      },
      '/healthz': {
        get: {
          tags: ['service'],
          operationId: 'health',
          summary: 'Health and the knowledge base loaded',
          responses: { '200': { description: 'Ready, with the version of the knowledge base.', content: json(ref('Health')) } },
        },
      },
      '/cds-services': {
        get: {
          tags: ['cds-hooks'],
          operationId: 'cdsDiscovery',
          summary: 'CDS Hooks discovery',
          description: 'Services for order-select and order-sign, with prefetch templates for the patient, active MedicationRequest and MedicationStatement, and AllergyIntolerance.',
          responses: { '200': { description: 'The services.', content: json(ref('CdsServices')) } },
        },
      },
      '/cds-services/{id}': {
        post: {
          tags: ['cds-hooks'],
          operationId: 'cdsHook',
          summary: 'Call a CDS Hooks service',
          description: 'Cards in the language of Accept-Language.',
          parameters: [{ name: 'id', in: 'path', required: true, description: 'A service id from discovery.', schema: { type: 'string' } }],
          requestBody: { required: true, content: json(ref('CdsHookRequest')) },
          responses: {
            '200': { description: 'One card per finding to show.', content: json(ref('CdsCards')) },
            '400': error('The body is not a hook request, or its hook does not match the service.'),
            '404': error('No service with that id.'),
            '5XX': serverError,
          },
        },
      },
      '/cds-services/{id}/feedback': {
        post: {
          tags: ['cds-hooks'],
          operationId: 'cdsFeedback',
          summary: 'Feedback on cards',
          description: 'Counted per rule code and outcome; no patient data is kept.',
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
          requestBody: { required: true, content: json(ref('CdsFeedback')) },
          responses: {
            '200': { description: 'Counted.' },
            '400': error('The body is not feedback.'),
            '404': error('No service with that id.'),
          },
        },
      },
    },
    components: { schemas },
  };
}

export const openApiDocument = document();
