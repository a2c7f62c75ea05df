import { loadSchemas } from '../schemas/index.js';

const NOT_FIELDS = new Set(['identifiers', '_links', 'osdi:control']);

let settable: string[] | undefined;

/**
 * The Phonebank fields a client may set, in the order of phonebank-create.schema.json, which
 * follows phone_bank.md's field table. Read-only fields (created_date, modified_date,
 * total_completed) are not among them, so a request that sends them is ignored there.
 */
export function settableFields(): readonly string[] {
  if (settable) return settable;

  const schema = loadSchemas().get('phonebank-create.schema.json') as { properties?: object };
  settable = Object.keys(schema.properties ?? {}).filter((name) => !NOT_FIELDS.has(name));
  return settable;
}
