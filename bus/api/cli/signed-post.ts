import { canonicalBytes } from '../../../core/orders';
import { signDetached } from '../../../signing/cms';
import { loadCliSigner } from '../../../signing/cli/signer-files';
import { CliIo, DEFAULT_URL, postJson } from './io';

/** Signs `doc` as the holder of cert/key (detached CMS over its RFC 8785 form, issuing CAs embedded) and POSTs `{ [key]: doc, signature }`. */
export async function signAndPost(io: CliIo, opts: { certFile: string; keyFile: string; url?: string; path: string; key: string; doc: object }): Promise<any> {
  const signer = await loadCliSigner(io.readFile, { cert: opts.certFile, key: opts.keyFile });
  if (signer.warning) io.err(signer.warning);
  const signature = (await signDetached(canonicalBytes(opts.doc), signer, { extraCerts: signer.extraCerts })).toString('base64');
  return postJson(io, `${(opts.url ?? DEFAULT_URL).replace(/\/+$/, '')}${opts.path}`, { [opts.key]: opts.doc, signature });
}
