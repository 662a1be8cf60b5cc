/**
 * Templates run without `with (locals)` (template-options.ts): a name a template reads must be in
 * TEMPLATE_LOCALS, or the branch that reads it throws a ReferenceError, and the page is a 500. The
 * HTTP tests render the pages, but not every branch of every page, so this reads every template's
 * compiled code with the TypeScript checker and lists the names it reads that nothing declares.
 */
import ejs from 'ejs';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { viewsDir } from '../../../src/paths.js';
import { TEMPLATE_LOCALS, TEMPLATE_OPTIONS } from '../../../src/web/template-options.js';

function templateFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? templateFiles(join(dir, entry.name)) : entry.name.endsWith('.ejs') ? [join(dir, entry.name)] : [],
  );
}

/** The names each template reads but does not declare, compiled with the given locals declared. */
function undeclaredNames(files: string[], declared: readonly string[]): Map<string, string[]> {
  const sources = new Map<string, string>();
  for (const file of files) {
    const template = new ejs.Template(readFileSync(file, 'utf8'), {
      ...TEMPLATE_OPTIONS,
      destructuredLocals: [...declared],
      compileDebug: false,
      filename: file,
    });
    template.compile();
    // The same parameters EJS gives the function it makes.
    sources.set(`/templates/${relative(viewsDir, file)}.js`, `export function __template(locals, escapeFn, include, rethrow) {\n${template.source}\n}`);
  }
  const host = ts.createCompilerHost({});
  const readSource = host.getSourceFile.bind(host);
  host.getSourceFile = (name, version, ...rest) => {
    const text = sources.get(name);
    return text === undefined ? readSource(name, version, ...rest) : ts.createSourceFile(name, text, version);
  };
  host.fileExists = (name) => sources.has(name) || ts.sys.fileExists(name);
  host.readFile = (name) => sources.get(name) ?? ts.sys.readFile(name);
  const program = ts.createProgram(
    [...sources.keys()],
    { allowJs: true, checkJs: true, noEmit: true, target: ts.ScriptTarget.ES2022, lib: ['lib.es2022.d.ts'], types: [] },
    host,
  );
  const byTemplate = new Map<string, string[]>();
  for (const diagnostic of ts.getPreEmitDiagnostics(program)) {
    // "Cannot find name" (with or without a "did you mean").
    if ((diagnostic.code !== 2304 && diagnostic.code !== 2552) || !diagnostic.file || diagnostic.start === undefined) continue;
    const name = diagnostic.file.text.slice(diagnostic.start, diagnostic.start + (diagnostic.length ?? 0));
    const template = diagnostic.file.fileName.replace(/^\/templates\/|\.js$/g, '');
    byTemplate.set(template, [...new Set([...(byTemplate.get(template) ?? []), name])].sort());
  }
  return byTemplate;
}

describe('templates compiled without with(locals)', () => {
  const files = templateFiles(viewsDir);

  it('finds the templates and the names they read', () => {
    expect(files.length).toBeGreaterThanOrEqual(15);
    // Without the list, every template reads something it has not declared (t, url, lang, …).
    expect(undeclaredNames(files, []).size).toBe(files.length);
  });

  it('declares every name any template reads, so no branch of any page throws', () => {
    expect(Object.fromEntries(undeclaredNames(files, TEMPLATE_LOCALS))).toEqual({});
  });

  it('lists no name that no template reads', () => {
    const read = new Set([...undeclaredNames(files, []).values()].flat());
    expect(TEMPLATE_LOCALS.filter((name) => !read.has(name))).toEqual([]);
  });
});
