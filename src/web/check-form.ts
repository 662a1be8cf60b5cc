/**
 * The HTML form at the edge: raw form fields → the lines and patient context, or a message per
 * field in the user's language. Numbers may be written with a decimal comma ("3,2 kg").
 */
import { z } from 'zod';
import type { Lang } from '../kb/schema.js';
import { messages } from '../i18n/index.js';
import { LIST_LIMITS, lineLength } from '../list-limits.js';
import { PATIENT_FIELDS, type Patient, patientSchema } from '../patient.js';
import { readSavedList } from './saved-list.js';

export { PATIENT_FIELDS };

type PatientField = (typeof PATIENT_FIELDS)[number];
const NUMBER_FIELDS = new Set<PatientField>(['targetWeightKg', 'weightGainKg', 'sessionHours', 'sessionsPerWeek', 'residualUrineMlPerDay']);
const YES_NO_FIELDS = new Set<PatientField>(['diabetes', 'belowTargetWeight', 'crampsAtHome']);

/** What the user typed, kept as text so the form can be shown again exactly as it was. */
export type FormValues = { items: string } & Record<PatientField, string>;

export const emptyForm = (): FormValues => ({
  items: '',
  ...(Object.fromEntries(PATIENT_FIELDS.map((f) => [f, ''])) as Record<PatientField, string>),
});

const text = z.preprocess((v) => (Array.isArray(v) ? v.join('\n') : v), z.string().optional().default(''));
const rawForm = z.object({
  items: text,
  accept: text,
  ...(Object.fromEntries(PATIENT_FIELDS.map((f) => [f, text])) as Record<PatientField, typeof text>),
});

export interface FormReading {
  values: FormValues;
  lines: string[];
  patient: Patient;
  /** Field name → message, in the user's language. */
  errors: Record<string, string>;
}

export function splitLines(items: string): string[] {
  return items
    .split(/\r\n|\r|\n/)
    .map((l) => l.trimEnd())
    .filter((l) => l.trim().length > 0);
}

function toNumber(raw: string): number | string | undefined {
  const s = raw.trim().replace(',', '.');
  if (s === '') return undefined;
  return /^-?\d+(\.\d+)?$/.test(s) ? Number(s) : raw;
}

function toBoolean(raw: string): boolean | string | undefined {
  if (raw === '') return undefined;
  if (raw === 'yes') return true;
  if (raw === 'no') return false;
  return raw;
}

/** "3|Kinine 250 mg" from an accepted "did you mean" suggestion: replaces line 3. */
function applyAcceptedSuggestion(lines: string[], accept: string): string[] {
  const m = /^(\d+)\|([\s\S]+)$/.exec(accept);
  if (!m) return lines;
  const index = Number(m[1]);
  if (index < 0 || index >= lines.length) return lines;
  return lines.map((l, i) => (i === index ? (m[2] ?? l) : l));
}

export function readCheckForm(body: unknown, lang: Lang): FormReading {
  const t = messages(lang).ui;
  const { accept, ...form } = rawForm.parse(body ?? {});
  // A saved list pasted or opened into the list brings its context lines; a field typed in the form wins.
  const saved = readSavedList(form.items);
  const raw: typeof form = { ...form };
  for (const [field, value] of Object.entries(saved.fields) as [PatientField, string][]) if (!raw[field].trim()) raw[field] = value;
  const lines = applyAcceptedSuggestion(saved.lines, accept);
  const values: FormValues = { ...emptyForm(), ...raw, items: lines.length > 0 ? lines.join('\n') : form.items };
  const errors: Record<string, string> = {};

  if (lines.length === 0) errors.items = t.errors.itemsEmpty;
  else if (lines.length > LIST_LIMITS.lines) errors.items = t.errors.tooManyLines(lines.length, LIST_LIMITS.lines);
  else {
    const long = lines.findIndex((l) => lineLength(l) > LIST_LIMITS.lineLength);
    if (long >= 0) errors.items = t.errors.lineTooLong(long + 1, LIST_LIMITS.lineLength);
  }

  const typed: Record<string, unknown> = {};
  for (const f of PATIENT_FIELDS) {
    if (f === 'allergies') {
      const allergies = splitLines(raw.allergies);
      if (allergies.length > 0) typed.allergies = allergies;
      continue;
    }
    const v = raw[f].trim();
    const value = NUMBER_FIELDS.has(f) ? toNumber(v) : YES_NO_FIELDS.has(f) ? toBoolean(v) : v === '' ? undefined : v;
    if (value !== undefined) typed[f] = value;
  }
  const parsed = patientSchema(t.errors.patient).safeParse(typed);
  let patient: Patient = {};
  if (parsed.success) patient = parsed.data;
  else for (const issue of parsed.error.issues) errors[String(issue.path[0])] ??= issue.message;

  return { values, lines, patient, errors };
}
