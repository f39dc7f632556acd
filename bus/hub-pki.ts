import { REGISTRY_MODULES } from '../contracts/registries/modules';
import { createPrivateKey, KeyObject, X509Certificate } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO_CASES, DEMO_JUDGES, DEMO_OPERATORS, DEMO_STAFF } from '../core/demo/roster';
import { PROVIDERS } from '../registry';
import { SigningError } from '../signing/errors';
import { openPkcs11Signer, type KeyStoreSigner } from '../signing/keystore';
import { PathValidator, pinnedTrust } from '../signing/pki';
import type { WssSigner } from '../signing/wss';
import { initPki, type KeyType, type PkiPerson, type PkiSummary } from '../signing/test-ca';

/**
 * The hub's keys and trust decisions, from a PKI directory (pki.json as written by
 * `court-hub pki init`). On first start of the embedded default a throw-away demo PKI is made
 * whose people match the demo roster.
 */
export interface HubPki {
  summary: PkiSummary;
  /** The hub's signer for WS-Security and JWS: a key in the process, or one in an HSM (PKCS#11). */
  hub: WssSigner;
  /** The same key for CMS (evidence packets, audit checkpoints). */
  hubCms: { certPem: string; key: KeyObject | KeyStoreSigner };
  /** Releases the HSM session, when there is one. */
  close(): Promise<void>;
  /** Validates people's and agencies' certificates: root anchor, intermediates, CRLs. */
  validator: PathValidator;
  /**
   * docs/security-model.md §2: a provider's answer is verified against the provider certificate named for it,
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
  // A certificate for every provider, registry modules included (each mock agency signs with its own).
  return initPki(dir, { keyType, people, providers: [...new Set([...PROVIDERS.map((p) => p.id), ...REGISTRY_MODULES])] });
}

/** Where the hub key lives when it is not the PEM file of the PKI directory (config HUB_KEY_PKCS11_*). */
export interface HubKeyInHsm { library: string; tokenLabel: string; pin: string; keyLabel: string }

/**
 * docs/security-model.md §2: the hub's key may sit in an HSM. The certificate stays in the PKI directory; every
 * signature the hub makes (WS-Security, JWS, CMS evidence and checkpoints) goes through PKCS#11,
 * and the PEM key file is never read.
 */
export async function loadHubPkiWithKeyStore(summary: PkiSummary, hsm: HubKeyInHsm | null): Promise<HubPki> {
  if (!hsm) return loadHubPki(summary);
  const certPem = readFileSync(summary.hub.cert, 'utf8');
  const keyType = new X509Certificate(certPem).publicKey.asymmetricKeyType;
  const signer = await openPkcs11Signer({
    library: hsm.library, tokenLabel: hsm.tokenLabel, pin: hsm.pin, keyLabel: hsm.keyLabel, certPem,
    algorithm: keyType === 'ec' ? 'ecdsa-sha256' : 'rsa-pkcs1-sha256',
  });
  return { ...loadTrust(summary), hub: signer, hubCms: { certPem, key: signer }, close: () => signer.close!() };
}

/** The hub PKI with the hub key read from the PKI directory (PEM). */
export function loadHubPki(summary: PkiSummary): HubPki {
  const certPem = readFileSync(summary.hub.cert, 'utf8');
  const key = createPrivateKey(readFileSync(summary.hub.key, 'utf8'));
  return { ...loadTrust(summary), hub: { certPem, key }, hubCms: { certPem, key }, close: async () => undefined };
}

type HubTrust = Omit<HubPki, 'hub' | 'hubCms' | 'close'>;

function loadTrust(summary: PkiSummary): HubTrust {
  const read = (f: string) => readFileSync(f, 'utf8');
  const validator = new PathValidator({
    anchors: [read(summary.rootCa.cert)],
    intermediates: [read(summary.qualifiedCa.cert), read(summary.agencyCa.cert)],
    crls: [read(summary.crls.root), read(summary.crls.qualified), read(summary.crls.agency)],
  });
  const certs = new Map<string, { certPem: string; keyFile: string }>();
  for (const p of summary.providers) certs.set(p.id, { certPem: read(p.cert), keyFile: p.key });
  return {
    summary,
    validator,
    providerTrust(providerId) {
      const c = certs.get(providerId);
      if (!c) return async () => { throw new SigningError('cert-untrusted', `no certificate is pinned for provider ${providerId}`); };
      return pinnedTrust(validator, c.certPem, { what: `provider ${providerId}` });
    },
    // Agencies' keys exist only in a demo PKI (the mock agencies sign with them): read on demand.
    providerSigner: (id) => {
      const c = certs.get(id);
      return c ? { certPem: c.certPem, key: createPrivateKey(read(c.keyFile)) } : undefined;
    },
  };
}
