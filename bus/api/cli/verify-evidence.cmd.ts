/**
 * `court-hub verify-evidence FILE [--trust root.pem] [--crl FILE]… [--intermediates FILE] [--pki DIR]`:
 * checks the hub's CMS signature on an evidence packet offline — path to the trusted root,
 * revocation from the CRLs — and prints what it certifies. With --pki (default: $PKI_DIR or
 * .data/pki) trust and CRLs come from the PKI directory's pki.json.
 */
import { join } from 'node:path';
import { verifyEvidence } from '../../../core/evidence';
import { cmsVerifier } from '../../../core/orders';
import { PathValidator } from '../../../signing/pki';
import { InputFileError, certificate, jsonObject } from '../../../signing/cli';
import { CliIo, Command, args, guarded, nodeIo, readInput } from './io';

const USAGE = 'usage: court-hub verify-evidence FILE [--trust root.pem] [--crl root.crl --crl qualified.crl …] [--intermediates FILE] [--pki DIR]';

async function trustFrom(io: CliIo, v: { trust?: string; crl?: string[]; intermediates?: string; pki?: string }) {
  // A certificate file is checked here so a wrong one is named, not reported as a bare parser code later.
  const read = async (f: string) => { const b = await readInput(io, f); certificate(f, b); return b.toString('utf8'); };
  if (v.trust) {
    return {
      anchors: [await read(v.trust)],
      intermediates: v.intermediates ? [await read(v.intermediates)] : [],
      crls: await Promise.all((v.crl ?? []).map((f) => readInput(io, f))),
    };
  }
  const dir = v.pki ?? process.env.PKI_DIR ?? join(process.env.DATA_DIR ?? '.data', 'pki');
  const file = join(dir, 'pki.json');
  const s = jsonObject(file, await readInput(io, file)) as any;
  if (typeof s.rootCa?.cert !== 'string' || typeof s.qualifiedCa?.cert !== 'string' || typeof s.agencyCa?.cert !== 'string' || typeof s.crls !== 'object') {
    throw new InputFileError(`${file}: not a PKI summary written by \`court-hub pki init\``);
  }
  return {
    anchors: [await read(s.rootCa.cert)],
    intermediates: [await read(s.qualifiedCa.cert), await read(s.agencyCa.cert)],
    crls: await Promise.all([s.crls.root, s.crls.qualified, s.crls.agency].map((f: string) => readInput(io, String(f)))),
  };
}

export const runVerifyEvidence: Command = (argv, io: CliIo = nodeIo) => guarded(io, async () => {
  const { values, positionals } = args(argv, {
    trust: { type: 'string' }, crl: { type: 'string', multiple: true }, intermediates: { type: 'string' }, pki: { type: 'string' }, json: { type: 'boolean' },
  }, USAGE);
  const file = positionals[0];
  if (!file) { io.err(USAGE); return 2; }
  const der = await readInput(io, file);
  const validator = new PathValidator(await trustFrom(io, values));
  const { packet, signer } = await verifyEvidence(der, cmsVerifier(validator));
  if (values.json) {
    io.out(JSON.stringify(packet, null, 2));
    return 0;
  }
  io.out([
    `OK: evidence packet signed by ${signer.subjectDn}`,
    `  order ${packet.orderId}, case ${packet.caseNumber}, issued ${packet.issuedAt}`,
    `  order signed by certificate ${packet.judge.certSha256.slice(0, 16)}… at ${packet.judge.signingTime}`,
    ...packet.outcomes.map((o) => `  ${o.section.padEnd(8)} ${o.status.padEnd(11)} ${o.provider ?? ''}${o.error ? ` ${o.error.code}` : ''}${o.responseHash ? ` answer sha256 ${o.responseHash.slice(0, 16)}…` : ''}`),
  ].join('\n'));
  return 0;
});
