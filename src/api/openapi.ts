/**
 * The OpenAPI 3.1 document of the API, served at /api/v1/openapi.json. Its schemas are zod's own
 * JSON Schema (draft 2020-12, OpenAPI 3.1's dialect) of the schemas that validate the requests
 * (as input: defaults make fields optional) — check-request.ts, src/fhir/resources.ts and
 * src/cds-hooks/schemas.ts — and of those that describe the answers (as output), which the tests
 * hold real answers to: response-schema.ts and src/cds-hooks/answer-schemas.ts. Each CDS Hooks
 * service is a path of its own, so that its body is the one schema that validates it.
 */
import { z } from 'zod';
import * as cdsAnswer from '../cds-hooks/answer-schemas.js';
import { feedbackItem, feedbackRequest, fhirAuthorization, hookRequests } from '../cds-hooks/schemas.js';
import { SERVICES, type Hook } from '../cds-hooks/services.js';
import { FHIR_BODY_LIMIT_BYTES, MAX_RESOURCES } from '../fhir/read-body.js';
import { fhirCheckBody } from '../fhir/resources.js';
import { BODY_LIMIT_BYTES, LIST_LIMITS } from '../list-limits.js';
import { BOUNDS, DEFAULT_MODALITY, DEFAULT_SESSIONS_PER_WEEK, PATIENT_FIELDS } from '../patient.js';
import { checkRequest, line } from './check-request.js';
import * as answer from './response-schema.js';
import { FHIR_JSON } from './routes.js';

type JsonSchema = Record<string, unknown>;

const ref = (id: string) => ({ $ref: `#/components/schemas/${id}` });

const patient = checkRequest.shape.patient.unwrap();
const allergyLine = patient.shape.allergies.unwrap().in.element;

/** The component name of each hook's request body. */
const HOOK_REQUEST: Record<Hook, string> = { 'order-select': 'CdsOrderSelectRequest', 'order-sign': 'CdsOrderSignRequest' };

const requestSchemas = {
  CheckRequest: checkRequest,
  Patient: patient,
  FhirCheckBody: fhirCheckBody,
  [HOOK_REQUEST['order-select']]: hookRequests['order-select'],
  [HOOK_REQUEST['order-sign']]: hookRequests['order-sign'],
  CdsFhirAuthorization: fhirAuthorization,
  CdsFeedbackRequest: feedbackRequest,
  CdsFeedbackItem: feedbackItem,
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
  CdsDiscovery: cdsAnswer.discoveryAnswer,
  CdsService: cdsAnswer.cdsService,
  CdsCards: cdsAnswer.cardsAnswer,
  CdsCard: cdsAnswer.card,
  CdsCardSuggestion: cdsAnswer.cardSuggestion,
  CdsFeedbackAnswer: cdsAnswer.feedbackAnswer,
  CdsFeedbackSummary: cdsAnswer.feedbackSummary,
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

/** What zod cannot see in a refinement: a line's length in characters (code points, as JSON Schema counts) and that it is not blank; the CDS Hooks checks across fields, in words. */
const REFINED_CDS: [unknown, string][] = [
  [hookRequests['order-sign'].shape.fhirServer, 'An http or https URL; required when fhirAuthorization is given.'],
  [fhirAuthorization.shape.token_type, 'Bearer (in any case).'],
  [feedbackItem, 'An accepted outcome needs acceptedSuggestions.'],
];

function describeRefinements(ctx: { zodSchema: unknown; jsonSchema: JsonSchema }) {
  if (ctx.zodSchema === line) Object.assign(ctx.jsonSchema, { maxLength: LIST_LIMITS.lineLength, pattern: '\\S', description: 'One medicine or supplement, as written.' });
  if (ctx.zodSchema === allergyLine) Object.assign(ctx.jsonSchema, { maxLength: LIST_LIMITS.lineLength });
  for (const [schema, description] of REFINED_CDS) if (ctx.zodSchema === schema) ctx.jsonSchema.description = description;
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
const response = (id: string) => ({ $ref: `#/components/responses/${id}` });
const MB = (bytes: number) => `${bytes / 1024 / 1024} MB`;

/** Answers every endpoint of a surface can give, described once. */
const sharedResponses = {
  TooManyRequests: {
    description:
      'More requests from one client in a minute than RATE_LIMIT_PER_MINUTE allows (120 by default): /api (with the web form\'s checks) and /cds-services are counted apart.',
    headers: {
      'Retry-After': { schema: { type: 'integer' }, description: 'Seconds until the next request is taken.' },
      RateLimit: { schema: { type: 'string' }, description: 'The limit, what remains of it and when it resets ("limit=120, remaining=0, reset=42").' },
    },
    content: json(ref('Error')),
  },
  ServerError: error('Something went wrong on the server; nothing was checked.'),
  NotFound: error('No such endpoint, or (under /cds-services) no service with that id.'),
  MethodNotAllowed: {
    description: 'Under /api: a path that exists, asked with a method it does not take; `Allow` lists the methods it takes.',
    headers: { Allow: { schema: { type: 'string' }, description: 'The methods the path takes ("OPTIONS, POST").' } },
    content: json(ref('Error')),
  },
  Unauthenticated: {
    description: 'Only when CDS_TRUSTED_ISSUERS is set: the CDS client sent no JWT, or one that is not valid.',
    headers: { 'WWW-Authenticate': { schema: { type: 'string', const: 'Bearer' } } },
    content: json(ref('Error')),
  },
};

const checkExample = {
  lang: 'en',
  patient: { targetWeightKg: 70, weightGainKg: 3.2, sessionHours: 4, anticoagulation: 'lmwh', allergies: ['kinine (trombocytopenie 2019)'] },
  items: ['Kinine 250 mg 1dd a.n.', 'Magnesium citrate 400 mg daily'],
};

const bounds = Object.entries(BOUNDS)
  .map(([field, b]) => `${field} ${b.min}–${b.max}`)
  .join(', ');

const FHIR_INPUT =
  'FHIR R4: a Bundle (any type, or none; nested Bundles are opened) or a single MedicationRequest or MedicationStatement. Only the envelope is refused; each MedicationRequest and MedicationStatement is one item, in bundle order, with its Medication contained, in the bundle, or referenced, and one that cannot be read is an item not checked (`read: none`, `unreadable` says why). Active AllergyIntolerance entries become the previous reactions; every other resource, and a Medication no item refers to, is listed in `ignored`. The language of the answer comes from Accept-Language.';

const languageHeader = (what: string) => ({
  name: 'Accept-Language',
  in: 'header',
  required: false,
  description: `The language of ${what}: nl or en; en when absent or neither.`,
  schema: { type: 'string' },
});

/** The CDS client's JWT, checked only when trusted issuers are configured: optional in the document. */
const cdsSecurity = [{}, { cdsClientJwt: [] }];
const camel = (s: string) => s.replace(/-(\w)/g, (_, c: string) => c.toUpperCase());

function cdsServicePaths() {
  return Object.fromEntries(
    SERVICES.flatMap((service) => {
      const name = camel(service.hook.replace(/^order/, 'Order'));
      const hook = {
        post: {
          tags: ['cds-hooks'],
          operationId: `cds${name}`,
          summary: service.title,
          description: `${service.description} Cards in the language of Accept-Language.`,
          security: cdsSecurity,
          parameters: [languageHeader('the cards')],
          requestBody: { required: true, content: json(ref(HOOK_REQUEST[service.hook])) },
          responses: {
            '200': { description: 'One card per finding about the orders, most urgent first, and a card when current medicines were not available.', content: json(ref('CdsCards')) },
            '400': error(
              `The body is not JSON or not this hook's request (\`issues\` names each field), its hook is not ${service.hook}, draftOrders holds a DSTU2 MedicationOrder, or more than ${LIST_LIMITS.lines} orders.`,
            ),
            '401': response('Unauthenticated'),
            '413': error(`The body is larger than ${MB(FHIR_BODY_LIMIT_BYTES)}, or holds more than ${MAX_RESOURCES} resources.`),
            '429': response('TooManyRequests'),
            '5XX': response('ServerError'),
          },
        },
      };
      const feedback = {
        post: {
          tags: ['cds-hooks'],
          operationId: `cds${name}Feedback`,
          summary: `Feedback on the cards of ${service.id}`,
          description: 'Counted per finding code and outcome, in memory; no patient data, card text or comment is kept. Feedback on a card this process did not issue is counted as unknown.',
          security: cdsSecurity,
          requestBody: { required: true, content: json(ref('CdsFeedbackRequest')) },
          responses: {
            '200': { description: 'Counted.', content: json(ref('CdsFeedbackAnswer')) },
            '400': error('The body is not JSON, or not feedback (`issues` names each field).'),
            '401': response('Unauthenticated'),
            '413': error(`The body is larger than ${MB(FHIR_BODY_LIMIT_BYTES)}.`),
            '429': response('TooManyRequests'),
            '5XX': response('ServerError'),
          },
        },
      };
      return [
        [`/cds-services/${service.id}`, hook],
        [`/cds-services/${service.id}/feedback`, feedback],
      ];
    }),
  );
}

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
        'Every answer is JSON, errors too (`{"error": "…", "issues": [{"path": "…", "message": "…"}]}`): a path the API does not have is 404, and under /api a path asked with a method it does not take is 405 with `Allow`. A line that is not recognised, or whose dose cannot be read, is `unknown`: not checked, verify by hand; a list with such a line is never summarised as `ok`. Nothing sent is stored or logged.',
    },
    tags: [
      { name: 'check', description: 'Check a list of medicines and supplements.' },
      {
        name: 'cds-hooks',
        description: 'CDS Hooks 2.0 services, with CORS for any origin. When CDS_TRUSTED_ISSUERS is set, every call but the feedback summary needs the CDS client\'s JWT.',
        externalDocs: { url: 'https://cds-hooks.hl7.org/2.0/' },
      },
      { name: 'service', description: 'The service itself.' },
    ],
    paths: {
      '/api/v1/check': {
        post: {
          tags: ['check'],
          operationId: 'check',
          summary: 'Check a list',
          description: `One line per medicine or supplement, in the user's own words; at most ${LIST_LIMITS.lines} lines of ${LIST_LIMITS.lineLength} characters and ${LIST_LIMITS.allergies} previous reactions. Unknown fields are refused. Bounds of the dialysis context: ${bounds}. Or a FHIR R4 body with Content-Type application/fhir+json.`,
          parameters: [languageHeader('the answer to a FHIR body (a JSON body gives it in `lang`)')],
          requestBody: {
            required: true,
            description: `JSON: the lines and the dialysis context. ${FHIR_INPUT}`,
            content: {
              'application/json': { schema: ref('CheckRequest'), examples: { list: { summary: 'Two lines and the dialysis context', value: checkExample } } },
              ...Object.fromEntries(FHIR_JSON.map((type) => [type, { schema: ref('FhirCheckBody') }])),
            },
          },
          responses: {
            '200': {
              description: 'The report: one item per line, in order, with interactions, totals, context findings and references given once and pointed to by index. A FHIR body gets a FhirCheckReport.',
              content: json({ oneOf: [ref('CheckReport'), ref('FhirCheckReport')] }),
            },
            '400': error(
              `The body is not valid JSON, not UTF-8, not sent as application/json or application/fhir+json, or a field is refused (\`issues\` names each field); a FHIR body is not a Bundle, MedicationRequest or MedicationStatement, holds none to check, or more than ${LIST_LIMITS.lines}.`,
            ),
            '413': error(`The body is larger than the largest valid list (${Math.round(BODY_LIMIT_BYTES / 1024)} KiB); a FHIR body larger than ${MB(FHIR_BODY_LIMIT_BYTES)}, or with more than ${MAX_RESOURCES} resources.`),
            '429': response('TooManyRequests'),
            '5XX': response('ServerError'),
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
          description: 'The server listens only once the knowledge base is loaded, and does not start without one.',
          responses: { '200': { description: 'Ready, with the version of the knowledge base.', content: json(ref('Health')) } },
        },
      },
      '/cds-services': {
        get: {
          tags: ['cds-hooks'],
          operationId: 'cdsDiscovery',
          summary: 'CDS Hooks discovery',
          description: 'The services, with prefetch templates for the patient, active MedicationRequest and MedicationStatement, and AllergyIntolerance.',
          security: cdsSecurity,
          responses: {
            '200': { description: 'The services.', content: json(ref('CdsDiscovery')) },
            '401': response('Unauthenticated'),
            '429': response('TooManyRequests'),
          },
        },
      },
      ...cdsServicePaths(),
      '/cds-services/feedback-summary': {
        get: {
          tags: ['cds-hooks'],
          operationId: 'cdsFeedbackSummary',
          summary: 'Feedback counts, for knowledge-base review',
          description: 'What clinicians did with the cards of this process since it started, per finding code. No patient data, so no client authentication.',
          responses: {
            '200': { description: 'The counts.', content: json(ref('CdsFeedbackSummary')) },
            '429': response('TooManyRequests'),
          },
        },
      },
    },
    components: {
      schemas,
      responses: sharedResponses,
      securitySchemes: {
        cdsClientJwt: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description:
            "CDS Hooks 2.0 client authentication, when CDS_TRUSTED_ISSUERS is set: a JWT signed (asymmetrically) by a trusted issuer's key, with `aud` the URL called, `exp`, `iat` (at most 15 minutes ago) and a `jti` not used before.",
        },
      },
    },
  };
}

let built: ReturnType<typeof document> | undefined;

/** Built on its first request: turning the schemas into JSON Schema is not worth delaying start-up for. */
export function openApiDocument(): ReturnType<typeof document> {
  built ??= document();
  return built;
}
