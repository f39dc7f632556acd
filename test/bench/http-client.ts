import http from 'node:http';

/**
 * The bench's HTTP client: node:http over a keep-alive agent, one socket per call in flight. The
 * load generator runs in the hub's own process (its CPU is counted with the hub's), so it is the
 * leanest client Node has: fetch (undici, web streams) cost about 0.25 ms of CPU per call here,
 * a sixth of the gateway path's whole CPU, none of it the hub's. A body given as bytes is sent as
 * it is: a judge's client serializes the signed order on the judge's machine, as it signs it
 * (`jsonBodies`, before the clock starts).
 */
export function jsonPoster(concurrency: number): { post(url: string, body: unknown): Promise<{ status: number; body: Buffer }>; close(): void } {
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  return {
    post: (url, body) => new Promise((resolve, reject) => {
      const data = Buffer.isBuffer(body) ? body : Buffer.from(JSON.stringify(body));
      const req = http.request(url, { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': data.length } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks) }));
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end(data);
    }),
    close: () => agent.destroy(),
  };
}

/** The request bodies, serialized ahead (see jsonPoster). */
export const jsonBodies = (values: unknown[]): Buffer[] => values.map((v) => Buffer.from(JSON.stringify(v)));
