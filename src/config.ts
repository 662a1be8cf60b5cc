/** The environment, read once at start-up and validated, so a bad setting fails fast. */
import { isIP } from 'node:net';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { projectRoot } from './paths.js';

/** What Express's `trust proxy` gets: no proxy, a number of hops, or the proxies' addresses. */
export type TrustProxy = false | number | string[];

/** Names Express (proxy-addr) knows for address ranges. */
const NAMED_RANGES = new Set(['loopback', 'linklocal', 'uniquelocal']);

function isAddressOrRange(value: string): boolean {
  if (NAMED_RANGES.has(value)) return true;
  const [address = '', prefix, ...rest] = value.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
}

const trustProxy = z
  .string()
  .trim()
  .default('false')
  .transform((value, ctx): TrustProxy => {
    if (value === '' || value === 'false' || value === '0') return false;
    if (value === 'true') {
      ctx.issues.push({
        code: 'custom',
        input: value,
        message:
          '"true" would trust every hop, so any client could choose the address it is counted under; ' +
          'give the number of proxies in front of DialySafe (1) or their addresses (10.0.0.1, 10.0.0.0/8, loopback)',
      });
      return z.NEVER;
    }
    if (/^\d+$/.test(value)) {
      const hops = Number(value);
      if (hops <= 10) return hops;
      ctx.issues.push({ code: 'custom', input: value, message: 'a hop count is the number of proxies in front, at most 10' });
      return z.NEVER;
    }
    const list = value.split(',').map((v) => v.trim());
    const wrong = list.filter((v) => !isAddressOrRange(v));
    if (wrong.length === 0) return list;
    ctx.issues.push({
      code: 'custom',
      input: value,
      message: `"${wrong.join('", "')}" is not a number of proxies, an IP address, an address range (10.0.0.0/8) or loopback, linklocal, uniquelocal`,
    });
    return z.NEVER;
  });

/** An origin and nothing else: scheme, host and port, no credentials, path, query or fragment. */
const publicOrigin = z
  .string()
  .trim()
  .transform((value, ctx) => {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      ctx.issues.push({ code: 'custom', input: value, message: 'must be an origin such as https://dialysafe.example' });
      return z.NEVER;
    }
    const problems = [
      url.protocol !== 'http:' && url.protocol !== 'https:' ? 'use http or https' : '',
      url.username || url.password ? 'no user name or password' : '',
      url.pathname !== '/' ? 'no path' : '',
      url.search || value.includes('?') ? 'no query' : '',
      url.hash || value.includes('#') ? 'no fragment' : '',
    ].filter(Boolean);
    if (problems.length === 0) return url.origin;
    ctx.issues.push({ code: 'custom', input: value, message: `must be an origin such as https://dialysafe.example (${problems.join(', ')})` });
    return z.NEVER;
  });

const milliseconds = (fallback: number) => z.coerce.number().int().min(1).max(3_600_000).default(fallback);

const workers = z
  .string()
  .trim()
  .default('1')
  .transform((value, ctx) => {
    if (value === 'auto') return availableParallelism();
    if (/^\d+$/.test(value) && Number(value) >= 1 && Number(value) <= 64) return Number(value);
    ctx.issues.push({ code: 'custom', input: value, message: 'must be a number of processes from 1 to 64, or "auto" (one per core)' });
    return z.NEVER;
  });

const schema = z
  .object({
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HOST: z.string().min(1).default('127.0.0.1'),
    KB_PATH: z.string().min(1).default(join(projectRoot, 'data', 'kb.sqlite')),
    /**
     * The SHA-256 the knowledge base must have, when the deployment pins it somewhere the file's
     * editors cannot reach; without it the file is checked against the digest the build wrote beside it.
     */
    KB_SHA256: z
      .string()
      .trim()
      .regex(/^[0-9a-fA-F]{64}$/, 'must be the 64 hexadecimal digits of a SHA-256')
      .transform((v) => v.toLowerCase())
      .optional(),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    /** Requests per minute per client on the check endpoints (per worker process). */
    RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(120),
    /** The proxies in front, so the rate limit and links see the client's address and protocol. */
    TRUST_PROXY: trustProxy,
    /**
     * Where users reach DialySafe ("https://dialysafe.example"), for the links into the knowledge
     * base in JSON answers. Without it they are built from the request's own host name.
     */
    PUBLIC_BASE_URL: publicOrigin.optional(),
    /**
     * The CDS clients trusted to call /cds-services, as JSON: {"<issuer>": "<URL of its JWKS>"}.
     * Without it the CDS Hooks services accept calls from any client, and say so at start.
     */
    CDS_TRUSTED_ISSUERS: z
      .string()
      .transform((v, ctx) => {
        try {
          return JSON.parse(v) as unknown;
        } catch {
          ctx.issues.push({ code: 'custom', input: v, message: 'must be JSON such as {"https://ehr.example": "https://ehr.example/jwks.json"}' });
          return z.NEVER;
        }
      })
      .pipe(z.record(z.string().min(1), z.url({ protocol: /^https?$/, error: 'each issuer needs the http(s) URL of its JWKS' })))
      .optional(),
    /**
     * Compress answers for clients that ask (Accept-Encoding: br, gzip). "off" when a proxy in
     * front compresses them already.
     */
    COMPRESSION: z.enum(['on', 'off']).default('on'),
    /** Processes serving requests (node:cluster); 1 serves from this process. */
    WORKERS: workers,
    /** Open connections one process holds at most; more are closed as they arrive. */
    MAX_CONNECTIONS: z.coerce.number().int().min(1).max(100_000).default(500),
    /** Open connections one client address holds at most (0: no cap); proxies named in TRUST_PROXY are exempt. */
    MAX_CONNECTIONS_PER_CLIENT: z.coerce.number().int().min(0).max(100_000).default(50),
    /** Time a connection has to send a request's headers, also a new connection that sends nothing. */
    HEADERS_TIMEOUT_MS: milliseconds(10_000),
    /** Time a connection has to send a whole request, headers and body. */
    REQUEST_TIMEOUT_MS: milliseconds(30_000),
    /** How long a kept-alive connection waits for its next request. */
    KEEP_ALIVE_TIMEOUT_MS: milliseconds(5_000),
    /** How long a shutdown waits for requests in progress before closing their connections. */
    SHUTDOWN_TIMEOUT_MS: milliseconds(10_000),
  })
  .refine((c) => c.HEADERS_TIMEOUT_MS <= c.REQUEST_TIMEOUT_MS, {
    path: ['HEADERS_TIMEOUT_MS'],
    message: 'must not be longer than REQUEST_TIMEOUT_MS',
  });

export type Config = z.infer<typeof schema>;

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid environment: ${problems}`);
  }
  return parsed.data;
}
