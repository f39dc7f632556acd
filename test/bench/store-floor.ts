import { randomBytes, randomUUID } from 'node:crypto';
import { createChainWriter, queuedEvent, type Group } from '../../core/audit/chain-writer';
import { prepareEvent } from '../../core/audit/event-input';
import type { AuditEventInput } from '../../core/audit/audit-types';
import { openStore, startEmbeddedServer } from '../../core/store';
import { procCpuMs, processTree, type Figure } from './figures';

const HMAC_KEY = 'store floor bench key, not a secret';
/** The size of the evidence packet (attached CMS) a one-category lookup stores (11.2.22, the bench's order). */
const PACKET_BYTES = 14_920;
const WARMUP_WRITES = 150;

/**
 * The store's floor of a signed lookup: what the embedded PostgreSQL spends on the two appends a
 * lookup cannot avoid (statute 8.2.15, fail closed), with nothing of the hub around them. One
 * connection writes through the court path's own chain writer, in the steady state of the lookup
 * path: each statement admits `batch` orders with their first records (received, authorized, the
 * call started) and completes the `batch` orders of the statement before (the call ended, the
 * evidence issued, its packet stored). The server's CPU per statement (every process of it, from
 * /proc) at several batch sizes gives its cost per lookup and per statement:
 * cpu(statement) ≈ fixed + batch × per-lookup.
 */
export async function storeFloor(dir: string, opts: { batches?: number[]; writes?: number } = {}): Promise<Figure[]> {
  const batches = opts.batches ?? [1, 3, 8];
  const writes = opts.writes ?? 600;
  const server = await startEmbeddedServer({ dir });
  const store = await openStore({ databaseUrl: server.url, poolSize: 1 });
  try {
    const writer = createChainWriter(store);
    const packet = randomBytes(PACKET_BYTES);
    const cpu = () => procCpuMs(processTree(server.pid));
    let open: string[] = [];

    const event = (type: AuditEventInput['type'], outcome: string, orderId: string, details: Record<string, unknown> = {}) =>
      queuedEvent(prepareEvent({
        type, outcome, requestId: `req-${orderId}`, actor: '2JD4K7M', subject: { fin: '5ZK8F3R' }, caseNumber: '2(101)-1234/2026',
        categories: ['11.2.22'], details: { orderId, ...details },
      }, HMAC_KEY, new Date()));

    const write = async (batch: number) => {
      const groups: Group[] = [];
      const failures: unknown[] = [];
      const group = (g: Omit<Group, 'deadline' | 'resolve' | 'reject'>) =>
        groups.push({ ...g, deadline: Date.now() + 10_000, resolve: () => undefined, reject: (err) => failures.push(err) });
      for (const orderId of open) {
        group({
          events: [
            event('provider-call-ended', 'ok', orderId, { status: 'ok', provider: 'population', messageId: randomUUID(), requestHash: hex(), responseHash: hex() }),
            event('evidence-issued', 'issued', orderId, { evidenceSha256: hex() }),
          ],
          orders: [{ orderId, attempt: 1, from: ['authorized'], to: 'completed', strict: true, packet }],
        });
      }
      open = [];
      for (let i = 0; i < batch; i++) {
        const orderId = randomUUID();
        open.push(orderId);
        group({
          events: [
            event('order-received', 'received', orderId),
            event('order-authorized', 'authorized', orderId, { basis: 'proceeding' }),
            event('provider-call-started', 'started', orderId, { provider: 'population' }),
          ],
          orders: [],
          admission: {
            generation: 0, nonce: randomUUID(), nonceExpiresAt: new Date(Date.now() + 86_400_000),
            order: { orderId, caseNumber: '2(101)-1234/2026', requesterFin: '2JD4K7M', categories: ['11.2.22'], requestId: `req-${orderId}`, orderSha256: hex(), leaseUntil: new Date(Date.now() + 60_000) },
          },
        });
      }
      await writer.write(groups);
      if (failures.length) throw failures[0];
    };

    const perWrite: { batch: number; us: number }[] = [];
    for (const batch of batches) {
      open = [];
      for (let i = 0; i < WARMUP_WRITES; i++) await write(batch);
      const before = cpu();
      for (let i = 0; i < writes; i++) await write(batch);
      perWrite.push({ batch, us: ((cpu() - before) * 1000) / writes });
    }
    // Least squares over the batch sizes: the statement's fixed part and each lookup's.
    const n = perWrite.length;
    const mx = perWrite.reduce((s, p) => s + p.batch, 0) / n;
    const my = perWrite.reduce((s, p) => s + p.us, 0) / n;
    const slope = perWrite.reduce((s, p) => s + (p.batch - mx) * (p.us - my), 0) / perWrite.reduce((s, p) => s + (p.batch - mx) ** 2, 0);
    return [
      ...perWrite.map((p) => ({ name: `store.append.batch-${p.batch}.cpu-per-statement`, value: Math.round(p.us), unit: 'us' })),
      { name: 'store.append.cpu-per-lookup', value: Math.round(slope), unit: 'us' },
      { name: 'store.append.cpu-per-statement.fixed', value: Math.round(my - slope * mx), unit: 'us' },
      { name: 'store.append.packet-bytes', value: PACKET_BYTES, unit: 'bytes' },
    ];
  } finally {
    await store.close();
    await server.stop();
  }
}

function hex(): string {
  return randomBytes(32).toString('hex');
}
