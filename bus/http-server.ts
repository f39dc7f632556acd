/**
 * The gateway's HTTP server, owned by the hub; moleculer-web runs with `server: false` and only
 * routes. Its own listen never settles when the port is taken, so a busy port surfaced only at
 * the start-up deadline, as an unrelated transport error. Here a listen failure is a config error naming the port and the variable to change,
 * and requests Node's HTTP parser refuses (headers too large, not HTTP) get a HubError body too.
 */
import { randomUUID } from 'node:crypto';
import http, { STATUS_CODES, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { HubError } from '../contracts/hub';
import { errorBody } from './http-error-body';

export function createHttpServer(handler: (req: IncomingMessage, res: ServerResponse) => void): http.Server {
  const server = http.createServer(handler);
  server.on('clientError', answerClientError);
  return server;
}

/** Node's own refusals (RFC 9110 §15.5.20 for oversized headers), with the HubError body every other refusal has. */
export function answerClientError(err: Error & { code?: string }, socket: Duplex): void {
  if (err.code === 'ECONNRESET' || !socket.writable) { socket.destroy(); return; }
  if (err.code === 'ERR_HTTP_REQUEST_TIMEOUT') { socket.end('HTTP/1.1 408 Request Timeout\r\nConnection: close\r\n\r\n'); return; }
  const e = err.code === 'HPE_HEADER_OVERFLOW'
    ? new HubError('HUB_ERR_VALIDATION_HEADERS_TOO_LARGE', { origin: 'client' })
    : new HubError('HUB_ERR_VALIDATION_BAD_REQUEST', { origin: 'client', message: 'The request is not valid HTTP/1.1' });
  const requestId = randomUUID();
  const body = JSON.stringify(errorBody(e, requestId));
  socket.end(`HTTP/1.1 ${e.httpStatus} ${STATUS_CODES[e.httpStatus]}\r\nContent-Type: application/json; charset=utf-8\r\n`
    + `Content-Length: ${Buffer.byteLength(body)}\r\nX-Request-ID: ${requestId}\r\nConnection: close\r\n\r\n${body}`);
}

/** Resolves once listening; rejects at once with a HUB_ERR_CONFIG_* naming PORT or HOST when the address cannot be bound. */
export function listen(server: http.Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (err: Error & { code?: string }) => { server.off('listening', onListening); reject(listenError(err, port, host)); };
    const onListening = () => { server.off('error', onError); resolve(); };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, host);
  });
}

export function listenError(err: Error & { code?: string }, port: number, host: string): HubError {
  const details = { port, host, code: err.code };
  switch (err.code) {
    case 'EADDRINUSE':
      return new HubError('HUB_ERR_CONFIG_PORT_IN_USE', {
        message: `Port ${port} on ${host} is already in use by another process: stop that process or set PORT to a free port`, details, cause: err,
      });
    case 'EACCES':
      return new HubError('HUB_ERR_CONFIG_INVALID', { message: `Port ${port} needs privileges this process does not have: set PORT to 1024 or above`, details, cause: err });
    case 'EADDRNOTAVAIL':
      return new HubError('HUB_ERR_CONFIG_INVALID', { message: `${host} is not an address of this machine: set HOST to one of its addresses (or 0.0.0.0)`, details, cause: err });
    default:
      return new HubError('HUB_ERR_CONFIG_INVALID', { message: `The HTTP server could not listen on ${host}:${port} (${err.code ?? err.message}): check PORT and HOST`, details, cause: err });
  }
}

export function close(server: http.Server): Promise<void> {
  if (!server.listening) return Promise.resolve();
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeIdleConnections();
  });
}
