// A second, independent validator: @hyperjump/json-schema. The tests use it to meta-validate the
// schemas against draft 2020-12 and to check that ajv's verdicts are not an artefact of ajv.
import {
  hasSchema,
  registerSchema,
  setShouldValidateFormat,
  validate as hyperjumpValidate,
  type OutputUnit,
  type Validator,
} from '@hyperjump/json-schema/draft-2020-12';
import '@hyperjump/json-schema/formats';
import { loadSchemas, schemaId, type SchemaName } from './load.js';

/** The meta-schema every schema of this package declares. */
export const DRAFT_2020_12 = 'https://json-schema.org/draft/2020-12/schema';

/** Where and which keyword failed, as hyperjump reports it (no message text: it has none). */
export interface CrossCheckError {
  /** JSON pointer to the failing value; "" is the document itself. */
  pointer: string;
  /** The keyword's last URI segment, e.g. "type", "format", "required". */
  keyword: string;
}

type Json = Parameters<Validator>[0];

export interface CrossCheckResult {
  valid: boolean;
  errors: CrossCheckError[];
}

let registered = false;

// Hyperjump downloads any absolute URL it does not hold, and throws when an $id is registered
// twice; so every schema of schemas/ is registered once, before the first validation.
function registerAll(): void {
  if (registered) return;

  setShouldValidateFormat(true);
  for (const schema of loadSchemas().values()) {
    if (!hasSchema(schema.$id)) registerSchema(schema as Parameters<typeof registerSchema>[0]);
  }
  registered = true;
}

/** Validates `data` against one of the package's schemas with @hyperjump/json-schema. */
export async function crossValidate(name: SchemaName, data: unknown): Promise<CrossCheckResult> {
  registerAll();
  return run(schemaId(name), data);
}

/** Validates a schema document against the draft 2020-12 meta-schema with @hyperjump/json-schema. */
export async function metaValidate(schema: unknown): Promise<CrossCheckResult> {
  registerAll();
  return run(DRAFT_2020_12, schema);
}

async function run(schemaUri: string, data: unknown): Promise<CrossCheckResult> {
  const output = await hyperjumpValidate(schemaUri, data as Json, 'BASIC');
  if (output.valid) return { valid: true, errors: [] };
  return { valid: false, errors: (output.errors ?? []).map(toError) };
}

function toError(unit: OutputUnit): CrossCheckError {
  return { pointer: pointerOf(unit.instanceLocation), keyword: unit.keyword.split('/').pop() ?? '' };
}

// Hyperjump gives locations as URI fragments ("#/_links/osdi:script"); a pointer drops the "#"
// and the percent-encoding.
function pointerOf(instanceLocation: string): string {
  return decodeURIComponent(instanceLocation.replace(/^#/, ''));
}
