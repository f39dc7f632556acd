import Ajv from 'ajv';
import { HubError } from '../contracts/hub';

/**
 * Configuration from the environment, validated once at start-up (docs/conventions.md §12): every
 * violation listed at once, defaults applied, then frozen.
 */
export interface HubConfig {
  port: number;
  host: string;
  /** unset: in-process bus; nats://host:port: NATS */
  transporter: string | null;
  transporterConnectTimeoutMs: number;
  nodeId: string | null;
  /** Which service groups this process runs. */
  services: ServiceGroup[];
  /** Start the mock agencies in this process (embedded default). */
  mocks: boolean;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug';
  databaseUrl: string | null;
  dataDir: string;
  pkiDir: string | null;
  /** Default lookup deadline, ms. */
  lookupDeadlineMs: number;
  /** How often a core node ends abandoned attempts, ms (0: only at start-up). */
  recoveryIntervalMs: number;
  /** Largest HTTP request body accepted, bytes. */
  maxBodyBytes: number;
  /** Seed the demo courts, roster and cases (and bind the demo PKI's certificates). */
  seedDemo: boolean;
  /** HMAC key for personal codes in the audit trail; required with DATABASE_URL. */
  auditHmacKey: string | null;
  /** Key type of a demo PKI made on first start. */
  pkiKeyType: 'ec' | 'rsa';
  /** The hub key in an HSM (PKCS#11) instead of the PKI directory's PEM file. */
  hubKeyPkcs11: { library: string; tokenLabel: string; pin: string; keyLabel: string } | null;
}

export type ServiceGroup = 'gateway' | 'core' | 'adapters' | 'mocks';
export const SERVICE_GROUPS: ServiceGroup[] = ['gateway', 'core', 'adapters', 'mocks'];

/** Documented in README.md "Configuration"; a test keeps the two in sync. */
export const CONFIG_KEYS = {
  PORT: 'HTTP port of the gateway (default 8080)',
  HOST: 'HTTP bind address (default 0.0.0.0)',
  TRANSPORTER: 'unset: one process, in-process bus; nats://host:port: services talk over NATS',
  TRANSPORTER_CONNECT_TIMEOUT_MS: 'start-up fails if the transporter is not connected within this time (default 10000)',
  NODE_ID: 'Moleculer node id (default: host name + pid)',
  SERVICES: 'comma list of gateway,core,adapters,mocks or "all" (default all)',
  MOCKS: '1/0: start the mock agencies in this process (default 1 when SERVICES includes mocks)',
  LOG_LEVEL: 'fatal, error, warn, info or debug (default info)',
  DATABASE_URL: 'PostgreSQL URL of an external server; unset: the hub starts its own PostgreSQL with data in DATA_DIR',
  DATA_DIR: 'directory of the embedded PostgreSQL and the demo PKI (default .data); one hub per DATA_DIR',
  PKI_DIR: 'directory of the PKI (default DATA_DIR/pki, created on first start)',
  LOOKUP_DEADLINE_MS: 'default deadline of a lookup (default 5000)',
  RECOVERY_INTERVAL_MS: 'how often a core node ends attempts abandoned by a dead node (default 30000; 0: only at start-up)',
  MAX_BODY_BYTES: 'largest HTTP request body (default 1048576)',
  SEED_DEMO: '1/0: seed the demo courts, roster and cases (default 1 without DATABASE_URL)',
  AUDIT_HMAC_KEY: 'key of the HMAC that hides personal codes in the audit trail (required with DATABASE_URL)',
  PKI_KEY_TYPE: 'ec (ECDSA P-256, default) or rsa (RSA-2048): key type of the demo PKI made on first start',
  HUB_KEY_PKCS11_LIBRARY: 'PKCS#11 module of the HSM holding the hub key (e.g. /usr/lib/softhsm/libsofthsm2.so); unset: PEM key of PKI_DIR',
  HUB_KEY_PKCS11_TOKEN: 'token label (with HUB_KEY_PKCS11_LIBRARY)',
  HUB_KEY_PKCS11_PIN: 'user PIN of the token (with HUB_KEY_PKCS11_LIBRARY)',
  HUB_KEY_PKCS11_LABEL: 'label of the hub private key in the token (with HUB_KEY_PKCS11_LIBRARY)',
} as const;

const schema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    port: { type: 'integer', minimum: 0, maximum: 65535 },
    host: { type: 'string', minLength: 1 },
    transporter: { anyOf: [{ type: 'null' }, { type: 'string', pattern: '^nats://[^\\s]+$' }] },
    transporterConnectTimeoutMs: { type: 'integer', minimum: 100, maximum: 600000 },
    nodeId: { anyOf: [{ type: 'null' }, { type: 'string', pattern: '^[A-Za-z0-9._-]+$' }] },
    services: { type: 'array', minItems: 1, uniqueItems: true, items: { enum: SERVICE_GROUPS } },
    mocks: { type: 'boolean' },
    logLevel: { enum: ['fatal', 'error', 'warn', 'info', 'debug'] },
    databaseUrl: { anyOf: [{ type: 'null' }, { type: 'string', pattern: '^postgres(ql)?://' }] },
    dataDir: { type: 'string', minLength: 1 },
    pkiDir: { anyOf: [{ type: 'null' }, { type: 'string', minLength: 1 }] },
    lookupDeadlineMs: { type: 'integer', minimum: 100, maximum: 120000 },
    recoveryIntervalMs: { type: 'integer', minimum: 0, maximum: 3600000 },
    maxBodyBytes: { type: 'integer', minimum: 1024, maximum: 67108864 },
    seedDemo: { type: 'boolean' },
    auditHmacKey: { anyOf: [{ type: 'null' }, { type: 'string', minLength: 16 }] },
    pkiKeyType: { enum: ['ec', 'rsa'] },
    hubKeyPkcs11: {
      anyOf: [{ type: 'null' }, {
        type: 'object', additionalProperties: false, required: ['library', 'tokenLabel', 'pin', 'keyLabel'],
        properties: { library: { type: 'string', minLength: 1 }, tokenLabel: { type: 'string', minLength: 1 }, pin: { type: 'string', minLength: 1 }, keyLabel: { type: 'string', minLength: 1 } },
      }],
    },
  },
} as const;
const validate = new Ajv({ allErrors: true }).compile(schema);

function int(v: string | undefined, dflt: number): number | string {
  if (v === undefined || v === '') return dflt;
  return /^\d+$/.test(v) ? Number(v) : v; // a non-number stays a string so the schema names it
}

function bool(v: string | undefined, dflt: boolean): boolean | string {
  if (v === undefined || v === '') return dflt;
  if (/^(1|true|yes|on)$/i.test(v)) return true;
  if (/^(0|false|no|off)$/i.test(v)) return false;
  return v;
}

const KEY_NAMES: Record<string, keyof typeof CONFIG_KEYS> = {
  port: 'PORT', host: 'HOST', transporter: 'TRANSPORTER', transporterConnectTimeoutMs: 'TRANSPORTER_CONNECT_TIMEOUT_MS',
  nodeId: 'NODE_ID', services: 'SERVICES', mocks: 'MOCKS', logLevel: 'LOG_LEVEL', databaseUrl: 'DATABASE_URL',
  dataDir: 'DATA_DIR', pkiDir: 'PKI_DIR', lookupDeadlineMs: 'LOOKUP_DEADLINE_MS', recoveryIntervalMs: 'RECOVERY_INTERVAL_MS', maxBodyBytes: 'MAX_BODY_BYTES',
  seedDemo: 'SEED_DEMO', auditHmacKey: 'AUDIT_HMAC_KEY', pkiKeyType: 'PKI_KEY_TYPE', hubKeyPkcs11: 'HUB_KEY_PKCS11_LIBRARY' /* and its TOKEN, PIN, LABEL */,
};

export function loadConfig(env: Record<string, string | undefined> = process.env): Readonly<HubConfig> {
  const servicesRaw = (env.SERVICES ?? 'all').trim();
  const services = servicesRaw === 'all' ? [...SERVICE_GROUPS] : servicesRaw.split(',').map((s) => s.trim()).filter(Boolean);
  const raw: Record<string, unknown> = {
    port: int(env.PORT, 8080),
    host: env.HOST || '0.0.0.0',
    transporter: env.TRANSPORTER || null,
    transporterConnectTimeoutMs: int(env.TRANSPORTER_CONNECT_TIMEOUT_MS, 10000),
    nodeId: env.NODE_ID || null,
    services,
    mocks: bool(env.MOCKS, services.includes('mocks')),
    logLevel: env.LOG_LEVEL || 'info',
    databaseUrl: env.DATABASE_URL || null,
    dataDir: env.DATA_DIR || '.data',
    pkiDir: env.PKI_DIR || null,
    lookupDeadlineMs: int(env.LOOKUP_DEADLINE_MS, 5000),
    recoveryIntervalMs: int(env.RECOVERY_INTERVAL_MS, 30000),
    maxBodyBytes: int(env.MAX_BODY_BYTES, 1048576),
    seedDemo: bool(env.SEED_DEMO, !env.DATABASE_URL),
    auditHmacKey: env.AUDIT_HMAC_KEY || null,
    pkiKeyType: env.PKI_KEY_TYPE || 'ec',
    hubKeyPkcs11: env.HUB_KEY_PKCS11_LIBRARY
      ? { library: env.HUB_KEY_PKCS11_LIBRARY, tokenLabel: env.HUB_KEY_PKCS11_TOKEN ?? '', pin: env.HUB_KEY_PKCS11_PIN ?? '', keyLabel: env.HUB_KEY_PKCS11_LABEL ?? '' }
      : null,
  };
  if (!validate(raw)) {
    const violations = (validate.errors ?? []).map((e) => {
      const field = e.instancePath.split('/')[1] ?? '';
      return `${KEY_NAMES[field] ?? field} ${e.message}`;
    });
    throw new HubError('HUB_ERR_CONFIG_INVALID', {
      message: `The configuration is invalid: ${violations.join('; ')}`,
      details: { violations },
    });
  }
  return Object.freeze(raw as unknown as HubConfig);
}
