import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../package-root.js';

/** A JSON Schema document as read from schemas/. */
export type SchemaDocument = { $id: string; [keyword: string]: unknown };

/** The schema files this package ships, by file name (e.g. "phonebank.schema.json"). */
export type SchemaName =
  | 'common.schema.json'
  | 'phonebank.schema.json'
  | 'phonebank-collection.schema.json'
  | 'phonebank-create.schema.json'
  | 'phonebank-update.schema.json'
  | 'aep.schema.json'
  | 'error.schema.json'
  | 'person.schema.json'
  | 'script.schema.json'
  | 'list.schema.json'
  | 'tagging.schema.json'
  | 'phonebank-result.schema.json'
  | 'linked-collection.schema.json'
  | (string & {});

export function schemasDir(): string {
  return join(packageRoot(), 'schemas');
}

let cache: Map<string, SchemaDocument> | undefined;

/** Every schema in schemas/, keyed by file name. Read once. */
export function loadSchemas(): Map<string, SchemaDocument> {
  if (cache) return cache;

  cache = new Map();
  for (const file of readdirSync(schemasDir()).filter((f) => f.endsWith('.schema.json')).sort()) {
    cache.set(file, JSON.parse(readFileSync(join(schemasDir(), file), 'utf8')) as SchemaDocument);
  }
  return cache;
}

export function schemaId(name: SchemaName): string {
  const schema = loadSchemas().get(name);
  if (!schema) throw new Error(`osdi-conformance: no schema named ${name} in ${schemasDir()}`);
  return schema.$id;
}
