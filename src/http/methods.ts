/**
 * OPTIONS and 405 for the JSON API, answered in JSON. Which methods a path takes is read from the
 * app's own routes, so a route added anywhere (app.ts, a router under /api) is known here without
 * being listed twice.
 */
import type { Express, Request, RequestHandler } from 'express';

/**
 * The parts of Express 5's router (the `router` package, 2.x) read here: a layer matches a path
 * and holds either a route (its methods) or a mounted router (its own stack).
 */
interface Layer {
  match(path: string): false | { path: string };
  route?: { methods: Record<string, boolean | undefined> };
  handle: unknown;
}

const stackOf = (handle: unknown): Layer[] | undefined => {
  const stack = (handle as { stack?: unknown } | null)?.stack;
  return typeof handle === 'function' && Array.isArray(stack) ? (stack as Layer[]) : undefined;
};

function collect(stack: readonly Layer[], path: string, into: Set<string>): void {
  for (const layer of stack) {
    let matched;
    try {
      matched = layer.match(path);
    } catch {
      continue; // a path that does not decode matches nothing
    }
    if (!matched) continue;
    if (layer.route) {
      for (const [method, on] of Object.entries(layer.route.methods)) if (on) into.add(method === '_all' ? '*' : method.toUpperCase());
      continue;
    }
    const inner = stackOf(layer.handle);
    if (!inner) continue;
    const rest = path.slice(matched.path.length);
    if (rest === '' || rest.startsWith('/')) collect(inner, rest || '/', into);
  }
}

/** The methods the app's routes take at `path`, as declared ('*' for a route taking all). */
function routeMethods(app: Express, path: string): Set<string> {
  const methods = new Set<string>();
  collect(app.router.stack as unknown as Layer[], path, methods);
  return methods;
}

/** The methods answered at `path`, sorted, with HEAD where GET is and OPTIONS; empty for a path the app does not know. */
export function allowedMethods(app: Express, path: string): string[] {
  const methods = routeMethods(app, path);
  if (methods.size === 0 || methods.has('*')) return [];
  if (methods.has('GET')) methods.add('HEAD');
  methods.add('OPTIONS');
  return [...methods].sort();
}

const fullPath = (req: Request) => req.baseUrl + req.path;

/**
 * Answers OPTIONS with the path's methods in `Allow` and in JSON, unless a route answers OPTIONS
 * itself; a path nothing answers goes on to 404.
 */
export function jsonOptions(app: Express): RequestHandler {
  return (req, res, next) => {
    if (req.method !== 'OPTIONS') return next();
    const declared = routeMethods(app, fullPath(req));
    if (declared.has('OPTIONS') || declared.has('*')) return next();
    const allow = allowedMethods(app, fullPath(req));
    if (allow.length === 0) return next();
    res.set('Allow', allow.join(', ')).json({ allow });
  };
}

/** For a request no route took: 405 with `Allow` when the path exists with other methods, else on to 404. */
export function jsonMethodNotAllowed(app: Express): RequestHandler {
  return (req, res, next) => {
    const allow = allowedMethods(app, fullPath(req));
    if (allow.length === 0 || allow.includes(req.method)) return next();
    const others = allow.filter((m) => m !== 'OPTIONS' && m !== 'HEAD');
    res
      .status(405)
      .set('Allow', allow.join(', '))
      .json({ error: `${req.method} is not answered here; use ${others.join(' or ')}`, issues: [] });
  };
}
