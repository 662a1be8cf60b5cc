/**
 * The JSON answers of the CDS Hooks endpoints, as zod schemas: discovery, the cards, the answer to
 * feedback and the feedback counts. Like src/api/response-schema.ts they build nothing: the
 * OpenAPI document publishes them, the tests hold real answers to them, and the type checks at
 * the end keep them and the code that builds the answers in step.
 */
import { z } from 'zod';
import type { Fields, Same } from '../api/response-schema.js';
import { FINDING_SYSTEM, SUMMARY_MAX, type Card } from './cards.js';
import type { FeedbackSummary } from './feedback.js';
import { HOOKS, PREFETCH, type CdsService } from './services.js';
import { OVERRIDE_REASON_SYSTEM, OVERRIDE_REASONS } from './texts.js';

const text = z.string();
/** Absolute unless the request's Host header is not a host name: then links into the KB stay paths. */
const link = z.string().meta({ format: 'uri-reference' });

const prefetchTemplates = z
  .strictObject(Object.fromEntries(Object.keys(PREFETCH).map((key) => [key, text])) as Record<keyof typeof PREFETCH, typeof text>)
  .meta({ description: 'Prefetch key → the FHIR query the CDS client runs and sends with each call.' });

export const cdsService = z.strictObject({
  hook: z.enum(HOOKS),
  id: text.meta({ description: 'The service id: POST /cds-services/{id}.' }),
  title: text,
  description: text,
  prefetch: prefetchTemplates,
  usageRequirements: text,
});

export const discoveryAnswer = z.strictObject({ services: z.array(cdsService) });

const coding = z.strictObject({ system: text, code: text, display: text });

export const cardSuggestion = z
  .strictObject({
    uuid: z.uuid(),
    label: text,
    isRecommended: z.boolean().meta({ description: 'True for an order the knowledge base says to avoid.' }),
    actions: z.array(
      z.strictObject({
        type: z.literal('delete'),
        description: text,
        resourceId: text.meta({ description: 'The draft order to remove ("MedicationRequest/123").' }),
      }),
    ),
  })
  .meta({ description: 'Remove a draft order.' });

export const card = z.strictObject({
  uuid: z.uuid().meta({ description: 'The card, as feedback names it.' }),
  summary: text.max(SUMMARY_MAX),
  detail: text.meta({ description: 'Markdown: the finding, the order as read, the dose worked out and the limit, advice, evidence and references.' }),
  indicator: z.enum(['info', 'warning', 'critical']).meta({
    description: '`critical` for a finding to avoid, `warning` for a caution, `info` otherwise, also for an order that was not recognised.',
  }),
  source: z.strictObject({
    label: text.meta({ description: 'With the version of the knowledge base.' }),
    url: link.meta({ description: 'The knowledge-base page of the finding.' }),
    topic: coding.meta({ description: `The finding's code, in the system ${FINDING_SYSTEM} (cds.notice for a card of DialySafe's own).` }),
  }),
  suggestions: z.array(cardSuggestion).min(1).optional(),
  selectionBehavior: z.literal('at-most-one').optional().meta({ description: 'Given with suggestions.' }),
  overrideReasons: z
    .array(coding)
    .optional()
    .meta({ description: `Given on warning and critical cards: the codes ${OVERRIDE_REASONS.join(', ')} in the system ${OVERRIDE_REASON_SYSTEM}.` }),
  links: z.array(z.strictObject({ label: text, url: z.url({ protocol: /^https?$/ }), type: z.literal('absolute') })).optional().meta({ description: 'The knowledge-base entry; left out when the server does not know its own origin.' }),
});

export const cardsAnswer = z.strictObject({
  cards: z.array(card).meta({ description: 'Most urgent first; empty when no draft order is selected.' }),
});

/** POST /cds-services/{id}/feedback answers an empty object. */
export const feedbackAnswer = z.strictObject({});

const count = z.int().min(0);

export const feedbackSummary = z.strictObject({
  kb: z.strictObject({ version: text }),
  since: z.iso.datetime().meta({ description: 'When this process started counting.' }),
  rules: z
    .record(
      text,
      z.strictObject({
        accepted: count,
        overridden: count,
        overrideReasons: z
          .record(text, count)
          .meta({ description: `Override reason code → times chosen: ${OVERRIDE_REASONS.join(', ')}, or other for a reason of the client's own.` }),
      }),
    )
    .meta({ description: 'Finding code → what clinicians did with its cards.' }),
  unknownCards: count.meta({ description: 'Feedback on cards this process did not issue or no longer remembers.' }),
});

const sameCard: Same<Fields<Card>, Fields<z.output<typeof card>>> = true;
const cardFitsSchema: [Card] extends [z.output<typeof card>] ? true : false = true;
const sameService: Same<Fields<CdsService>, Fields<z.output<typeof cdsService>>> = true;
const sameSummary: Same<Fields<FeedbackSummary & { kb: { version: string } }>, Fields<z.output<typeof feedbackSummary>>> = true;
void [sameCard, cardFitsSchema, sameService, sameSummary];
