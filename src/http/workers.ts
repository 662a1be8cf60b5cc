/**
 * WORKERS=n: the primary forks n workers (node:cluster), each of which opens the knowledge base
 * read-only and serves on the shared port exactly as a single process does. The primary restarts
 * a worker that dies, waiting longer each time one dies soon after starting, and on SIGTERM or
 * SIGINT lets every worker drain before it exits.
 */
import cluster, { type Worker } from 'node:cluster';
import type { Config } from '../config.js';
import { createLogger } from '../logger.js';
import type { FatalMessage } from './serve.js';

/** A worker that lived less than this counts as dying soon after starting. */
const STEADY_MS = 10_000;
const FIRST_DELAY_MS = 500;
const MAX_DELAY_MS = 30_000;

const isFatal = (message: unknown): message is FatalMessage =>
  typeof message === 'object' && message !== null && typeof (message as FatalMessage).fatal === 'string';

export function superviseWorkers(config: Config): void {
  const logger = createLogger(config.LOG_LEVEL);
  const count = config.WORKERS;
  const startedAt = new Map<Worker, number>();
  const listening = new Set<Worker>();
  let allStarted = false;
  let stopping = false;
  let exitCode = 0;
  let quickDeaths = 0;

  const fork = () => {
    const worker = cluster.fork();
    startedAt.set(worker, Date.now());
    worker.on('message', (message: unknown) => {
      // Once stopping, the other workers' reports of the same failure are not repeated.
      if (!isFatal(message) || stopping) return;
      if (allStarted) {
        logger.error(`worker ${worker.id} could not start: ${message.fatal}`);
        return;
      }
      // The first start failed (a bad knowledge base, a port in use): say why once, and stop.
      console.error(message.fatal);
      stop(1);
    });
  };

  cluster.on('listening', (worker, address) => {
    listening.add(worker);
    if (!allStarted && listening.size === count) {
      allStarted = true;
      logger.info(`DialySafe listening on http://${config.HOST}:${address.port} (${count} workers)`);
    } else if (allStarted) {
      logger.info(`worker ${worker.id} listening`);
    }
  });

  cluster.on('exit', (worker, code, signal) => {
    const lived = Date.now() - (startedAt.get(worker) ?? Date.now());
    const wasListening = listening.delete(worker);
    startedAt.delete(worker);
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(exitCode);
      return;
    }
    if (!allStarted && !wasListening) {
      console.error(`A worker stopped before it could serve (${signal ?? `exit code ${code}`}).`);
      stop(1);
      return;
    }
    quickDeaths = lived < STEADY_MS ? quickDeaths + 1 : 0;
    const delay = quickDeaths === 0 ? 0 : Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** (quickDeaths - 1));
    logger.error(`worker ${worker.id} stopped (${signal ?? `exit code ${code}`}); starting another${delay ? ` in ${delay} ms` : ''}`);
    setTimeout(() => {
      if (!stopping) fork();
    }, delay);
  });

  const stop = (code: number) => {
    if (stopping) return;
    stopping = true;
    exitCode = code;
    const workers = Object.values(cluster.workers ?? {}).filter((w): w is Worker => w !== undefined);
    if (workers.length === 0) process.exit(code);
    for (const w of workers) w.process.kill('SIGTERM');
    // Each worker has SHUTDOWN_TIMEOUT_MS to drain; one that is still there after that is stuck.
    setTimeout(() => {
      for (const w of Object.values(cluster.workers ?? {})) w?.process.kill('SIGKILL');
      process.exit(code);
    }, config.SHUTDOWN_TIMEOUT_MS + 2000).unref();
  };
  const shutdown = (signal: string) => {
    logger.info(`${signal} received, closing ${count} workers`);
    stop(0);
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));

  for (let i = 0; i < count; i++) fork();
}
