import { Type, type Schema } from '@google/genai';
import type { JsonSchema } from '../../core/triage/index.js';

const TYPES: Readonly<Record<string, Type>> = {
  string: Type.STRING,
  number: Type.NUMBER,
  integer: Type.INTEGER,
  boolean: Type.BOOLEAN,
  array: Type.ARRAY,
  object: Type.OBJECT,
};

/**
 * Converts the shared JSON schema to Gemini's `responseSchema` (an OpenAPI
 * 3.0 subset): `["string","null"]` becomes `nullable`, properties keep
 * their order through `propertyOrdering` (Gemini otherwise sorts them), and
 * `additionalProperties`, which Gemini does not accept there, is dropped.
 */
export function toGeminiSchema(schema: JsonSchema): Schema {
  const types = schema.type === undefined ? [] : Array.isArray(schema.type) ? (schema.type as readonly string[]) : [schema.type as string];
  const nonNull = types.filter((t) => t !== 'null');
  const out: Schema = {};
  const type = nonNull[0] ? TYPES[nonNull[0]] : undefined;
  if (type) out.type = type;
  if (types.includes('null')) out.nullable = true;
  if (schema.description) out.description = schema.description;
  if (schema.enum) {
    out.enum = [...schema.enum];
    if (!type) out.type = Type.STRING;
  }
  if (schema.items) out.items = toGeminiSchema(schema.items);
  if (schema.properties) {
    out.properties = Object.fromEntries(Object.entries(schema.properties).map(([k, v]) => [k, toGeminiSchema(v)]));
    out.propertyOrdering = Object.keys(schema.properties);
  }
  if (schema.required) out.required = [...schema.required];
  return out;
}
