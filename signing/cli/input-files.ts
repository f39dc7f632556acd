/**
 * The files a person hands the CLI — a certificate, a private key, a JSON document — read with
 * errors that name the file and the problem in one line, never parser bytes, bare OpenSSL codes
 * or a stack. A key is only accepted with the certificate it belongs to: a signature made with
 * another person's key would be refused by the hub later, far from the mistake.
 *
 *   const { certPem, key } = signerFromFiles(certFile, certBytes, keyFile, keyBytes);
 *   const doc = jsonDocument(file, bytes);     // throws InputFileError
 */
import { KeyObject, X509Certificate, createPrivateKey, createPublicKey } from 'node:crypto';

/** A problem with one input file; the message is the whole line to print. */
export class InputFileError extends Error {}

/** fs errors (ENOENT, EISDIR, EACCES) as one line naming the path. */
export function readError(err: unknown, file: string): Error {
  const code = (err as { code?: string }).code;
  const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory, not a file'
    : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : `cannot be read (${code ?? 'unknown error'})`;
  return new InputFileError(`${file}: ${why}`);
}

export function writeError(err: unknown, file: string): Error {
  const code = (err as { code?: string }).code;
  return new InputFileError(`${file}: cannot be written (${code === 'ENOENT' ? 'no such directory' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code ?? 'unknown error'})`);
}

export function certificate(file: string, bytes: Buffer): X509Certificate {
  try {
    return new X509Certificate(bytes);
  } catch {
    throw new InputFileError(`${file}: not an X.509 certificate (PEM or DER expected)`);
  }
}

export function privateKey(file: string, bytes: Buffer): KeyObject {
  try {
    return createPrivateKey(bytes);
  } catch {
    const encrypted = /ENCRYPTED/.test(bytes.subarray(0, 64).toString('latin1'));
    throw new InputFileError(`${file}: ${encrypted ? 'an encrypted private key: decrypt it first (openssl pkey -in FILE -out PLAIN)' : 'not a private key (PKCS#8, PKCS#1 or SEC1, PEM or DER expected)'}`);
  }
}

const spki = (k: KeyObject) => k.export({ type: 'spki', format: 'der' });

/** The signer of a detached CMS: certificate and key, refused unless the key is the certificate's. */
export function signerFromFiles(certFile: string, certBytes: Buffer, keyFile: string, keyBytes: Buffer): { certPem: string; key: KeyObject; cert: X509Certificate } {
  const cert = certificate(certFile, certBytes);
  const key = privateKey(keyFile, keyBytes);
  if (!spki(createPublicKey(key)).equals(spki(cert.publicKey))) {
    throw new InputFileError(`${keyFile}: this private key does not belong to the certificate in ${certFile} (${cert.subject.split('\n').find((l) => l.startsWith('CN=')) ?? 'its subject'})`);
  }
  return { certPem: cert.toString(), key, cert };
}

/** A JSON text; the error gives the line and column, never the text around it (it may be personal data). */
export function jsonDocument(file: string, bytes: Buffer): unknown {
  const text = bytes.toString('utf8');
  if (text.trim() === '') throw new InputFileError(`${file}: is empty; a JSON document was expected`);
  try {
    return JSON.parse(text);
  } catch (e) {
    const at = /position (\d+)/.exec((e as Error).message);
    let where = '';
    if (at) {
      const before = text.slice(0, Number(at[1])).split('\n');
      where = ` at line ${before.length}, column ${before.at(-1)!.length + 1}`;
    } else if (/end of (JSON )?input/i.test((e as Error).message)) where = ': it ends too early';
    throw new InputFileError(`${file}: not valid JSON${where}`);
  }
}

/** A JSON object, as every signed document is; names what was found instead. */
export function jsonObject(file: string, bytes: Buffer): Record<string, unknown> {
  const v = jsonDocument(file, bytes);
  if (v === null || typeof v !== 'object' || Array.isArray(v)) {
    const what = v === null ? 'null' : Array.isArray(v) ? 'an array' : `a ${typeof v}`;
    throw new InputFileError(`${file}: the document must be a JSON object, not ${what}`);
  }
  return v as Record<string, unknown>;
}
