import { canonicalBytes } from '../../../core/orders';
import { signDetached } from '../../../signing/cms';
import { CliIo, hubUrl, postJson, signerFrom } from './io';

/** Signs `doc` as the holder of cert/key (detached CMS over its RFC 8785 form, issuing CAs embedded) and POSTs `{ [key]: doc, signature }`. */
export async function signAndPost(io: CliIo, opts: { certFile: string; keyFile: string; url?: string; path: string; key: string; doc: object }): Promise<Record<string, unknown>> {
  const url = `${hubUrl(io, opts.url)}${opts.path}`;
  const signer = await signerFrom(io, opts.certFile, opts.keyFile);
  const signature = (await signDetached(canonicalBytes(opts.doc), signer, { extraCerts: signer.extraCerts })).toString('base64');
  return postJson(io, url, { [opts.key]: opts.doc, signature });
}
