/** JSON Schema validators for the contracts (ajv, the project's one validation engine). */
import Ajv from 'ajv';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';
import { modelSchemaPath, upstreamPath } from '../../../contracts/registries/paths';

/** model.<operation>.schema.json (draft-07, what the adapters validate their mapped output with). */
export function modelValidator(id: string, operation: string): import('ajv').ValidateFunction {
  const ajv = new Ajv({ allErrors: true, strict: true });
  addFormats(ajv);
  return ajv.compile(JSON.parse(readFileSync(modelSchemaPath(id, operation), 'utf8')));
}

export interface OpenApiDoc {
  openapi: string;
  paths: Record<string, Record<string, { operationId: string; parameters: { $ref: string }[]; responses: Record<string, { $ref?: string; content?: Record<string, unknown> }> }>>;
  components: { parameters: Record<string, { name: string; in: string; required?: boolean }>; responses: Record<string, { content: Record<string, { schema: unknown }> }>; schemas: Record<string, unknown> };
}

/** contracts/registries/<id>/upstream/<id>.openapi.json */
export function openApiOf(id: string): OpenApiDoc {
  return JSON.parse(readFileSync(upstreamPath(id, `${id}.openapi.json`), 'utf8')) as OpenApiDoc;
}

/**
 * Validates a body against the schema the OpenAPI document gives for (status, content type).
 * OpenAPI 3.1 schemas are JSON Schema 2020-12: the whole document is registered so that its
 * `#/components/schemas/...` references resolve.
 */
export function openApiResponseValidator(doc: OpenApiDoc, path: string, method: string) {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats(ajv);
  ajv.addSchema({ ...doc, $id: 'https://court-hub.local/upstream.openapi.json' } as object);
  const op = doc.paths[path][method];
  return (status: number, contentType: string, body: unknown): { valid: boolean; errors: string } => {
    let response = op.responses[String(status)];
    if (!response) return { valid: false, errors: `status ${status} not in the contract` };
    if (response.$ref) response = doc.components.responses[response.$ref.split('/').pop()!];
    const mediaType = contentType.split(';')[0].trim();
    const media = response.content?.[mediaType] as { schema: { $ref: string } } | undefined;
    if (!media) return { valid: false, errors: `content type ${mediaType} not in the contract for ${status}` };
    const validate = ajv.getSchema(`https://court-hub.local/upstream.openapi.json${media.schema.$ref}`);
    if (!validate) throw new Error(`unresolvable ${media.schema.$ref}`);
    const valid = validate(body) as boolean;
    return { valid, errors: ajv.errorsText(validate.errors) };
  };
}
