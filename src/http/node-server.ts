/**
 * The HTTP server around the app, with the limits that keep one client from holding it: a cap on
 * connections (in all and per client address), timeouts for headers, whole requests and kept-alive
 * connections, JSON for the errors Node answers itself, and a drain for a graceful shutdown.
 */
import { ipKeyGenerator } from 'express-rate-limit';
import { createServer, type RequestListener, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { answerClientError } from './client-errors.js';

export interface ServerLimits {
  maxConnections: number;
  /** 0: no cap. Connections from a trusted proxy are not counted. */
  maxConnectionsPerClient: number;
  headersTimeoutMs: number;
  requestTimeoutMs: number;
  keepAliveTimeoutMs: number;
}

export type DrainOutcome = 'drained' | 'forced';

export interface HttpServer {
  server: Server;
  /**
   * Stops accepting connections, closes the idle ones, lets requests in progress finish (their
   * answers say `Connection: close`), and resolves once every connection is closed — or, after
   * `timeoutMs`, closes the rest and resolves 'forced'.
   */
  drain(timeoutMs: number): Promise<DrainOutcome>;
}

/** Counts open connections per client address; an IPv6 client is its /56, as in the rate limit. */
function perClientCap(max: number, isProxy: (address: string) => boolean) {
  const open = new Map<string, number>();
  return (socket: Socket): void => {
    const address = socket.remoteAddress;
    if (max === 0 || !address || isProxy(address)) return;
    const key = ipKeyGenerator(address);
    const count = (open.get(key) ?? 0) + 1;
    if (count > max) {
      socket.destroy();
      return;
    }
    open.set(key, count);
    socket.once('close', () => {
      const left = (open.get(key) ?? 1) - 1;
      if (left > 0) open.set(key, left);
      else open.delete(key);
    });
  };
}

export function createHttpServer(app: RequestListener, limits: ServerLimits, isProxy: (address: string) => boolean): HttpServer {
  const sockets = new Set<Socket>();
  const responses = new Map<Duplex, ServerResponse>();
  let draining = false;

  const server = createServer(
    {
      headersTimeout: limits.headersTimeoutMs,
      requestTimeout: limits.requestTimeoutMs,
      // Node checks the two timeouts every 30 s by default, which would let them run half a minute late.
      connectionsCheckingInterval: Math.min(1000, Math.max(50, Math.floor(limits.headersTimeoutMs / 4))),
    },
    (req, res) => {
      const socket = req.socket;
      responses.set(socket, res);
      res.once('close', () => {
        if (responses.get(socket) === res) responses.delete(socket);
        if (draining) setImmediate(() => server.closeIdleConnections());
      });
      if (draining) res.setHeader('Connection', 'close');
      app(req, res);
    },
  );
  server.keepAliveTimeout = limits.keepAliveTimeoutMs;
  server.maxConnections = limits.maxConnections;
  const cap = perClientCap(limits.maxConnectionsPerClient, isProxy);
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
    cap(socket);
  });
  server.on('clientError', answerClientError((socket) => responses.get(socket)));

  let drained: Promise<DrainOutcome> | undefined;
  const drain = (timeoutMs: number): Promise<DrainOutcome> => {
    drained ??= new Promise((resolve) => {
      draining = true;
      for (const res of responses.values()) if (!res.headersSent) res.setHeader('Connection', 'close');
      const forced = setTimeout(() => {
        server.closeAllConnections();
        resolve('forced');
      }, timeoutMs);
      // close() stops Node's header timeouts; a connection that has not sent a request by the time
      // they would have run out is closed here instead of holding the shutdown.
      const silent = setTimeout(() => {
        for (const socket of sockets) if (!responses.has(socket)) socket.destroy();
      }, Math.min(limits.headersTimeoutMs, timeoutMs));
      server.close(() => {
        clearTimeout(forced);
        clearTimeout(silent);
        resolve('drained');
      });
      server.closeIdleConnections();
    });
    return drained;
  };

  return { server, drain };
}
