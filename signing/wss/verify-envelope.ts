/**
 * Verifies the WS-Security signature of an EHİS SOAP message, following the XML signature
 * rules of docs/conventions.md (docs/security-model.md §5) rule by rule, and returns ONLY what was signed.
 *
 * Wrapping defence (rule 5): the elements we read (Body, Timestamp, X-Road headers) are located
 * structurally first; each must carry an id that a ds:Reference names, ids are unique, so the
 * reference resolves to that very object, and its digest is computed over the canonical bytes of
 * that object. What the caller receives is read from those objects and nothing else.
 *
 * One parse, then Exc-C14N of SignedInfo and each referenced element, SHA-2 digests and one
 * node:crypto verify; the trust decision is the caller's (and should be cached there).
 */
import { hash, KeyObject, verify as cryptoVerify } from 'node:crypto';
import { SigningError } from '../errors';
import { excC14n } from '../xml/exc-c14n';
import type { XmlElement } from '../xml/light-dom';
import { attr, childElements, textContent } from '../xml/light-dom';
import { parseXml } from '../xml/parse-xml';
import { checkKeyFits } from './algorithms';
import { idsOf, indexDocument, refuseDuplicateIds } from './ids';
import { locateParts } from './envelope-structure';
import { base64, readSignature } from './read-signature';
import { readTimestamp, readXroadHeaders, type XroadHeaders } from './read-headers';
import type { ReplayCache } from './replay-cache';
import { BASE64_BINARY, X509_V3, XROAD_HEADERS, XROAD_REQUEST_HASH } from './wss-names';

export type TrustCallback = (certDer: Buffer) => Promise<KeyObject>;

export interface VerifyEnvelopeOptions {
  /** The caller's trust decision on the BinarySecurityToken certificate (path, revocation, usage). */
  trust: TrustCallback;
  /** Default 1 MiB. */
  maxBytes?: number;
  /** Clock skew tolerated on Timestamp Created/Expires; default 60 s. */
  maxSkewMs?: number;
  /** Oldest acceptable Created, whatever Expires says; default 5 min. Bounds replay-cache TTLs. */
  maxAgeMs?: number;
  /** Without one there is NO replay protection: pass the hub's cache in production. */
  replayCache?: ReplayCache;
  /**
   * Elements that must be signed: 'Body', 'Timestamp' and X-Road header local names. Default: all
   * eight. Add 'requestHash' when verifying an answer: then it must be present. When present it is
   * always required to be signed: nothing unsigned is handed to the caller.
   */
  requiredRefs?: ('Body' | 'Timestamp' | string)[];
  /** Clock, for tests. */
  now?: Date;
}

export interface VerifiedEnvelope {
  /** The one element inside the signed Body (payload or Fault); no way up to unsigned parts. */
  body: XmlElement;
  /** Exclusive canonical form of the signed SOAP Body, exactly the bytes that were digested. */
  canonicalBody: string;
  headers: XroadHeaders;
  timestamp: { created: Date; expires: Date };
  signerCertDer: Buffer;
  signatureAlgorithm: string;
}

const DEFAULT_REQUIRED = ['Body', 'Timestamp', ...XROAD_HEADERS];

export async function verifyEnvelope(xml: string | Buffer, opts: VerifyEnvelopeOptions): Promise<VerifiedEnvelope> {
  // Rule 1: no DTD, fatal parse errors, size limit.
  const doc = parseXml(xml, { maxBytes: opts.maxBytes ?? 1024 * 1024 });
  // Rule 2: structure; then unique ids (wrapping shapes are reported before duplicate ids).
  const index = indexDocument(doc.root);
  const parts = locateParts(doc.root, index.all);
  refuseDuplicateIds(index);
  // Rule 4: allowlist before any cryptography.
  const sig = readSignature(parts.signature);

  // Rule 5: every element we will read is the object a reference resolves to.
  const roleEls = new Map<string, XmlElement>([['Body', parts.body], ['Timestamp', parts.timestamp]]);
  for (const h of XROAD_HEADERS) roleEls.set(h, parts.xroad[h]);
  if (parts.requestHash) roleEls.set(XROAD_REQUEST_HASH, parts.requestHash);
  const referenced = new Set(sig.references.map((r) => r.id));
  const required = opts.requiredRefs ?? DEFAULT_REQUIRED;
  for (const role of parts.requestHash && !required.includes(XROAD_REQUEST_HASH) ? [...required, XROAD_REQUEST_HASH] : required) {
    if (role === XROAD_REQUEST_HASH && !parts.requestHash) throw new SigningError('missing-element', 'no requestHash element');
    const el = roleEls.get(role);
    if (!el) throw new SigningError('malformed', `unknown required reference ${role}`);
    const ids = idsOf(el);
    if (!ids || !ids.some((id) => referenced.has(id))) throw new SigningError('missing-element', `${role} is not signed`);
  }
  const targets = sig.references.map((r) => {
    const t = index.byId.get(r.id);
    if (!t) throw new SigningError('missing-element', `reference #${r.id} resolves to nothing`);
    return t.el;
  });

  // Rule 3: the token is only a certificate for the caller to judge; the key comes from trust().
  const tokenIds = idsOf(parts.token);
  if (!tokenIds || !tokenIds.includes(sig.tokenId)) throw new SigningError('malformed', 'KeyInfo does not name the BinarySecurityToken');
  if (attr(parts.token, '', 'ValueType') !== X509_V3) throw new SigningError('malformed', 'token is not an X.509 v3 certificate');
  const enc = attr(parts.token, '', 'EncodingType');
  if (enc !== undefined && enc !== BASE64_BINARY) throw new SigningError('malformed', 'token encoding is not Base64Binary');
  if (childElements(parts.token).length) throw new SigningError('malformed', 'markup inside the BinarySecurityToken');
  const certDer = base64(textContent(parts.token), 'BinarySecurityToken');
  let key: KeyObject;
  try {
    key = await opts.trust(certDer);
  } catch (err) {
    if (err instanceof SigningError) throw err;
    throw new SigningError('cert-untrusted', 'the trust callback refused the signer certificate');
  }
  if (!(key instanceof KeyObject) || key.type !== 'public') throw new SigningError('cert-untrusted', 'trust callback gave no public key');
  checkKeyFits(sig.alg, key);

  // XML-DSig §3.2.2: the signature over canonical SignedInfo first, then each reference's digest.
  const signedInfo = excC14n(sig.signedInfo, { inclusivePrefixes: sig.c14nPrefixes });
  const ok = cryptoVerify(sig.alg.hash, Buffer.from(signedInfo, 'utf8'),
    sig.alg.keyType === 'ec' ? { key, dsaEncoding: 'ieee-p1363' } : key, sig.signatureValue);
  if (!ok) throw new SigningError('bad-signature', 'SignatureValue does not verify');

  let canonicalBody: string | undefined;
  sig.references.forEach((r, i) => {
    const c = excC14n(targets[i], { inclusivePrefixes: r.inclusivePrefixes, exclude: r.enveloped ? parts.signature : undefined });
    if (!hash(r.hash, c, 'buffer').equals(r.digest)) {
      throw new SigningError('digest-mismatch', `digest of #${r.id} does not match`);
    }
    if (targets[i] === parts.body) canonicalBody = c;
  });
  if (canonicalBody === undefined) throw new SigningError('missing-element', 'Body is not signed');

  // Rule 6: freshness with bounded skew, then the replay cache on the message id.
  const now = (opts.now ?? new Date()).getTime();
  const skew = opts.maxSkewMs ?? 60_000;
  const maxAge = opts.maxAgeMs ?? 300_000;
  const timestamp = readTimestamp(parts.timestamp);
  const created = timestamp.created.getTime();
  const expires = timestamp.expires.getTime();
  if (created > now + skew) throw new SigningError('stale', 'Timestamp Created is in the future');
  if (expires <= now - skew || created < now - skew - maxAge || expires < created) {
    throw new SigningError('stale', 'Timestamp expired or too old');
  }
  const headers = readXroadHeaders(parts.xroad, parts.requestHash);
  const body = payload(parts.body);
  if (opts.replayCache) {
    const until = Math.min(expires, created + maxAge) + skew;
    if (!opts.replayCache.checkAndRemember(headers.id, Math.max(until - now, 1), now)) {
      throw new SigningError('replay', 'message id already seen');
    }
  }
  return { body, canonicalBody, headers, timestamp, signerCertDer: certDer, signatureAlgorithm: sig.alg.uri };
}

/** SOAP 1.1 §4.3: the Body's one child element (our profile has exactly one: payload or Fault). */
function payload(body: XmlElement): XmlElement {
  const kids = childElements(body);
  if (kids.length !== 1) throw new SigningError('malformed', 'Body must hold exactly one element');
  for (const c of body.children) {
    if (c.kind === 'text' && !/^[ \t\n]*$/.test(c.value)) throw new SigningError('malformed', 'text beside the Body payload');
  }
  return kids[0];
}
