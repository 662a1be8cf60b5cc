/**
 * The page options that live in the URL (language, view, order). They hold no patient data;
 * the list itself only ever travels in POST bodies.
 */
import { z } from 'zod';
import { LANGS, type Lang } from '../kb/schema.js';

import type { View } from '../i18n/ui-en.js';

export const VIEWS = ['pro', 'patient'] as const satisfies readonly View[];
export type { View };
/** Triage: what to act on first, then to check, fine, not checked; or the order the lines were entered. */
export const SORTS = ['triage', 'input'] as const;
export type Sort = (typeof SORTS)[number];

const optionsSchema = z.object({
  lang: z.enum(LANGS).catch('en').default('en'),
  view: z.enum(VIEWS).catch('pro').default('pro'),
  sort: z.enum(SORTS).catch('triage').default('triage'),
});

export interface PageOptions {
  lang: Lang;
  view: View;
  sort: Sort;
}

export function readOptions(query: unknown): PageOptions {
  return optionsSchema.parse(query ?? {});
}

export function url(path: string, options: Partial<PageOptions>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(options)) if (v !== undefined) params.set(k, v);
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

export const otherLang = (lang: Lang): Lang => (lang === 'en' ? 'nl' : 'en');
