/**
 * A mock OCSP responder (RFC 6960) as a real HTTP server: POST application/ocsp-request
 * (appendix A.1), answers good / revoked / unknown for the configured CAs, signed by a
 * delegated responder certificate (id-kp-OCSPSigning, §4.2.2.2) or by the CA itself.
 * Faults for tests: tryLater, HTTP 500, a broken signature.
 */
import { createPrivateKey, hash, KeyObject, sign as nodeSign } from 'node:crypto';
import { createServer, IncomingMessage, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { parseCertificate, CertInfo } from '../../signing/pki/cert-info';
import { Tlv, bytes, children, integerHex, normalizeSerial, oid, readTlv, root, value } from '../../signing/pki/der';
import { NULL, explicit, generalizedTime, octets, oidDer, seq, tlv } from '../../signing/pki/der-writer';
import { OID } from '../../signing/pki/oids';

export interface OcspIssuer {
  caCertPem: string;
  /** The delegated responder; when absent the CA key signs (caKeyPem required). */
  responderCertPem?: string;
  responderKeyPem?: string;
  caKeyPem?: string;
}

export type OcspFault = 'tryLater' | 'http-500' | 'bad-signature' | undefined;

export interface OcspResponderOptions {
  port?: number;
  host?: string;
  issuers: OcspIssuer[];
  /** Serial numbers (hex) already revoked. */
  revoked?: string[];
  /** nextUpdate − thisUpdate (default one hour). */
  validityMs?: number;
}

export interface OcspResponderHandle {
  url: string;
  close(): Promise<void>;
  revoke(serialHex: string, at?: Date): void;
  setFault(fault: OcspFault): void;
  /** How many requests were answered (caching tests). */
  readonly requests: number;
}

interface Signer {
  ca: CertInfo;
  responderDer?: Buffer;
  responderKeyHash: Buffer;
  key: KeyObject;
}

const HASHES: Record<string, string> = { [OID.sha1]: 'sha1', [OID.sha256]: 'sha256', [OID.sha384]: 'sha384', [OID.sha512]: 'sha512' };

export async function startOcspResponder(o: OcspResponderOptions): Promise<OcspResponderHandle> {
  const signers: Signer[] = o.issuers.map((i) => {
    const ca = parseCertificate(i.caCertPem);
    const responder = i.responderCertPem ? parseCertificate(i.responderCertPem) : ca;
    const keyPem = i.responderCertPem ? i.responderKeyPem : i.caKeyPem;
    if (!keyPem) throw new Error('OCSP mock: a signing key is required for each issuer');
    return {
      ca,
      responderDer: i.responderCertPem ? responder.der : undefined,
      responderKeyHash: hash('sha1', responder.publicKeyBits, 'buffer'),
      key: createPrivateKey(keyPem),
    };
  });
  const revoked = new Map<string, Date>((o.revoked ?? []).map((s) => [normalizeSerial(s), new Date()]));
  let fault: OcspFault;
  let count = 0;

  const answer = (req: Buffer): Buffer => {
    const now = new Date();
    const tbsReq = children(req, children(req, root(req))[0]!);
    let k = 0;
    while (tbsReq[k] && tbsReq[k]!.tag !== 0x30) k++; // skip [0] version, [1] requestorName
    const requests = children(req, tbsReq[k]!);
    const nonce = findNonce(req, tbsReq[k + 1]);
    let signer: Signer | undefined;
    const singles = requests.map((r) => {
      const certId = children(req, r)[0]!;
      const match = signers.find((s) => (!signer || s === signer) && certIdMatches(req, certId, s.ca));
      signer ??= match;
      const [, , , serialT] = children(req, certId);
      const serial = integerHex(req, serialT!);
      let status: Buffer;
      if (!match) status = tlv(0x82); // unknown [2] IMPLICIT NULL
      else if (revoked.has(serial)) status = tlv(0xa1, generalizedTime(revoked.get(serial)!), explicit(0, tlv(0x0a, Buffer.from([1]))));
      else status = tlv(0x80); // good [0] IMPLICIT NULL
      return seq(bytes(req, certId), status, generalizedTime(now), explicit(0, generalizedTime(new Date(now.getTime() + (o.validityMs ?? 3_600_000)))));
    });
    const s = signer ?? signers[0]!;
    const exts = nonce ? [explicit(1, seq(seq(oidDer(OID.ocspNonce), octets(nonce))))] : [];
    const tbs = seq(explicit(2, octets(s.responderKeyHash)), generalizedTime(now), seq(...singles), ...exts);
    const ec = s.key.asymmetricKeyType === 'ec';
    const algId = ec ? seq(oidDer(OID.ecdsaWithSha256)) : seq(oidDer(OID.sha256WithRSA), NULL);
    const sig = nodeSign('sha256', tbs, ec ? { key: s.key, dsaEncoding: 'der' } : s.key);
    if (fault === 'bad-signature') sig[sig.length - 2] ^= 0x01;
    const certs = s.responderDer ? [explicit(0, seq(s.responderDer))] : [];
    const basic = seq(tbs, algId, tlv(0x03, Buffer.from([0]), sig), ...certs);
    return seq(tlv(0x0a, Buffer.from([0])), explicit(0, seq(oidDer(OID.ocspBasic), octets(basic))));
  };

  const server: Server = createServer(async (req, res) => {
    try {
      if (req.method !== 'POST' || req.headers['content-type'] !== 'application/ocsp-request') {
        res.writeHead(405).end();
        return;
      }
      const body = await readBody(req);
      count++;
      if (fault === 'http-500') {
        res.writeHead(500).end();
        return;
      }
      // tryLater (RFC 6960 §4.2.1): status 3, no responseBytes
      const out = fault === 'tryLater' ? seq(tlv(0x0a, Buffer.from([3]))) : answer(body);
      res.writeHead(200, { 'content-type': 'application/ocsp-response', 'content-length': out.length }).end(out);
    } catch {
      // malformedRequest (1)
      const out = seq(tlv(0x0a, Buffer.from([1])));
      res.writeHead(200, { 'content-type': 'application/ocsp-response' }).end(out);
    }
  });
  await new Promise<void>((resolve) => server.listen(o.port ?? 0, o.host ?? '127.0.0.1', resolve));
  const addr = server.address() as AddressInfo;
  return {
    url: `http://${o.host ?? '127.0.0.1'}:${addr.port}/ocsp`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
    revoke: (serial, at) => void revoked.set(normalizeSerial(serial), at ?? new Date()),
    setFault: (f) => void (fault = f),
    get requests() {
      return count;
    },
  };
}

function certIdMatches(buf: Buffer, certId: Tlv, ca: CertInfo): boolean {
  const [alg, nameHash, keyHash] = children(buf, certId);
  const h = HASHES[oid(buf, children(buf, alg!)[0]!)];
  if (!h) return false;
  return value(buf, nameHash!).equals(hash(h, ca.subjectDer, 'buffer'))
    && value(buf, keyHash!).equals(hash(h, ca.publicKeyBits, 'buffer'));
}

function findNonce(buf: Buffer, extWrap: Tlv | undefined): Buffer | undefined {
  if (!extWrap || extWrap.tag !== 0xa2) return undefined;
  for (const ext of children(buf, readTlv(buf, extWrap.valueStart, extWrap.valueEnd))) {
    const k = children(buf, ext);
    if (oid(buf, k[0]!) === OID.ocspNonce) return value(buf, k[k.length - 1]!);
  }
  return undefined;
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let n = 0;
  for await (const c of req) {
    n += (c as Buffer).length;
    if (n > 64 * 1024) throw new Error('request too large');
    chunks.push(c as Buffer);
  }
  return Buffer.concat(chunks);
}
