/**
 * Structured logs without patient data: requests are logged by method, path and status only,
 * never with bodies or query strings, because a medication list is patient data.
 */
import { pino, type Logger } from 'pino';

export function createLogger(level: string): Logger {
  return pino({
    level,
    base: undefined,
    redact: { paths: ['req.body', 'body', 'items', 'patient'], remove: true },
  });
}

export type { Logger };
