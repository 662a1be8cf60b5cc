/** The request body of POST /api/v1/check (see ../shared/design/api.md). */
import { z } from 'zod';
import { LANGS } from '../kb/schema.js';
import { englishPatientMessages, patientSchema } from '../patient-schema.js';

export const MAX_LINES = 100;
export const MAX_LINE_LENGTH = 500;

export const line = z
  .string({ error: 'each line must be a string' })
  .max(MAX_LINE_LENGTH, { error: `a line may be at most ${MAX_LINE_LENGTH} characters` })
  .refine((s) => s.trim().length > 0, { error: 'a line must not be empty' });

export const checkRequest = z.strictObject(
  {
    lang: z.enum(LANGS, { error: `lang must be one of ${LANGS.join(', ')}` }).default('en'),
    patient: patientSchema(englishPatientMessages).default({}),
    items: z
      .array(line, { error: 'items must be a list of lines (strings)' })
      .min(1, { error: 'give at least one line' })
      .max(MAX_LINES, { error: `at most ${MAX_LINES} lines can be checked at once` }),
  },
  { error: (issue) => (issue.code === 'unrecognized_keys' ? `unknown field(s): ${issue.keys.join(', ')}` : 'the body must be a JSON object with "items"') },
);

export type CheckRequest = z.infer<typeof checkRequest>;
