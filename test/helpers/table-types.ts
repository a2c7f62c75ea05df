// What a spec table's Type cell means in JSON Schema (general.md, Notational Conventions), for
// the tests that hold the schemas to the field tables (test/*tables-coverage.test.ts).
import { loadSchemas } from '../../src/schemas/index.js';
import type { TableRow } from '../../src/spec/tables.js';

export type Node = Record<string, unknown>;

/** A type as the table says it and as the schema says it, in one comparable form. */
export interface TypeSummary {
  type: string;
  format?: string;
  values?: string[];
}

const common = loadSchemas().get('common.schema.json') as Node;

/** `node` with a `$ref` into common.schema.json's $defs followed. */
export function resolve(node: Node): Node {
  const ref = node.$ref;
  if (typeof ref !== 'string') return node;
  const match = /^common\.schema\.json#\/\$defs\/(\w+)$/.exec(ref);
  if (!match) throw new Error(`unexpected $ref ${ref}`);
  return resolve((common.$defs as Record<string, Node>)[match[1]!]!);
}

export function types(node: Node): string[] {
  return ([] as unknown[]).concat(node.type ?? []).map(String);
}

/** Type[] is an array of objects, [Name](#anchor) an object the page breaks out below. */
export function expectedFor(row: TableRow): TypeSummary {
  switch (row.type) {
    case 'string':
    case 'integer':
    case 'boolean':
      return { type: row.type };
    case 'float':
      return { type: 'number' };
    case 'object':
      return { type: 'object' };
    case 'datetime':
      return { type: 'string', format: 'date-time' };
    case 'strings[]':
    case 'string[]':
      return { type: 'string[]' };
    case 'flexenum':
    case 'enum':
      return { type: row.type, values: listedValues(row.description) };
    default:
      if (/^\[[^\]]+\[\]\]\(#[\w-]+\)$/.test(row.type)) return { type: 'object[]' };
      if (/^\[[^\]]+\]\(#[\w-]+\)$/.test(row.type)) return { type: 'object' };
      throw new Error(`line ${row.line}: no mapping for table type "${row.type}"`);
  }
}

// The quoted values after "One of" or "Possible values are"; gender's description quotes
// "Other" once before its list too.
function listedValues(description: string): string[] {
  const list = description.split(/one of|possible values are/i).pop() ?? description;
  return [...new Set([...list.matchAll(/"([^"]+)"/g)].map((m) => m[1]!))];
}

export function schemaTypeOf(property: Node): TypeSummary {
  if (Array.isArray(property['x-osdi-flexenum'])) {
    return { type: 'flexenum', values: property['x-osdi-flexenum'] as string[] };
  }
  if (Array.isArray(property.enum)) {
    return {
      type: 'enum',
      values: (property.enum as unknown[]).filter((v) => v !== null) as string[],
    };
  }
  const [type = ''] = types(property).filter((t) => t !== 'null');
  if (type === 'array') return { type: `${types(resolve(property.items as Node)).join()}[]` };
  return typeof property.format === 'string' ? { type, format: property.format } : { type };
}
