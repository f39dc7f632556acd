/**
 * `court-hub pki init`: writes a throw-away PKI for development and tests (DESIGN §5): a root CA,
 * a qualified-signature CA for judges, staff and operators (FIN in the subject serialNumber,
 * nonRepudiation, a qualified-certificate policy), an agency CA with one certificate per
 * provider, the hub's certificate, delegated OCSP responders and CRLs, then pki.json listing
 * every path. All of it is TEST MATERIAL: keys are written in clear.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { OID } from '../pki/oids';
import { Ca, Issued, createCrl, createRootCa, issueEndEntity, issueIntermediateCa } from './ca';
import { KeyType, keyType as keyTypeOf, signingAlgorithm } from './keys';
import { webcrypto, x509 } from './x509-provider';

export interface PkiPerson {
  fin: string;
  surname: string;
  givenName: string;
  patronymic?: string;
  /** citizen: a party of a case, who may ask who looked up their data (13.3). */
  role: 'judge' | 'staff' | 'operator' | 'citizen';
}

export interface InitPkiOptions {
  keyType: KeyType;
  people: PkiPerson[];
  /** Provider ids from the registry: one agency certificate each. */
  providers: string[];
  /** Put into every certificate's AIA (the mock OCSP responder's URL). */
  ocspUrl?: string;
  /** CRL lifetime (default 365 days: a demo PKI made once on first start must keep working). */
  crlValidityDays?: number;
}

export interface PkiFiles {
  cert: string;
  key: string;
}

export interface PkiSummary {
  warning: string;
  dir: string;
  keyType: KeyType;
  rootCa: PkiFiles;
  qualifiedCa: PkiFiles;
  agencyCa: PkiFiles;
  hub: PkiFiles;
  /** One delegated responder per CA it answers for (RFC 6960 §4.2.2.2). */
  ocspResponders: { root: PkiFiles; qualified: PkiFiles; agency: PkiFiles };
  crls: { root: string; qualified: string; agency: string };
  /** root + intermediates in one file: what a verifier is given as trust. */
  trustBundle: string;
  intermediates: string;
  people: (PkiFiles & { fin: string; role: PkiPerson['role']; subject: string })[];
  providers: (PkiFiles & { id: string })[];
  ocspUrl?: string;
}

const ORG = 'Court Hub TEST';

export async function initPki(dir: string, o: InitPkiOptions): Promise<PkiSummary> {
  const base = resolve(dir);
  await mkdir(join(base, 'people'), { recursive: true });
  await mkdir(join(base, 'agencies'), { recursive: true });
  await mkdir(join(base, 'crl'), { recursive: true });
  const write = async (rel: string, text: string, secret = false) => {
    await writeFile(join(base, rel), text, { mode: secret ? 0o600 : 0o644 });
    return join(base, rel);
  };
  const save = async (rel: string, it: Issued): Promise<PkiFiles> => ({
    cert: await write(`${rel}.crt.pem`, it.certPem),
    key: await write(`${rel}.key.pem`, it.keyPem, true),
  });

  const kt = o.keyType;
  const country = 'AZ';
  const root = await createRootCa({ subject: { commonName: 'Court Hub TEST Root CA', organization: ORG, country }, keyType: kt });
  const qualified = await issueIntermediateCa(root, { subject: { commonName: 'Court Hub TEST Qualified Signature CA', organization: ORG, country }, ocspUrl: o.ocspUrl });
  const agency = await issueIntermediateCa(root, { subject: { commonName: 'Court Hub TEST Agency CA', organization: ORG, country }, ocspUrl: o.ocspUrl });

  const responder = (ca: Ca, name: string) => issueEndEntity(ca, {
    subject: { commonName: `Court Hub TEST OCSP Responder (${name})`, organization: ORG, country },
    keyUsage: ['digitalSignature'],
    extKeyUsage: [OID.kpOcspSigning],
    ocspNoCheck: true,
  });

  const summary: PkiSummary = {
    warning: 'THROW-AWAY TEST PKI: private keys are stored in clear. Never use for real signatures.',
    dir: base,
    keyType: kt,
    rootCa: await save('root-ca', root),
    qualifiedCa: await save('qualified-ca', qualified),
    agencyCa: await save('agency-ca', agency),
    hub: await save('hub', await issueEndEntity(agency, {
      subject: { commonName: 'court-hub', organization: ORG, country },
      keyUsage: ['digitalSignature'],
      policies: [OID.qcpLegal],
      ocspUrl: o.ocspUrl,
    })),
    ocspResponders: {
      root: await save('ocsp-root', await responder(root, 'root')),
      qualified: await save('ocsp-qualified', await responder(qualified, 'qualified')),
      agency: await save('ocsp-agency', await responder(agency, 'agency')),
    },
    crls: { root: '', qualified: '', agency: '' },
    trustBundle: await write('trust-bundle.pem', root.certPem),
    intermediates: await write('intermediates.pem', qualified.certPem + agency.certPem),
    people: [],
    providers: [],
    ocspUrl: o.ocspUrl,
  };

  for (const p of o.people) {
    const commonName = [p.surname, p.givenName, p.patronymic].filter(Boolean).join(' ');
    const it = await issueEndEntity(qualified, {
      subject: { commonName, surname: p.surname, givenName: p.givenName, organization: ORG, organizationalUnit: p.role, country },
      fin: p.fin,
      // Qualified signatures of people: nonRepudiation (EN 319 412-2 §4.3.2), QCP-n-qscd policy.
      keyUsage: ['nonRepudiation'],
      policies: [OID.qcpNaturalQscd],
      ocspUrl: o.ocspUrl,
    });
    const files = await save(`people/${p.role}-${safe(p.fin)}`, it);
    summary.people.push({ ...files, fin: p.fin, role: p.role, subject: commonName });
  }
  for (const id of o.providers) {
    const it = await issueEndEntity(agency, {
      subject: { commonName: id, organization: ORG, organizationalUnit: 'agency', country },
      keyUsage: ['digitalSignature'],
      policies: [OID.qcpLegal],
      ocspUrl: o.ocspUrl,
    });
    summary.providers.push({ ...(await save(`agencies/${safe(id)}`, it)), id });
  }

  const nextUpdate = new Date(Date.now() + (o.crlValidityDays ?? 365) * 86_400_000);
  summary.crls = {
    root: await write('crl/root-ca.crl.pem', (await createCrl(root, [], { nextUpdate })).pem),
    qualified: await write('crl/qualified-ca.crl.pem', (await createCrl(qualified, [], { nextUpdate })).pem),
    agency: await write('crl/agency-ca.crl.pem', (await createCrl(agency, [], { nextUpdate })).pem),
  };
  await write('pki.json', JSON.stringify(summary, null, 2) + '\n');
  return summary;
}

/**
 * Adds agency certificates (issued by the PKI's agency CA) for provider ids the PKI does not have
 * yet — e.g. when the directory of credit institutions grows — and rewrites pki.json. Returns the
 * updated summary (the same object when nothing was missing).
 */
export async function addProviderCertificates(summary: PkiSummary, ids: readonly string[]): Promise<PkiSummary> {
  const have = new Set(summary.providers.map((p) => p.id));
  const missing = [...new Set(ids)].filter((id) => !have.has(id));
  if (missing.length === 0) return summary;
  const certPem = await readFile(summary.agencyCa.cert, 'utf8');
  const keyPem = await readFile(summary.agencyCa.key, 'utf8');
  const cert = new x509.X509Certificate(certPem);
  const kt: KeyType = summary.keyType;
  const der = Buffer.from(keyPem.replace(/-----[^-]+-----|\s/g, ''), 'base64');
  const privateKey = await webcrypto.subtle.importKey('pkcs8', der, signingAlgorithm(kt) as never, true, ['sign']);
  const publicKey = await cert.publicKey.export(signingAlgorithm(kt) as never, ['verify']);
  const agency: Ca = { cert, certPem, keyPem, keys: { privateKey, publicKey } as never, keyType: keyTypeOf(publicKey), serialHex: cert.serialNumber.toLowerCase() };
  const out: PkiSummary = { ...summary, providers: [...summary.providers] };
  for (const id of missing) {
    const it = await issueEndEntity(agency, {
      subject: { commonName: id, organization: ORG, organizationalUnit: 'agency', country: 'AZ' },
      keyUsage: ['digitalSignature'],
      policies: [OID.qcpLegal],
      ocspUrl: summary.ocspUrl,
    });
    const rel = `agencies/${safe(id)}`;
    const files = {
      cert: join(summary.dir, `${rel}.crt.pem`),
      key: join(summary.dir, `${rel}.key.pem`),
    };
    await writeFile(files.cert, it.certPem, { mode: 0o644 });
    await writeFile(files.key, it.keyPem, { mode: 0o600 });
    out.providers.push({ ...files, id });
  }
  await writeFile(join(summary.dir, 'pki.json'), JSON.stringify(out, null, 2) + '\n');
  return out;
}

function safe(s: string): string {
  return s.replace(/[^A-Za-z0-9._-]/g, '_');
}
