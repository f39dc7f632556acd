/** JSON Schemas of the catalog entries (docs/conventions.md §2: one validation engine, ajv). */
const title = {
  type: 'object', additionalProperties: false, required: ['az', 'en'],
  properties: { az: { type: 'string', minLength: 3 }, en: { type: 'string', minLength: 3 } },
} as const;

export const categorySchema = {
  type: 'object',
  additionalProperties: false,
  required: ['section', 'title', 'provider', 'operation', 'protocol', 'basis', 'secrecy', 'subjects', 'timeoutMs'],
  properties: {
    section: { type: 'string', pattern: '^11\\.2\\.([1-9]|1[0-9]|2[0-6])$' },
    title,
    provider: { type: 'string', pattern: '^[a-z][a-z0-9-]*$' },
    operation: { type: 'string', pattern: '^[a-z][A-Za-z0-9]*$' },
    protocol: { enum: ['soap', 'rest'] },
    basis: { enum: ['request', 'decision'] },
    secrecy: { enum: ['public-register', 'tax', 'personal', 'criminal', 'bank', 'commercial'] },
    subjects: { type: 'array', minItems: 1, uniqueItems: true, items: { enum: ['fin', 'voen'] } },
    timeoutMs: { type: 'integer', minimum: 100, maximum: 60000 },
  },
} as const;

export const providerSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['id', 'title', 'protocol', 'xroad', 'endpointEnv', 'defaultEndpoint', 'breaker', 'retry'],
  properties: {
    id: { type: 'string', pattern: '^[a-z][a-z0-9-]*$' },
    title,
    protocol: { enum: ['soap', 'rest'] },
    xroad: {
      type: 'object', additionalProperties: false,
      required: ['instance', 'memberClass', 'memberCode', 'subsystemCode'],
      properties: {
        instance: { type: 'string', minLength: 1 },
        memberClass: { enum: ['GOV', 'COM', 'NGO', 'NEE'] },
        memberCode: { type: 'string', minLength: 1 },
        subsystemCode: { type: 'string', minLength: 1 },
      },
    },
    endpointEnv: { type: 'string', pattern: '^PROVIDER_[A-Z0-9_]+_URL$' },
    defaultEndpoint: { anyOf: [{ type: 'null' }, { type: 'string', pattern: '^https?://' }] },
    breaker: {
      type: 'object', additionalProperties: false,
      required: ['errorThresholdPercentage', 'volumeThreshold', 'resetTimeoutMs', 'rollingCountTimeoutMs', 'capacity'],
      properties: {
        errorThresholdPercentage: { type: 'integer', minimum: 1, maximum: 100 },
        volumeThreshold: { type: 'integer', minimum: 1 },
        resetTimeoutMs: { type: 'integer', minimum: 10 },
        rollingCountTimeoutMs: { type: 'integer', minimum: 100 },
        capacity: { type: 'integer', minimum: 1 },
      },
    },
    retry: {
      type: 'object', additionalProperties: false, required: ['attempts', 'baseDelayMs'],
      properties: { attempts: { type: 'integer', minimum: 1, maximum: 5 }, baseDelayMs: { type: 'integer', minimum: 0 } },
    },
  },
} as const;
