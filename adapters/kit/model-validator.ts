/**
 * Mapped answers are validated against the provider's model JSON Schema
 * (contracts/registries/<provider>/model.schema.json) with ajv, the one validation engine
 * (docs/conventions.md §2). A mapped answer that breaks its contract is a bad answer, never data.
 * Schemas are compiled once per service start; a missing or invalid schema stops start-up.
 */
import { readFileSync } from 'node:fs';
import Ajv from 'ajv';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import type { ValidateFunction } from 'ajv';
import { HubError } from '../../contracts/hub';
import type { AdapterDescriptor } from './descriptor';
import type { ModelCheck } from './engine-types';
import { upstreamError } from './upstream-errors';

function compile(provider: string, path: string): ValidateFunction {
  let schema: { $schema?: string };
  try {
    schema = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new HubError('HUB_ERR_CONFIG_INVALID', { message: `The model schema of adapter ${provider} could not be read`, details: { provider, path }, cause: err });
  }
  const ajv = typeof schema.$schema === 'string' && schema.$schema.includes('2020-12')
    ? new Ajv2020({ allErrors: false, strict: false })
    : new Ajv({ allErrors: false, strict: false });
  addFormats(ajv);
  try {
    return ajv.compile(schema);
  } catch (err) {
    throw new HubError('HUB_ERR_CONFIG_INVALID', { message: `The model schema of adapter ${provider} is not a valid JSON Schema`, details: { provider, path }, cause: err });
  }
}

export function createModelCheck(d: AdapterDescriptor): ModelCheck {
  const byPath = new Map<string, ValidateFunction>();
  const byOp = new Map<string, ValidateFunction>();
  for (const op of d.operations) {
    let v = byPath.get(op.modelSchema);
    if (!v) { v = compile(d.provider, op.modelSchema); byPath.set(op.modelSchema, v); }
    byOp.set(op.name, v);
  }
  return (operation, data) => {
    const v = byOp.get(operation);
    if (!v) throw new HubError('HUB_ERR_SYSTEM_INTERNAL', { details: { provider: d.provider, operation, reason: 'no-model-schema' } });
    if (!v(data)) {
      // Paths and keywords only: the offending values are personal data.
      const violations = (v.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.keyword}`);
      throw upstreamError('HUB_ERR_UPSTREAM_BAD_ANSWER', { provider: d.provider, operation }, { reason: 'model', violations });
    }
  };
}
