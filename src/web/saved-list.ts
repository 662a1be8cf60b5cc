/**
 * A list saved as a text file, to be checked again at the next visit with nothing stored on the
 * server: one medicine per line, and the dialysis context as "# field: value" lines at the top.
 * Opening it (or pasting it into the list) reads those lines back into the form's fields.
 */
import { PATIENT_FIELDS } from '../patient.js';

type Field = (typeof PATIENT_FIELDS)[number];
const FIELDS = new Set<string>(PATIENT_FIELDS);
const SETTING = /^#\s*([A-Za-z]+)\s*:\s*(.*)$/;

export function writeSavedList(values: { items: string } & Partial<Record<Field, string>>, heading: string): string {
  const out = [`# ${heading}`];
  for (const field of PATIENT_FIELDS) {
    if (field === 'allergies') continue;
    const value = values[field]?.trim();
    if (value) out.push(`# ${field}: ${value}`);
  }
  for (const allergy of (values.allergies ?? '').split(/\r\n|\r|\n/).map((l) => l.trim()).filter(Boolean)) out.push(`# allergies: ${allergy}`);
  out.push(...values.items.split(/\r\n|\r|\n/).filter((l) => l.trim().length > 0));
  return `${out.join('\n')}\n`;
}

/** The heading writeSavedList puts first, in either language ("# DialySafe list of …", "# DialySafe-lijst van …"). */
const HEADING = /^#\s*DialySafe\b/i;

/**
 * Whether a line is one of a saved list's own: its heading or a "# field: value" setting. Any other
 * line, "#3 Kinine 200 mg" too, is a medicine line and is checked, so nothing typed is dropped.
 */
export function isSavedListLine(line: string): boolean {
  const trimmed = line.trim();
  if (HEADING.test(trimmed)) return true;
  const field = SETTING.exec(trimmed)?.[1];
  return field !== undefined && FIELDS.has(field);
}

/** The medicine lines and the fields a text holds. */
export function readSavedList(text: string): { lines: string[]; fields: Partial<Record<Field, string>> } {
  const lines: string[] = [];
  const fields: Partial<Record<Field, string>> = {};
  for (const line of text.split(/\r\n|\r|\n/)) {
    if (!isSavedListLine(line)) {
      if (line.trim().length > 0) lines.push(line.trimEnd());
      continue;
    }
    if (HEADING.test(line.trim())) continue;
    const m = SETTING.exec(line.trim());
    const field = m?.[1];
    if (!m || !field) continue;
    const key = field as Field;
    const value = (m[2] ?? '').trim();
    fields[key] = key === 'allergies' && fields.allergies ? `${fields.allergies}\n${value}` : value;
  }
  return { lines, fields };
}
