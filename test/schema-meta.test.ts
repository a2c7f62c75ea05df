import { describe, expect, it } from 'vitest';
import { loadSchemas, type SchemaDocument } from '../src/schemas/index.js';
import { DRAFT_2020_12, metaValidate } from '../src/schemas/cross-check.js';

type Node = Record<string, unknown>;

// The resource schemas; report and findings schemas belong to the CLI and are checked there.
const RESOURCE_SCHEMAS = [
  'common.schema.json',
  'phonebank.schema.json',
  'phonebank-collection.schema.json',
  'phonebank-create.schema.json',
  'phonebank-update.schema.json',
  'aep.schema.json',
  'error.schema.json',
];

const schemas = [...loadSchemas().entries()];

function schema(file: string): SchemaDocument {
  const found = loadSchemas().get(file);
  if (!found) throw new Error(`no schema ${file}`);
  return found;
}

describe('every schema in schemas/', () => {
  it.each(schemas)('%s is a valid draft 2020-12 schema for hyperjump', async (_file, document) => {
    expect(await metaValidate(document)).toEqual({ valid: true, errors: [] });
  });

  it.each(schemas)('%s declares draft 2020-12 and an $id named after its file', (file, document) => {
    expect(document.$schema).toBe(DRAFT_2020_12);
    expect(document.$id).toBe(`https://osdi-conformance.dev/schemas/${file}`);
  });
});

describe('resource schemas', () => {
  it('are all present', () => {
    expect(schemas.map(([file]) => file)).toEqual(expect.arrayContaining(RESOURCE_SCHEMAS));
  });

  it.each(RESOURCE_SCHEMAS)('%s describes every property', (file) => {
    expect(undescribed(file, schema(file) as Node)).toEqual([]);
  });

  it('marks the read-only fields of a Phonebank readOnly', () => {
    const readOnly = (name: string) => resolve('phonebank.schema.json', property(name)).readOnly;

    expect(['created_date', 'modified_date', 'total_completed'].map(readOnly)).toEqual([true, true, true]);
    expect(readOnly('name')).toBeUndefined();
  });

  it.each([
    ['status', ['draft', 'paused', 'scheduled', 'started', 'stopped']],
    ['dialing_mode', ['predictive', 'power', 'manual']],
  ])('lists the documented %s values as a flexenum that takes any string', (name, values) => {
    const field = property(name);

    expect(field['x-osdi-flexenum']).toEqual(values);
    expect(field.anyOf).toEqual([{ enum: values }, { type: 'string' }, { type: 'null' }]);
  });
});

function property(name: string): Node {
  return (schema('phonebank.schema.json').properties as Record<string, Node>)[name]!;
}

// Follows a $ref to another file or to a $defs entry; enough for this package's own schemas.
function resolve(file: string, node: Node): Node {
  const ref = node.$ref;
  if (typeof ref !== 'string') return node;

  const [target = '', fragment = ''] = ref.split('#');
  const document = schema(target === '' ? file : target) as Node;
  const found = fragment
    .split('/')
    .filter(Boolean)
    .map((part) => decodeURIComponent(part).replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce<unknown>((at, key) => (at as Node)[key], document) as Node;
  return resolve(target === '' ? file : target, found);
}

const SUBSCHEMA_MAPS = ['properties', 'patternProperties', '$defs'];
const SUBSCHEMA_LISTS = ['anyOf', 'allOf', 'oneOf', 'prefixItems'];
// if/then/else only narrow a property that is described where it is declared.
const SUBSCHEMAS = ['items', 'additionalProperties', 'not', 'contains'];

/** Paths of properties with no description of their own nor on their $ref target. */
function undescribed(file: string, node: Node, path = '#'): string[] {
  const out: string[] = [];
  const properties = (node.properties ?? {}) as Record<string, Node>;
  for (const [name, property] of Object.entries(properties)) {
    if (typeof resolve(file, property).description !== 'string') out.push(`${path}/properties/${name}`);
  }

  for (const [key, child] of children(node)) out.push(...undescribed(file, child, `${path}/${key}`));
  return out;
}

function children(node: Node): [string, Node][] {
  const out: [string, Node][] = [];
  for (const key of SUBSCHEMA_MAPS) {
    for (const [name, child] of Object.entries((node[key] ?? {}) as Record<string, Node>)) out.push([`${key}/${name}`, child]);
  }
  for (const key of SUBSCHEMA_LISTS) {
    ((node[key] ?? []) as Node[]).forEach((child, i) => out.push([`${key}/${i}`, child]));
  }
  for (const key of SUBSCHEMAS) {
    if (node[key] !== null && typeof node[key] === 'object') out.push([key, node[key] as Node]);
  }
  return out;
}
