/**
 * One serving process (the only one, or a worker of the cluster): open and verify the knowledge
 * base, listen with the configured limits, and drain on SIGTERM or SIGINT.
 */
import cluster from 'node:cluster';
import { createApp } from '../app.js';
import type { Config } from '../config.js';
import { KbLoadError } from '../kb/errors.js';
import { loadKb } from '../kb/load.js';
import { createLogger } from '../logger.js';
import { createHttpServer } from './node-server.js';

/** A start-up failure: one sentence for the operator, printed once (a worker leaves that to the primary). */
export interface FatalMessage {
  fatal: string;
}

function fatal(message: string): void {
  if (cluster.isWorker && process.send) {
    // The primary prints it and stops the cluster; exiting later keeps the message ahead of the exit.
    process.send({ fatal: message } satisfies FatalMessage);
    setTimeout(() => process.exit(1), 1000);
  } else {
    console.error(message);
    process.exit(1);
  }
}

export function serve(config: Config): void {
  const logger = createLogger(config.LOG_LEVEL);
  let kb;
  try {
    kb = loadKb(config.KB_PATH, { sha256: config.KB_SHA256 });
  } catch (error) {
    if (!(error instanceof KbLoadError)) throw error;
    fatal(error.message);
    return;
  }
  const app = createApp(kb, {
    logger,
    rateLimitPerMinute: config.RATE_LIMIT_PER_MINUTE,
    trustProxy: config.TRUST_PROXY,
    compress: config.COMPRESSION === 'on',
    ...(config.PUBLIC_BASE_URL ? { publicBaseUrl: config.PUBLIC_BASE_URL } : {}),
    ...(config.CDS_TRUSTED_ISSUERS ? { cdsHooks: { trustedIssuers: config.CDS_TRUSTED_ISSUERS } } : {}),
  });
  const trusted = app.get('trust proxy fn') as (address: string, hop: number) => boolean;
  const { server, drain } = createHttpServer(
    app,
    {
      maxConnections: config.MAX_CONNECTIONS,
      maxConnectionsPerClient: config.MAX_CONNECTIONS_PER_CLIENT,
      headersTimeoutMs: config.HEADERS_TIMEOUT_MS,
      requestTimeoutMs: config.REQUEST_TIMEOUT_MS,
      keepAliveTimeoutMs: config.KEEP_ALIVE_TIMEOUT_MS,
    },
    (address) => trusted(address, 0),
  );
  server.on('error', (error: NodeJS.ErrnoException) => {
    // Once listening, an error (a failed accept when file descriptors run out) is no reason to stop serving.
    if (server.listening) return logger.error({ err: error }, 'server error');
    fatal(`Cannot listen on ${config.HOST}:${config.PORT}: ${error.code === 'EADDRINUSE' ? 'the port is already in use' : error.message}.`);
  });
  server.listen(config.PORT, config.HOST, () => {
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : config.PORT;
    if (cluster.isWorker) logger.debug({ kb: kb.meta.version, worker: cluster.worker?.id }, 'worker listening');
    else logger.info({ kb: kb.meta.version }, `DialySafe listening on http://${config.HOST}:${port}`);
  });

  const shutdown = (reason: string) => {
    logger.info(`${reason}, closing`);
    void drain(config.SHUTDOWN_TIMEOUT_MS).then((outcome) => {
      if (outcome === 'forced') logger.warn(`connections still open after ${config.SHUTDOWN_TIMEOUT_MS} ms were closed`);
      process.exit(0);
    });
  };
  process.on('SIGTERM', () => shutdown('SIGTERM received'));
  process.on('SIGINT', () => shutdown('SIGINT received'));
  // A worker whose primary is gone serves no one it can be restarted for.
  if (cluster.isWorker) process.on('disconnect', () => shutdown('primary gone'));
}
