import type { Lang } from '../kb/schema.js';
import { en, type Messages } from './en.js';
import { nl } from './nl.js';

const catalogs: Record<Lang, Messages> = { en, nl };

export function messages(lang: Lang): Messages {
  return catalogs[lang];
}

export type { Messages };
