import { createPrivateKey } from 'node:crypto';
import { canonicalBytes } from '../../../core/orders';
import { signDetached } from '../../../signing/cms';
import { CliIo, DEFAULT_URL, postJson } from './io';

/** Signs `doc` as the holder of cert/key (detached CMS over its RFC 8785 form) and POSTs `{ [key]: doc, signature }`. */
export async function signAndPost(io: CliIo, opts: { certFile: string; keyFile: string; url?: string; path: string; key: string; doc: object }): Promise<any> {
  const certPem = (await io.readFile(opts.certFile)).toString('utf8');
  const privateKey = createPrivateKey(await io.readFile(opts.keyFile));
  const signature = (await signDetached(canonicalBytes(opts.doc), { certPem, key: privateKey })).toString('base64');
  return postJson(io, `${(opts.url ?? DEFAULT_URL).replace(/\/+$/, '')}${opts.path}`, { [opts.key]: opts.doc, signature });
}
