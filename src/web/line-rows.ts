/**
 * The report's line rows, rendered one at a time so that the server can give the event loop a turn
 * between them (slices.ts): rendered inside the page, a hundred-line report was one 20–50 ms piece.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ejs from 'ejs';
import { viewsDir } from '../paths.js';
import { TEMPLATE_OPTIONS } from './template-options.js';

const file = join(viewsDir, 'partials', 'line-row.ejs');
let compiled: ejs.TemplateFunction | undefined;

/** One line row's HTML; `locals` are the page's (the partial reads `t` and `view`) and `line`. */
export function renderLineRow(locals: Record<string, unknown>): string {
  compiled ??= ejs.compile(readFileSync(file, 'utf8'), { ...TEMPLATE_OPTIONS, filename: file, root: viewsDir, cache: true });
  return compiled(locals);
}
