/**
 * How every template in views/ is compiled. EJS by default runs a template inside `with (locals)`,
 * which keeps V8 from optimising it: a finding rendered 2.7× slower that way. Here each template
 * instead declares the page's locals as variables at its top, from the one list below; a unit test
 * (templates-locals.test.ts) checks that no template reads a name the list lacks.
 */
import type { Options } from 'ejs';

/** Every name a template reads as a bare variable. Optional ones are still tested as `locals.x`. */
export const TEMPLATE_LOCALS = [
  'between',
  'coverage',
  'defaultSubmit',
  'entry',
  'f',
  'form',
  'heading',
  'index',
  'intro',
  'kbMeta',
  'lang',
  'langSwitch',
  'line',
  'message',
  'notGiven',
  'otherLang',
  'path',
  'report',
  'rows',
  'rule',
  'rules',
  's',
  't',
  'title',
  'url',
  'values',
  'verdict',
  'view',
] as const;

/** EJS caches compiled templates by file name only, so every render must use these same options. */
export const TEMPLATE_OPTIONS = {
  _with: false,
  strict: true,
  destructuredLocals: [...TEMPLATE_LOCALS],
} satisfies Options;
