/**
 * A whole court core in one process for the court scenarios: a PostgreSQL store with migrations, the
 * real audit chain, the real lookups orchestration, the court service with real CMS
 * verification against the test PKI, and recording stand-in adapters (so "no registry was called"
 * can be asserted) whose answers are signed like a registry's. Certificates: test/support/pki-fixture.ts plus a few more judges issued here.
 */
import { createHash, createPrivateKey, randomUUID } from 'node:crypto';
import { ServiceBroker } from 'moleculer';
import type { AdapterCallParams, AdapterResult } from '../../contracts/hub';
import { HubError } from '../../contracts/hub';
import { accessReport, createAuditTrail, type AuditTrail } from '../../core/audit';
import type { AppendOptions, AuditEventInput } from '../../core/audit/audit-types';
import { courtStore, createCourtService } from '../../core/court';
import { createLookupsService } from '../../core/lookups/lookups.service';
import { canonicalBytes, cmsSigner, cmsVerifier, newNonce } from '../../core/orders';
import type { Store } from '../../core/store/db';
import { bindCertificate, upsertCase, upsertCourt, upsertDecision, upsertPerson } from '../../core/store/repositories';
import { PROVIDERS, loadCatalog } from '../../registry';
import { signDetached } from '../../signing/cms';
import { issueEndEntity } from '../../signing/test-ca';
import { OID } from '../../signing/pki/oids';
import { HubErrorRegenerator } from '../../bus/error-regenerator';
import { courtAliases } from '../../bus/api';
import { createGatewayService } from '../../bus/gateway.service';
import { freshStore, type TestStore } from '../support/db';
import { getPkiFixture, type PkiFixture, type TestIdentity } from '../support/pki-fixture';
import { signedAnswer } from '../support/signed-answers';

export const CASE_A = '2(101)-1234/2026';
export const CASE_CLOSED = '2(101)-2001/2026';
export const CASE_B = '2-1(103)-455/2026';
export const PARTY = '5ZK8F3R';
export const PARTY_B = '1401234561';
export const STRANGER = '9XY8Z7W';
export const HMAC_KEY = 'court-hub test hmac key, not secret';

export interface Signers { judge: TestIdentity; otherJudge: TestIdentity; retiredJudge: TestIdentity; operator: TestIdentity; citizen: TestIdentity }

let extra: Promise<Signers> | undefined;

async function person(pki: PkiFixture, fin: string): Promise<TestIdentity> {
  const it = await issueEndEntity(pki.qualifiedCa, {
    subject: { commonName: `TEST Person ${fin}`, surname: 'Testov', givenName: 'Test', organization: 'Court Hub TEST', country: 'AZ' },
    fin, keyUsage: ['nonRepudiation'], policies: [OID.qcpNaturalQscd],
  });
  const key = createPrivateKey(it.keyPem);
  return { certPem: it.certPem, keyPem: it.keyPem, key, serialHex: it.serialHex, fin, signer: { certPem: it.certPem, key } };
}

export function signers(pki: PkiFixture): Promise<Signers> {
  return (extra ??= (async () => {
    const [otherJudge, retiredJudge, operator, citizen] = await Promise.all(['JDG0002', 'JDG0003', 'OPR0001', PARTY].map((f) => person(pki, f)));
    return { judge: pki.judge, otherJudge: otherJudge!, retiredJudge: retiredJudge!, operator: operator!, citizen: citizen! };
  })());
}

const sha256Hex = (pem: string) => createHash('sha256').update(Buffer.from(pem.replace(/-----[^-]+-----|\s/g, ''), 'base64')).digest('hex');

async function seed(store: Store, pki: PkiFixture, s: Signers): Promise<void> {
  await upsertCourt(store, { id: 'BAKU-NASIMI', nameAz: 'Bakı şəhəri Nəsimi rayon məhkəməsi', nameEn: 'Nasimi District Court of Baku' });
  await upsertCourt(store, { id: 'BAKU-ECONOMIC', nameAz: 'Bakı şəhəri 1 saylı İnzibati-İqtisadi Məhkəmə', nameEn: 'Baku Administrative-Economic Court No. 1' });
  const judges: [string, boolean, string][] = [['JDG0001', true, 'BAKU-NASIMI'], ['JDG0002', true, 'BAKU-ECONOMIC'], ['JDG0003', false, 'BAKU-NASIMI'],
    ['EXP0001', true, 'BAKU-NASIMI'], ['REV0001', true, 'BAKU-NASIMI'], ['NNR0001', true, 'BAKU-NASIMI'], ['UNT0001', true, 'BAKU-NASIMI']];
  for (const [fin, active, court] of judges) await upsertPerson(store, { fin, surname: 'Hakimov', givenName: fin, role: 'judge', courtId: court, active });
  await upsertPerson(store, { fin: 'STF0001', surname: 'Katibov', givenName: 'Test', role: 'staff', courtId: 'BAKU-NASIMI', active: true });
  await upsertPerson(store, { fin: 'OPR0001', surname: 'Operatorov', givenName: 'Test', role: 'operator', courtId: null, active: true });
  // The roster binds each person's certificate: a look-alike certificate for the same FIN is refused.
  await bindCertificate(store, 'JDG0001', sha256Hex(s.judge.certPem));
  await bindCertificate(store, 'JDG0002', sha256Hex(s.otherJudge.certPem));
  await upsertCase(store, { number: CASE_A, courtId: 'BAKU-NASIMI', kind: 'civil', status: 'open', judgeFin: 'JDG0001',
    parties: [{ fin: PARTY, name: 'Məmmədov Əli Vəli oğlu', role: 'plaintiff' }, { fin: '1AB2C3D', name: 'Həsənova Leyla Həsən qızı', role: 'defendant' }] });
  await upsertCase(store, { number: CASE_CLOSED, courtId: 'BAKU-NASIMI', kind: 'civil', status: 'closed', judgeFin: 'JDG0001',
    parties: [{ fin: STRANGER, name: 'Rzayev Samir Fuad oğlu', role: 'defendant' }] });
  await upsertCase(store, { number: CASE_B, courtId: 'BAKU-ECONOMIC', kind: 'commercial', status: 'open', judgeFin: 'JDG0002',
    parties: [{ voen: PARTY_B, name: '"Xəzər Tikinti" MMC', role: 'defendant' }, { fin: PARTY, name: 'Məmmədov Əli Vəli oğlu', role: 'plaintiff' }] });
  const digest = 'ab'.repeat(32);
  await upsertDecision(store, { id: 'D-A-FORCE', caseNumber: CASE_A, kind: 'decision', adoptedAt: new Date('2026-01-10T10:00:00Z'), legalForceAt: new Date('2026-02-10T00:00:00Z'), signedBy: 'JDG0001', signatureSha256: digest });
  await upsertDecision(store, { id: 'D-A-PENDING', caseNumber: CASE_A, kind: 'ruling', adoptedAt: new Date('2026-01-20T10:00:00Z'), legalForceAt: null, signedBy: 'JDG0001', signatureSha256: digest });
  await upsertDecision(store, { id: 'D-B-FORCE', caseNumber: CASE_B, kind: 'decision', adoptedAt: new Date('2026-01-15T10:00:00Z'), legalForceAt: new Date('2026-02-16T00:00:00Z'), signedBy: 'JDG0002', signatureSha256: digest });
  void pki;
}

/** What the fake registries answer; every call is recorded. */
export const PERSON = {
  fin: PARTY, surname: 'Məmmədov', givenName: 'Əli', patronymic: 'Vəli oğlu', birthDate: '1985-04-12', gender: 'M', citizenship: 'AZE', civilStatus: 'married',
  address: { city: 'Bakı', district: 'Nəsimi', street: 'Füzuli küçəsi 12' },
  identityDocument: { type: 'ID_CARD', series: 'AA', number: '1234567', issuedOn: '2020-01-01', validUntil: '2030-01-01', status: 'valid' },
};

/**
 * A recording stand-in adapter whose answers are signed like a registry's of profile v2 (by the test
 * PKI's agency certificate, bound to a message id, a request digest and the subject), so the
 * evidence packets built from them verify offline, registry signatures included.
 */
function fakeAdapter(agency: TestIdentity, provider: string, operation: string, protocol: 'soap' | 'rest', calls: AdapterCallParams[], data: unknown) {
  return {
    name: `adapter.${provider}`,
    actions: {
      [operation](ctx: { params: AdapterCallParams }): AdapterResult {
        calls.push(ctx.params);
        const signed = signedAnswer(agency.signer, { protocol, provider, messageId: randomUUID(), subject: ctx.params.subject, data });
        return { outcome: 'ok', section: ctx.params.section, provider, operation, ...signed, data, durationMs: 1 };
      },
    },
  };
}

/** The stand-in adapters of the harness: provider, operation, protocol. */
const STAND_INS = [['population', 'getPerson', 'soap'], ['banks', 'getBankAccounts', 'rest'], ['phone', 'getPhoneNumbers', 'rest']] as const;

export interface Court {
  pki: PkiFixture;
  s: Signers;
  ts: TestStore;
  broker: ServiceBroker;
  calls: AdapterCallParams[];
  trail: AuditTrail;
  /** Make every audit append fail from now on (fail-closed scenarios). */
  breakAudit(on: boolean): void;
  call<T = any>(action: string, body: unknown): Promise<T>;
  /** call() that returns the HubError instead of throwing. */
  refusal(action: string, body: unknown): Promise<HubError>;
  events(): Promise<{ type: string; outcome: string; caseNumber: string | null; categories: string[] }[]>;
  /** A second court node on the same store ("restart": new broker, new service instance). */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

export async function startCourt(opts: { store?: TestStore; httpPort?: number } = {}): Promise<Court> {
  const pki = await getPkiFixture();
  const s = await signers(pki);
  const ts = opts.store ?? await freshStore();
  if (!opts.store) await seed(ts.store, pki, s);
  const calls: AdapterCallParams[] = [];
  // Connected: exactly the entries the stand-in adapters below serve (registry/catalog.ts connected).
  const catalog = loadCatalog({ env: {}, providers: PROVIDERS, adapters: STAND_INS.map(([provider, operation]) => `adapter.${provider}.${operation}`) });
  const hubSigner = cmsSigner(pki.hub.signer, [pki.agencyCa.certPem]);
  let broken = false;

  let broker!: ServiceBroker;
  let trail!: AuditTrail;
  async function boot() {
    trail = createAuditTrail({ db: ts.store, hmacKey: HMAC_KEY, signCheckpoint: (b) => hubSigner.sign(b), checkpointIntervalMs: 0 });
    broker = new ServiceBroker({ logger: false, errorRegenerator: new HubErrorRegenerator(), nodeID: `court-test-${randomUUID().slice(0, 8)}` });
    broker.createService(createLookupsService({ catalog, defaultDeadlineMs: 2000 }) as never);
    broker.createService(fakeAdapter(pki.agency, 'population', 'getPerson', 'soap', calls, PERSON) as never);
    broker.createService(fakeAdapter(pki.agency, 'banks', 'getBankAccounts', 'rest', calls, { accounts: [{ bank: 'TEST BANK', iban: 'AZ00TEST0000000000000000001', balance: 100 }] }) as never);
    broker.createService(fakeAdapter(pki.agency, 'phone', 'getPhoneNumbers', 'rest', calls, { numbers: ['+994500000001'] }) as never);
    broker.createService(createCourtService({
      store: courtStore(ts.store),
      audit: { appendAll: (e: readonly AuditEventInput[], o?: AppendOptions) => (broken ? Promise.reject(new HubError('HUB_ERR_AUDIT_WRITE_FAILED')) : trail.appendAll(e, o)) },
      accessReport: (subject) => accessReport(ts.store, HMAC_KEY, subject),
      verifier: cmsVerifier(pki.validator()),
      hubSigner,
      catalog,
    }) as never);
    if (opts.httpPort) {
      broker.createService(createGatewayService({ port: opts.httpPort, host: '127.0.0.1', catalog, maxBodyBytes: 64 * 1024, requiredActions: [], aliases: courtAliases() }) as never);
    }
    await broker.start();
  }
  await boot();

  const court: Court = {
    pki, s, ts, calls,
    get broker() { return broker; },
    get trail() { return trail; },
    breakAudit(on) { broken = on; },
    call: (action, body) => broker.call(action, body as object),
    async refusal(action, body) {
      try {
        await broker.call(action, body as object);
      } catch (err) {
        return err as HubError;
      }
      throw new Error(`${action} was not refused`);
    },
    async events() {
      return (await ts.store.query<{ type: string; outcome: string; caseNumber: string | null; categories: string[] }>(
        'SELECT type, outcome, case_number AS "caseNumber", categories FROM audit_events ORDER BY seq')).rows;
    },
    async restart() {
      await trail.close();
      await broker.stop();
      await boot();
    },
    async stop() {
      await trail.close().catch(() => undefined);
      await broker.stop();
      if (!opts.store) await ts.drop();
    },
  };
  return court;
}

/** Signs a document as `who` and returns the wire form `{ [key]: doc, signature }`. */
export async function signed(who: { certPem: string; key: import('node:crypto').KeyObject }, key: string, doc: object, opts: { signingTime?: Date } = {}): Promise<Record<string, unknown>> {
  const sig = await signDetached(canonicalBytes(doc), who, { signingTime: opts.signingTime });
  return { [key]: doc, signature: sig.toString('base64') };
}

export function window(minutes = 10, now = new Date()): { issuedAt: string; expiresAt: string; nonce: string } {
  return { issuedAt: new Date(now.getTime() - 30_000).toISOString(), expiresAt: new Date(now.getTime() + minutes * 60_000).toISOString(), nonce: newNonce() };
}
