/**
 * The CDS Hooks 2.0 endpoints, written from ../shared/design/api.md and
 * https://cds-hooks.hl7.org/2.0/ for the OpenAPI document while src/cds-hooks/ is being built.
 * Once it exports the schemas of its bodies and answers, openapi.ts should describe the
 * endpoints from them and this file goes. The shapes are open: CDS Hooks requests carry many
 * fields DialySafe does not read, and the answers are not yet held to them by a test.
 */
import { z } from 'zod';
import { bundle } from '../fhir/resources.js';

const anyResource = z.looseObject({ resourceType: z.string(), id: z.string().optional() });

export const cdsServices = z.looseObject({
  services: z.array(
    z.looseObject({
      hook: z.enum(['order-select', 'order-sign']),
      title: z.string().optional(),
      description: z.string(),
      id: z.string(),
      prefetch: z.record(z.string(), z.string()).optional().meta({ description: 'Prefetch templates: key → FHIR query.' }),
      usageRequirements: z.string().optional(),
    }),
  ),
});

export const cdsHookRequest = z.looseObject({
  hook: z.string(),
  hookInstance: z.uuid(),
  fhirServer: z.url().optional(),
  fhirAuthorization: z.looseObject({}).optional(),
  context: z
    .looseObject({
      userId: z.string(),
      patientId: z.string(),
      encounterId: z.string().optional(),
      selections: z.array(z.string()).optional().meta({ description: 'order-select only: the draft orders just selected.' }),
      draftOrders: bundle,
    })
    .meta({ description: 'The context of order-select or order-sign.' }),
  prefetch: z.record(z.string(), anyResource.nullable()).optional(),
});

const cdsCoding = z.looseObject({ code: z.string(), system: z.string(), display: z.string().optional() });

const card = z.looseObject({
  uuid: z.string().optional(),
  summary: z.string().max(140),
  indicator: z.enum(['info', 'warning', 'critical']).meta({ description: '`critical` for avoid, `warning` for caution, `info` otherwise.' }),
  detail: z.string().optional().meta({ description: 'Markdown.' }),
  source: z.looseObject({ label: z.string().meta({ description: 'With the knowledge-base version.' }), url: z.url().optional(), icon: z.url().optional(), topic: cdsCoding.optional() }),
  suggestions: z
    .array(z.looseObject({ label: z.string(), uuid: z.string().optional(), isRecommended: z.boolean().optional(), actions: z.array(z.looseObject({ type: z.enum(['create', 'update', 'delete']), description: z.string() })).optional() }))
    .optional(),
  selectionBehavior: z.enum(['at-most-one', 'any']).optional(),
  overrideReasons: z.array(cdsCoding).optional(),
  links: z.array(z.looseObject({ label: z.string(), url: z.url(), type: z.enum(['absolute', 'smart']), appContext: z.string().optional() })).optional(),
});

export const cdsCards = z.looseObject({ cards: z.array(card) });

export const cdsFeedback = z.looseObject({
  feedback: z.array(
    z.looseObject({
      card: z.string().meta({ description: 'The uuid of the card.' }),
      outcome: z.enum(['accepted', 'overridden']),
      acceptedSuggestions: z.array(z.looseObject({ id: z.string() })).optional(),
      overrideReason: z.looseObject({ reason: cdsCoding.optional(), userComment: z.string().optional() }).optional(),
      outcomeTimestamp: z.iso.datetime({ offset: true }),
    }),
  ),
});
