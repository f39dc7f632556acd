/**
 * `court-hub verify-evidence FILE [--trust root.pem] [--crl FILE]… [--intermediates FILE]
 * [--provider-cert provider=FILE]… [--pki DIR]`: checks an evidence packet offline — the hub's CMS
 * signature (path to the trusted root, revocation from the CRLs), then every registry answer in it
 * against the certificate pinned for its provider and bound to its request (core/evidence
 * provider-answers.ts) — and prints what it certifies. With --pki (default: $PKI_DIR or .data/pki)
 * trust, CRLs and the providers' certificates come from the PKI directory's pki.json.
 */
import { join } from 'node:path';
import { verifyEvidence, verifyProviderAnswers } from '../../../core/evidence';
import { cmsVerifier } from '../../../core/orders';
import { PathValidator, pinnedTrust, type TrustConfig } from '../../../signing/pki';
import { InputFileError, certificate, jsonObject } from '../../../signing/cli';
import { CliIo, Command, UsageError, args, guarded, nodeIo, readInput } from './io';

const USAGE = 'usage: court-hub verify-evidence FILE [--trust root.pem] [--crl root.crl --crl qualified.crl …] [--intermediates FILE] [--provider-cert population=population.pem …] [--pki DIR]';

async function trustFrom(io: CliIo, v: { trust?: string; crl?: string[]; intermediates?: string; pki?: string; 'provider-cert'?: string[] }): Promise<{ config: TrustConfig; providers: Map<string, string> }> {
  // A certificate file is checked here so a wrong one is named, not reported as a bare parser code later.
  const read = async (f: string) => { const b = await readInput(io, f); certificate(f, b); return b.toString('utf8'); };
  const providers = new Map<string, string>();
  if (v.trust) {
    for (const pair of v['provider-cert'] ?? []) {
      const eq = pair.indexOf('=');
      if (eq <= 0) throw new UsageError(`--provider-cert takes provider=FILE, not "${pair}"\n${USAGE}`);
      providers.set(pair.slice(0, eq), await read(pair.slice(eq + 1)));
    }
    return {
      config: {
        anchors: [await read(v.trust)],
        intermediates: v.intermediates ? [await read(v.intermediates)] : [],
        crls: await Promise.all((v.crl ?? []).map((f) => readInput(io, f))),
      },
      providers,
    };
  }
  const dir = v.pki ?? process.env.PKI_DIR ?? join(process.env.DATA_DIR ?? '.data', 'pki');
  const file = join(dir, 'pki.json');
  const s = jsonObject(file, await readInput(io, file)) as any;
  if (typeof s.rootCa?.cert !== 'string' || typeof s.qualifiedCa?.cert !== 'string' || typeof s.agencyCa?.cert !== 'string' || typeof s.crls !== 'object') {
    throw new InputFileError(`${file}: not a PKI summary written by \`court-hub pki init\``);
  }
  for (const p of Array.isArray(s.providers) ? s.providers : []) providers.set(String(p.id), await read(String(p.cert)));
  return {
    config: {
      anchors: [await read(s.rootCa.cert)],
      intermediates: [await read(s.qualifiedCa.cert), await read(s.agencyCa.cert)],
      crls: await Promise.all([s.crls.root, s.crls.qualified, s.crls.agency].map((f: string) => readInput(io, String(f)))),
    },
    providers,
  };
}

export const runVerifyEvidence: Command = (argv, io: CliIo = nodeIo) => guarded(io, async () => {
  const { values, positionals } = args(argv, {
    trust: { type: 'string' }, crl: { type: 'string', multiple: true }, intermediates: { type: 'string' }, pki: { type: 'string' }, json: { type: 'boolean' },
    'provider-cert': { type: 'string', multiple: true },
  }, USAGE);
  const file = positionals[0];
  if (!file) { io.err(USAGE); return 2; }
  const der = await readInput(io, file);
  const { config, providers } = await trustFrom(io, values);
  const validator = new PathValidator(config);
  const { packet, signer } = await verifyEvidence(der, cmsVerifier(validator));
  // The registries' own signatures, each against the certificate pinned for its provider, valid when the hub issued the packet.
  const at = new Date(packet.issuedAt);
  const answers = await verifyProviderAnswers(packet, (id) => {
    const pem = providers.get(id);
    return pem ? pinnedTrust(validator, pem, { at, what: `provider ${id}` }) : undefined;
  });
  if (values.json) {
    io.out(JSON.stringify(packet, null, 2));
    return 0;
  }
  io.out([
    `OK: evidence packet signed by ${signer.subjectDn}`,
    `  order ${packet.orderId}, case ${packet.caseNumber}, issued ${packet.issuedAt}`,
    `  order signed by certificate ${packet.judge.certSha256.slice(0, 16)}… at ${packet.judge.signingTime}`,
    ...packet.outcomes.map((o) => `  ${o.section.padEnd(8)} ${o.status.padEnd(11)} ${o.provider ?? ''}${o.error ? ` ${o.error.code}` : ''}${o.responseHash ? ` answer sha256 ${o.responseHash.slice(0, 16)}…` : ''}`),
    ...answers.map((a) => `  ${a.section.padEnd(8)} registry signature OK (${a.protocol.toUpperCase()}, ${a.provider} certificate ${a.signerCertSha256.slice(0, 16)}…), bound to its message`),
  ].join('\n'));
  return 0;
});
