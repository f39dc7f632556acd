/**
 * Sends an answer over HTTP, or misbehaves while sending it (the delivery faults of faults.ts).
 * Payload-level tampering (signature faults, broken payloads) happens before, in the agencies.
 */
import type { ServerResponse } from 'node:http';
import type { Subject } from '../../contracts/hub/lookup-types';
import { DEFAULT_SLOW_BODY_MS } from './faults';

export interface Answer {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
  /** The subject the answer claims to be about (data or not-found), for the REST signature's `sub`. */
  about?: Subject;
}

export function sendAnswer(res: ServerResponse, answer: Answer): void {
  if (res.destroyed) return;
  res.writeHead(answer.status, { ...answer.headers, 'Content-Length': String(answer.body.length) });
  res.end(answer.body);
}

/** Content-Length promises the whole answer; half is written, then the connection is cut. */
export function sendTruncated(res: ServerResponse, answer: Answer): void {
  res.writeHead(answer.status, { ...answer.headers, 'Content-Length': String(answer.body.length) });
  res.write(answer.body.subarray(0, Math.floor(answer.body.length / 2)), () => res.destroy());
}

/** The whole answer, in 10 chunks spread evenly over `totalMs`. */
export function sendSlowly(res: ServerResponse, answer: Answer, totalMs = DEFAULT_SLOW_BODY_MS): void {
  res.writeHead(answer.status, { ...answer.headers, 'Content-Length': String(answer.body.length) });
  res.flushHeaders();
  const parts = 10;
  const size = Math.ceil(answer.body.length / parts);
  let i = 0;
  const tick = (): void => {
    if (res.destroyed) return;
    const chunk = answer.body.subarray(i * size, (i + 1) * size);
    i++;
    if (i >= parts || (i * size) >= answer.body.length) {
      res.end(chunk);
      return;
    }
    res.write(chunk);
    setTimeout(tick, totalMs / parts).unref();
  };
  setTimeout(tick, totalMs / parts).unref();
}

const PAD_CHUNK = Buffer.alloc(64 * 1024, ' ');

/**
 * A huge answer streamed without Content-Length: `head`, then `padBytes` of filler made of
 * `pad` (64 KiB), then `tail`. Never held in memory as a whole; respects backpressure.
 */
export function sendHuge(res: ServerResponse, status: number, headers: Record<string, string>, head: Buffer, padBytes: number, tail: Buffer, pad: Buffer = PAD_CHUNK): void {
  res.writeHead(status, headers);
  res.write(head);
  let left = padBytes;
  const pump = (): void => {
    while (left > 0 && !res.destroyed) {
      const chunk = left >= pad.length ? pad : pad.subarray(0, left);
      left -= chunk.length;
      if (!res.write(chunk)) {
        res.once('drain', pump);
        return;
      }
    }
    if (!res.destroyed) res.end(tail);
  };
  pump();
}

const HTML_ERROR_PAGE = Buffer.from(
  '<!DOCTYPE html>\n<html><head><title>502 Bad Gateway</title></head>\n' +
  '<body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>\n',
);

/** What an overloaded reverse proxy in front of a registry answers. */
export function sendHtmlError(res: ServerResponse): void {
  sendAnswer(res, { status: 502, headers: { 'Content-Type': 'text/html; charset=utf-8' }, body: HTML_ERROR_PAGE });
}

/** Not well-formed: the payload stops at 60 % (a complete HTTP message, a broken document). */
export function malformed(body: Buffer): Buffer {
  return body.subarray(0, Math.floor(body.length * 0.6));
}

/** Reads a request body, at most `limit` bytes; rejects beyond it. */
export function readBody(req: import('node:http').IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new Error('request too large'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}
