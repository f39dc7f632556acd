/**
 * The mock decision consumers (mocks/decision-consumers) wired with keys, for `npm start`, tests and
 * benches: each agency signs with its own demo certificate (the one the agencies directory pins,
 * `pki:<name>`), and checks the hub's signatures against the hub certificate of the PKI directory.
 * mocks/ itself holds no keys.
 */
import { hash, X509Certificate } from 'node:crypto';
import type { HubPki } from '../hub-pki';
import { SigningError } from '../../signing/errors';
import { verifyDetachedJws } from '../../signing/jws';
import { verifyEnvelope } from '../../signing/wss';

/** The demo PKI's certificate of each consumer agency (agencies/directory.json `pki:<name>`). */
export const DEMO_AGENCY_CERTS: Record<string, string> = { enforcement: 'enforcement', 'demo-bank': 'banks', migration: 'migration', property: 'property' };
/** Their X-Road members (agencies/directory.json). */
export const DEMO_AGENCY_MEMBERS: Record<string, string> = {
  enforcement: 'AZ/GOV/1700000023/enforcement', 'demo-bank': 'AZ/COM/1300000001/court-orders', migration: 'AZ/GOV/1700000007/court-orders', property: 'AZ/GOV/1700000004/court-orders',
};

export function consumerHooks(pki: HubPki) {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { agencySigner } = require('../../mocks') as typeof import('../../mocks');
  const hubSha = hash('sha256', new X509Certificate(pki.hub.certPem).raw, 'hex');
  const hubTrust = async (der: Buffer | undefined) => {
    if (!der || hash('sha256', der, 'hex') !== hubSha) throw new SigningError('cert-untrusted', 'not the hub certificate');
    return (await pki.validator.validate(der, { requireKeyUsage: ['digitalSignature'] })).publicKey;
  };
  const signers: Record<string, ReturnType<typeof agencySigner>> = {};
  for (const [id, name] of Object.entries(DEMO_AGENCY_CERTS)) {
    const s = pki.providerSigner(name);
    if (s) signers[id] = agencySigner(s);
  }
  return {
    signers,
    verifyHubRest: async (raw: Buffer, headers: Readonly<Record<string, string | string[] | undefined>>) => {
      const jws = headers['x-road-signature'];
      await verifyDetachedJws(raw, typeof jws === 'string' ? jws : '', hubTrust);
    },
    verifyHubSoap: async (raw: Buffer) => { await verifyEnvelope(raw, { trust: (der) => hubTrust(der) }); },
  };
}
