/**
 * Node answers some requests itself, before Express sees them: headers too large (431), a request
 * that does not arrive in time (408), bytes that are not HTTP (400). Node's own answers have no
 * body; these are the same answers in JSON, like every other error.
 */
import { STATUS_CODES, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';

const ANSWERS: Record<string, [status: number, message: string]> = {
  HPE_HEADER_OVERFLOW: [431, 'the request headers are too large'],
  HPE_CHUNK_EXTENSIONS_OVERFLOW: [413, 'the request is too large'],
  ERR_HTTP_REQUEST_TIMEOUT: [408, 'the request did not arrive in time; send it again'],
};
const NOT_HTTP: [number, string] = [400, 'the request is not valid HTTP'];

export function clientErrorResponse(code: string | undefined): string {
  const [status, message] = (code && ANSWERS[code]) || NOT_HTTP;
  const body = JSON.stringify({ error: message, issues: [] });
  return [
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}`,
    'Content-Type: application/json; charset=utf-8',
    `Content-Length: ${Buffer.byteLength(body)}`,
    'Cache-Control: no-store',
    'X-Content-Type-Options: nosniff',
    'Connection: close',
    '',
    body,
  ].join('\r\n');
}

/**
 * The server's 'clientError' listener. `responseOf` gives the response in progress on a socket,
 * if any: once its headers are out, another answer would corrupt it, so the socket is only closed.
 */
export function answerClientError(responseOf: (socket: Duplex) => ServerResponse | undefined) {
  return (error: NodeJS.ErrnoException, socket: Duplex): void => {
    if (error.code === 'ECONNRESET' || !socket.writable || responseOf(socket)?.headersSent) {
      socket.destroy();
      return;
    }
    socket.end(clientErrorResponse(error.code));
    // Close once the answer is written, even if the client keeps sending.
    socket.once('finish', () => socket.destroy());
  };
}
