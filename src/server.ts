/** Start-up: read the environment, open the knowledge base, listen, and shut down cleanly. */
import { createApp } from './app.js';
import { readConfig } from './config.js';
import { KbLoadError } from './kb/errors.js';
import { loadKb } from './kb/load.js';
import { createLogger } from './logger.js';

function start(): void {
  let config;
  try {
    config = readConfig();
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
  const logger = createLogger(config.LOG_LEVEL);
  let kb;
  try {
    kb = loadKb(config.KB_PATH);
  } catch (error) {
    if (error instanceof KbLoadError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  const app = createApp(kb, {
    logger,
    rateLimitPerMinute: config.RATE_LIMIT_PER_MINUTE,
    trustProxy: config.TRUST_PROXY,
    ...(config.PUBLIC_BASE_URL ? { publicBaseUrl: config.PUBLIC_BASE_URL } : {}),
  });
  const server = app.listen(config.PORT, config.HOST, () => {
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : config.PORT;
    logger.info({ kb: kb.meta.version }, `DialySafe listening on http://${config.HOST}:${port}`);
  });
  server.on('error', (error: NodeJS.ErrnoException) => {
    console.error(`Cannot listen on ${config.HOST}:${config.PORT}: ${error.code === 'EADDRINUSE' ? 'the port is already in use' : error.message}.`);
    process.exit(1);
  });
  const shutdown = (signal: string) => {
    logger.info(`${signal} received, closing`);
    server.close(() => process.exit(0));
    setTimeout(() => process.exit(0), 5000).unref();
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

start();
