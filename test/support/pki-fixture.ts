/**
 * A small in-memory test PKI (ECDSA P-256: fast), built once per test file, with the special
 * identities negative tests need: expired, not yet valid, revoked, no nonRepudiation, issued by
 * an untrusted root. Revocation is answered from CRLs by default (no server needed); pass the
 * OCSP issuers to mocks/ocsp to test OCSP.
 *
 *   const pki = await getPkiFixture();
 *   const sig = await signDetached(data, pki.judge.signer);
 *   await verifyDetached(data, sig, pki.validator(), { requireKeyUsage: ['nonRepudiation'] });
 */
import { KeyObject, createPrivateKey } from 'node:crypto';
import { PathValidator, PathValidatorOptions, TrustConfig } from '../../signing/pki';
import { Ca, Issued, createCrl, createRootCa, issueEndEntity, issueIntermediateCa } from '../../signing/test-ca';
import { OID } from '../../signing/pki/oids';

export interface TestIdentity {
  certPem: string;
  keyPem: string;
  key: KeyObject;
  serialHex: string;
  fin?: string;
  /** Ready for signDetached(content, identity.signer). */
  signer: { certPem: string; key: KeyObject };
}

export interface PkiFixture {
  root: Ca;
  qualifiedCa: Ca;
  agencyCa: Ca;
  untrustedRoot: Ca;
  ocspResponders: { root: Issued; qualified: Issued; agency: Issued };
  judge: TestIdentity;
  staff: TestIdentity;
  hub: TestIdentity;
  agency: TestIdentity;
  expiredJudge: TestIdentity;
  notYetValidJudge: TestIdentity;
  revokedJudge: TestIdentity;
  /** digitalSignature only: a judge's order signed with it must fail 'key-usage'. */
  noNonRepudiationJudge: TestIdentity;
  /** Issued by a root nobody trusts. */
  untrustedJudge: TestIdentity;
  /** PEM CRLs (label X509 CRL); `revokedJudge` is on the qualified CA's. */
  crls: { root: string; qualified: string; agency: string };
  /** Anchors, intermediates and CRLs: revocation from CRLs. */
  trust: TrustConfig;
  validator(opts?: PathValidatorOptions, extra?: Partial<TrustConfig>): PathValidator;
  /** For startOcspResponder({ issuers: pki.ocspIssuers, revoked: pki.revokedSerials }). */
  ocspIssuers: { caCertPem: string; responderCertPem: string; responderKeyPem: string }[];
  revokedSerials: string[];
}

const DAY = 86_400_000;
let cached: Promise<PkiFixture> | undefined;

export function getPkiFixture(): Promise<PkiFixture> {
  return (cached ??= build());
}

function identity(it: Issued, fin?: string): TestIdentity {
  const key = createPrivateKey(it.keyPem);
  return { certPem: it.certPem, keyPem: it.keyPem, key, serialHex: it.serialHex, fin, signer: { certPem: it.certPem, key } };
}

async function build(): Promise<PkiFixture> {
  const keyType = 'ec' as const;
  const root = await createRootCa({ subject: { commonName: 'TEST Root CA', organization: 'Court Hub TEST', country: 'AZ' }, keyType });
  const qualifiedCa = await issueIntermediateCa(root, { subject: { commonName: 'TEST Qualified CA', organization: 'Court Hub TEST', country: 'AZ' } });
  const agencyCa = await issueIntermediateCa(root, { subject: { commonName: 'TEST Agency CA', organization: 'Court Hub TEST', country: 'AZ' } });
  const untrustedRoot = await createRootCa({ subject: { commonName: 'TEST Rogue Root CA', organization: 'Court Hub TEST', country: 'AZ' }, keyType });

  const person = (ca: Ca, fin: string, extra: { notBefore?: Date; notAfter?: Date; keyUsage?: ('nonRepudiation' | 'digitalSignature')[] } = {}) =>
    issueEndEntity(ca, {
      subject: { commonName: `TEST Person ${fin}`, surname: 'Testov', givenName: 'Test', organization: 'Court Hub TEST', country: 'AZ' },
      fin,
      keyUsage: extra.keyUsage ?? ['nonRepudiation'],
      policies: [OID.qcpNaturalQscd],
      notBefore: extra.notBefore,
      notAfter: extra.notAfter,
    }).then((it) => identity(it, fin));
  const org = (ca: Ca, cn: string) =>
    issueEndEntity(ca, { subject: { commonName: cn, organization: 'Court Hub TEST', country: 'AZ' }, keyUsage: ['digitalSignature'], policies: [OID.qcpLegal] }).then((it) => identity(it));
  const responder = (ca: Ca) =>
    issueEndEntity(ca, { subject: { commonName: 'TEST OCSP Responder', organization: 'Court Hub TEST' }, keyUsage: ['digitalSignature'], extKeyUsage: [OID.kpOcspSigning], ocspNoCheck: true });

  const now = Date.now();
  const [judge, staff, hub, agency, expiredJudge, notYetValidJudge, revokedJudge, noNonRepudiationJudge, untrustedJudge] = await Promise.all([
    person(qualifiedCa, 'JDG0001'),
    person(qualifiedCa, 'STF0001'),
    org(agencyCa, 'court-hub'),
    org(agencyCa, 'test-agency'),
    person(qualifiedCa, 'EXP0001', { notBefore: new Date(now - 400 * DAY), notAfter: new Date(now - 30 * DAY) }),
    person(qualifiedCa, 'NYV0001', { notBefore: new Date(now + 30 * DAY), notAfter: new Date(now + 400 * DAY) }),
    person(qualifiedCa, 'REV0001'),
    person(qualifiedCa, 'NNR0001', { keyUsage: ['digitalSignature'] }),
    person(untrustedRoot, 'UNT0001'),
  ]);
  const ocspResponders = { root: await responder(root), qualified: await responder(qualifiedCa), agency: await responder(agencyCa) };
  const crls = {
    root: (await createCrl(root, [])).pem,
    qualified: (await createCrl(qualifiedCa, [{ serialHex: revokedJudge.serialHex, reason: 1 }])).pem,
    agency: (await createCrl(agencyCa, [])).pem,
  };
  const trust: TrustConfig = { anchors: [root.certPem], intermediates: [qualifiedCa.certPem, agencyCa.certPem], crls: [crls.root, crls.qualified, crls.agency] };
  return {
    root, qualifiedCa, agencyCa, untrustedRoot, ocspResponders,
    judge, staff, hub, agency, expiredJudge, notYetValidJudge, revokedJudge, noNonRepudiationJudge, untrustedJudge,
    crls,
    trust,
    validator: (opts, extra) => new PathValidator({ ...trust, ...extra }, opts),
    ocspIssuers: [
      { caCertPem: root.certPem, responderCertPem: ocspResponders.root.certPem, responderKeyPem: ocspResponders.root.keyPem },
      { caCertPem: qualifiedCa.certPem, responderCertPem: ocspResponders.qualified.certPem, responderKeyPem: ocspResponders.qualified.keyPem },
      { caCertPem: agencyCa.certPem, responderCertPem: ocspResponders.agency.certPem, responderKeyPem: ocspResponders.agency.keyPem },
    ],
    revokedSerials: [revokedJudge.serialHex],
  };
}
