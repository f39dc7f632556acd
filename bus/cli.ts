#!/usr/bin/env node
/* eslint-disable @typescript-eslint/no-require-imports */
import fs from 'node:fs';
import path from 'node:path';
import type { PkiSummary } from '../signing/test-ca';
import { COURT_COMMANDS } from './api/cli';

/**
 * `court-hub <command>`: the package's CLI. Each command is a function returning an exit code
 * (0 ok, 1 refused / invalid, 2 bad usage); this file only dispatches. A command loads only what
 * it uses: every module beyond node's own is required inside the command's branch (or, for the
 * court commands, by bus/api/cli's lazy table), so `court-hub help` loads nothing else.
 */
const USAGE = `usage: court-hub <command> [options]
  pki init [--dir DIR] [--key-type rsa|ec]         write a throw-away test PKI (prints a JSON summary)
  cms sign --in FILE --cert PEM --key PEM --out FILE.p7s [--chain PEM ...]
  cms verify --in FILE --sig FILE.p7s [--trust PEM ...] [--crl FILE ...] [--ocsp-url URL]
  order create --case N --subject FIN|VOEN --categories 11.2.22,11.2.3 [--decision ID] [--purpose TEXT] [--institutions 11.2.13=bank-004] [--follow-up-of ID]
  order sign --in order.json --cert judge.crt.pem --key judge.key.pem [--chain PEM ...] [--out order.sig]
  lookup --order order.json --sig order.sig [--url URL] [--out evidence.p7s] [--cert judge.crt.pem --key judge.key.pem]
  verify-evidence FILE [--pki DIR | --trust root.pem ...]
  audit verify [--json]                            walk the audit chain (DATABASE_URL or DATA_DIR)
  access-report --subject FIN --cert PEM --key PEM [--url URL]
  delegate --case N --staff FIN[,FIN] --cert judge.crt.pem --key judge.key.pem [--hours 8] [--url URL]
  verify-identity --case N --subject FIN --surname S --given-name G [--patronymic P] --birth-date YYYY-MM-DD
                  --document NUMBER --cert clerk.crt.pem --key clerk.key.pem [--url URL]
  decision create --case N --court ID --judge FIN --kind K --party ROLE:ID:NAME … --operative TEXT --text-file F
                  [--enforce] [--addressee AGENCY:ACTION[+ACTION]:ID[+ID] …]
  decision sign --in decision.json --cert judge.crt.pem --key judge.key.pem [--out decision.signed.json]
  decision submit --in decision.signed.json [--url URL]
  decision in-force --in decision.signed.json --cert judge.crt.pem --key judge.key.pem [--at ISO] [--url URL]
  decision status --decision ID --cert judge.crt.pem --key judge.key.pem [--url URL]
  publication draft|review|approve|deadlines …      a signed decision's anonymized publication (publication --help)
Commands that talk to the hub use --url, else $COURT_HUB_URL, else http://127.0.0.1:8080.
Every command answers --help (or -h) with its usage.`;

const stdio = {
  out: (t: string) => process.stdout.write(t.endsWith('\n') ? t : `${t}\n`),
  err: (t: string) => process.stderr.write(t.endsWith('\n') ? t : `${t}\n`),
};

const loadConfig = (): import('./config').HubConfig => (require('./config') as typeof import('./config')).loadConfig();

function pkiDir(): string {
  const cfg = loadConfig();
  return cfg.pkiDir ?? path.join(cfg.dataDir, 'pki');
}

async function dispatch(argv: string[]): Promise<number> {
  const [cmd, ...rest] = argv;
  switch (cmd) {
    case 'pki': {
      const { runPkiCommand } = require('../signing/cli') as typeof import('../signing/cli');
      const { PROVIDERS } = require('../registry') as typeof import('../registry');
      const people = (require('./hub-pki') as typeof import('./hub-pki')).demoPkiPeople();
      return runPkiCommand(rest, stdio, { people, providers: PROVIDERS.map((p) => p.id), defaultDir: 'pki' });
    }
    case 'cms':
      return (require('../signing/cli') as typeof import('../signing/cli')).runCmsCommand(rest, stdio);
    case 'audit': {
      if (rest.includes('--help') || rest.includes('-h')) { stdio.out('usage: court-hub audit verify [--json]'); return 0; }
      if (rest[0] !== 'verify') { stdio.err('usage: court-hub audit verify [--json]'); return 2; }
      const { jsonObject } = require('../signing/cli') as typeof import('../signing/cli');
      const { runAuditVerify } = require('../core/audit') as typeof import('../core/audit');
      const { runningEmbeddedServerUrl } = require('../core/store') as typeof import('../core/store');
      const { checkpointVerifier, openCoreStore } = require('./core-wiring') as typeof import('./core-wiring');
      const { loadHubPki } = require('./hub-pki') as typeof import('./hub-pki');
      const cfg = loadConfig();
      const summaryFile = path.join(pkiDir(), 'pki.json');
      if (!fs.existsSync(summaryFile)) { stdio.err(`no PKI at ${summaryFile}: the hub has not run here yet (set DATA_DIR or PKI_DIR)`); return 2; }
      const pki = loadHubPki(jsonObject(summaryFile, fs.readFileSync(summaryFile)) as unknown as PkiSummary);
      // A running hub's embedded server is read through its socket; otherwise this command starts it.
      const running = cfg.databaseUrl ? null : runningEmbeddedServerUrl(cfg.dataDir);
      return runAuditVerify(rest.slice(1), {
        openDb: () => openCoreStore(running ? { ...cfg, databaseUrl: running } : cfg),
        verifyCheckpoint: checkpointVerifier(pki),
        stdout: stdio.out,
        stderr: stdio.err,
      });
    }
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      stdio.out(USAGE);
      return cmd === undefined ? 2 : 0;
    default: {
      const court = COURT_COMMANDS[cmd];
      if (court) return court(rest, (require('./api/cli/io') as typeof import('./api/cli/io')).nodeIo);
      stdio.err(`unknown command "${cmd}"\n${USAGE}`);
      return 2;
    }
  }
}

dispatch(process.argv.slice(2)).then((code) => { process.exitCode = code; }, (err) => {
  const { HubError } = require('../contracts/hub') as typeof import('../contracts/hub');
  const { InputFileError } = require('../signing/cli') as typeof import('../signing/cli');
  stdio.err(`court-hub: ${err instanceof HubError ? `${err.code}: ${err.message}` : err instanceof InputFileError ? err.message : `unexpected ${err?.name ?? 'failure'}`}`);
  process.exitCode = err instanceof HubError && err.category === 'validation' ? 2 : 1;
});
