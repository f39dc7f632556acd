/**
 * A party is named by FIN (personal identification code: 7 characters, digits and Latin capitals)
 * or VÖEN (taxpayer identification number: 10 digits). JSON Schema, shared by every validator.
 */
export const FIN_PATTERN = '^[0-9A-Z]{7}$';
export const VOEN_PATTERN = '^[0-9]{10}$';

export const SUBJECT_SCHEMA = {
  oneOf: [
    { type: 'object', additionalProperties: false, required: ['fin'], properties: { fin: { type: 'string', pattern: FIN_PATTERN } } },
    { type: 'object', additionalProperties: false, required: ['voen'], properties: { voen: { type: 'string', pattern: VOEN_PATTERN } } },
  ],
} as const;
