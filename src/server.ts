/**
 * Start-up: read the environment, then serve from this process or, with WORKERS above 1, from a
 * cluster of worker processes that each serve the same way.
 */
import cluster from 'node:cluster';
import { readConfig, type Config } from './config.js';

function configOrExit(): Config {
  try {
    return readConfig();
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
}

const config = configOrExit();
// Only what a process needs is loaded: the primary of a cluster never opens the knowledge base.
if (config.WORKERS > 1 && cluster.isPrimary) {
  const { superviseWorkers } = await import('./http/workers.js');
  superviseWorkers(config);
} else {
  const { serve } = await import('./http/serve.js');
  serve(config);
}
