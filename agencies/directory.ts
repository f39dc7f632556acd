/**
 * Loads and checks the agencies directory (agencies/directory.json): every violation listed at
 * once, then frozen. A pin `pki:<name>` is resolved through the hub's PKI directory; an agency
 * whose pinned certificate cannot be resolved is left out (no key, no access: fail closed).
 */
import { hash, X509Certificate } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Ajv from 'ajv';
import { HubError } from '../contracts/hub';
import { AGENCY_METHODS, PARTY_FIELDS, memberIdOf, type Agency, type AgencyEntry } from './directory.types';

const AGENCY_SCHEMA = {
  type: 'object', additionalProperties: false, required: ['id', 'title', 'xroad', 'certificate', 'rules'],
  properties: {
    id: { type: 'string', pattern: '^[a-z][a-z0-9-]{1,39}$' },
    title: { type: 'object', additionalProperties: false, required: ['az', 'en'], properties: { az: { type: 'string', minLength: 2 }, en: { type: 'string', minLength: 2 } } },
    xroad: {
      type: 'object', additionalProperties: false, required: ['instance', 'memberClass', 'memberCode', 'subsystemCode'],
      properties: { instance: { type: 'string', minLength: 1 }, memberClass: { enum: ['GOV', 'COM', 'NGO', 'NEE'] }, memberCode: { type: 'string', minLength: 1 }, subsystemCode: { type: 'string', minLength: 1 } },
    },
    certificate: { type: 'string', pattern: '^(sha256:[0-9a-f]{64}|pki:[a-z][a-z0-9-]*)$' },
    callbackUrl: { type: 'string', pattern: '^https?://' },
    callbackEnv: { type: 'string', pattern: '^[A-Z][A-Z0-9_]*$' },
    rules: {
      type: 'object', additionalProperties: false, required: ['decisionKinds', 'actions', 'enforcement', 'partyFields', 'operativePart', 'methods'],
      properties: {
        decisionKinds: { type: 'array', uniqueItems: true, items: { enum: ['judgment', 'sentence', 'ruling', 'order', 'decision'] } },
        actions: { type: 'array', uniqueItems: true, items: { type: 'string', pattern: '^[a-z][a-z-]{1,39}$' } },
        enforcement: { type: 'boolean' },
        partyFields: { type: 'array', uniqueItems: true, items: { enum: PARTY_FIELDS } },
        operativePart: { type: 'boolean' },
        methods: { type: 'array', uniqueItems: true, items: { enum: AGENCY_METHODS } },
      },
    },
  },
} as const;

const FILE_SCHEMA = {
  type: 'object', additionalProperties: false, required: ['agencies'],
  properties: { comment: { type: 'string' }, agencies: { type: 'array', items: AGENCY_SCHEMA } },
} as const;

const check = new Ajv({ allErrors: true, strict: true }).compile(FILE_SCHEMA);

/** agencies/directory.json in the source tree (tsc does not copy JSON into dist/). */
export function directoryPath(): string {
  const candidates = [__dirname, resolve(__dirname, '..', '..', 'agencies')];
  const found = candidates.find((d) => existsSync(join(d, 'directory.json')));
  if (!found) throw new HubError('HUB_ERR_CONFIG_INVALID', { message: `agencies/directory.json not found near ${__dirname}` });
  return join(found, 'directory.json');
}

export function parseDirectory(json: unknown): AgencyEntry[] {
  if (!check(json)) {
    const violations = (check.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? 'is invalid'}`);
    throw new HubError('HUB_ERR_CONFIG_INVALID', { message: `The agencies directory is invalid: ${violations.slice(0, 3).join('; ')}`, details: { violations } });
  }
  const entries = (json as { agencies: AgencyEntry[] }).agencies;
  const dup = (k: (a: AgencyEntry) => string) => entries.map(k).filter((v, i, all) => all.indexOf(v) !== i);
  const violations = [...dup((a) => a.id).map((id) => `/agencies id ${id} is listed twice`), ...dup((a) => memberIdOf(a.xroad)).map((m) => `/agencies member ${m} is listed twice`)];
  if (violations.length > 0) throw new HubError('HUB_ERR_CONFIG_INVALID', { message: `The agencies directory is invalid: ${violations.join('; ')}`, details: { violations } });
  return Object.freeze(entries.map((e) => Object.freeze(e))) as AgencyEntry[];
}

export interface ResolveOptions {
  /** The PEM certificate of a `pki:<name>` pin, when the PKI directory has one. */
  pkiCert(name: string): string | undefined;
  env?: Readonly<Record<string, string | undefined>>;
  /** Callback URLs set by the caller (the mock agencies of `npm start`), over the file and env. */
  callbacks?: Record<string, string>;
}

export const certSha256 = (pem: string): string => hash('sha256', new X509Certificate(pem).raw, 'hex');

/** The directory as the hub uses it, and the agencies left out because their pin did not resolve. */
export function resolveDirectory(entries: readonly AgencyEntry[], o: ResolveOptions): { agencies: Omit<Agency, 'active'>[]; skipped: string[] } {
  const agencies: Omit<Agency, 'active'>[] = [];
  const skipped: string[] = [];
  for (const e of entries) {
    let sha: string | undefined;
    if (e.certificate.startsWith('sha256:')) sha = e.certificate.slice(7);
    else {
      const pem = o.pkiCert(e.certificate.slice(4));
      sha = pem ? certSha256(pem) : undefined;
    }
    if (!sha) { skipped.push(e.id); continue; }
    const callbackUrl = o.callbacks?.[e.id] ?? (e.callbackEnv ? o.env?.[e.callbackEnv] : undefined) ?? e.callbackUrl ?? null;
    agencies.push({ id: e.id, memberId: memberIdOf(e.xroad), certSha256: sha, callbackUrl: callbackUrl || null, rules: e.rules });
  }
  return { agencies, skipped };
}

export function loadDirectory(file = directoryPath()): AgencyEntry[] {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    throw new HubError('HUB_ERR_CONFIG_INVALID', { message: `The agencies directory ${file} cannot be read as JSON` });
  }
  return parseDirectory(json);
}
