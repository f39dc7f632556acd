import { createHash, createPrivateKey, KeyObject, X509Certificate } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO_CASES, DEMO_JUDGES, DEMO_OPERATORS, DEMO_STAFF } from '../core/demo/roster';
import { PROVIDERS } from '../registry';
import { SigningError } from '../signing/errors';
import { PathValidator } from '../signing/pki';
import { initPki, type KeyType, type PkiPerson, type PkiSummary } from '../signing/test-ca';

/**
 * The hub's keys and trust decisions, from a PKI directory (pki.json as written by
 * `court-hub pki init`). On first start of the embedded default a throw-away demo PKI is made
 * whose people match the demo roster.
 */
export interface HubPki {
  summary: PkiSummary;
  hub: { certPem: string; key: KeyObject };
  /** Validates people's and agencies' certificates: root anchor, intermediates, CRLs. */
  validator: PathValidator;
  /**
   * DESIGN.md §4: a provider's answer is verified against the provider certificate named for it,
   * never a key the message chooses: the certificate must chain to the agency CA AND be the one
   * pinned for this provider.
   */
  providerTrust(providerId: string): (certDer: Buffer | undefined) => Promise<KeyObject>;
  /** A provider's own signer (used by the mock agencies). */
  providerSigner(providerId: string): { certPem: string; key: KeyObject } | undefined;
}

/** Everyone of the demo world who signs: judges, staff, the operator, and the parties with a FIN (13.3). */
export function demoPkiPeople(): PkiPerson[] {
  const officials = [...DEMO_JUDGES, ...DEMO_STAFF, ...DEMO_OPERATORS].map((p) => ({
    fin: p.fin, surname: p.surname, givenName: p.givenName, patronymic: p.patronymic, role: p.role,
  }));
  const parties = new Map<string, PkiPerson>();
  for (const c of DEMO_CASES) {
    for (const party of c.parties) {
      if (!party.fin) continue;
      const [surname, givenName, ...rest] = party.name.split(' ');
      parties.set(party.fin, { fin: party.fin, surname, givenName, patronymic: rest.join(' '), role: 'citizen' });
    }
  }
  return [...officials, ...parties.values()];
}

export async function ensurePki(dir: string, keyType: KeyType = 'ec'): Promise<PkiSummary> {
  const file = join(dir, 'pki.json');
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as PkiSummary;
  const people = demoPkiPeople();
  return initPki(dir, { keyType, people, providers: PROVIDERS.map((p) => p.id) });
}

export function loadHubPki(summary: PkiSummary): HubPki {
  const read = (f: string) => readFileSync(f, 'utf8');
  const validator = new PathValidator({
    anchors: [read(summary.rootCa.cert)],
    intermediates: [read(summary.qualifiedCa.cert), read(summary.agencyCa.cert)],
    crls: [read(summary.crls.root), read(summary.crls.qualified), read(summary.crls.agency)],
  });
  const pinned = new Map<string, string>();
  const signers = new Map<string, { certPem: string; key: KeyObject }>();
  for (const p of summary.providers) {
    const certPem = read(p.cert);
    pinned.set(p.id, fingerprint(new X509Certificate(certPem).raw));
    signers.set(p.id, { certPem, key: createPrivateKey(read(p.key)) });
  }
  return {
    summary,
    hub: { certPem: read(summary.hub.cert), key: createPrivateKey(read(summary.hub.key)) },
    validator,
    providerTrust(providerId) {
      const pin = pinned.get(providerId);
      return async (certDer) => {
        if (!certDer) throw new SigningError('cert-untrusted', 'the answer carries no certificate');
        if (!pin || fingerprint(certDer) !== pin) throw new SigningError('cert-untrusted', `not the certificate of provider ${providerId}`);
        const v = await validator.validate(certDer, { requireKeyUsage: ['digitalSignature'] });
        return v.publicKey;
      };
    },
    providerSigner: (id) => signers.get(id),
  };
}

function fingerprint(der: Buffer): string {
  return createHash('sha256').update(der).digest('hex');
}
