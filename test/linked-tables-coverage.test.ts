// The field and link tables of the pages a Phonebank links to, against the schemas written from
// them: every row has its property, no OSDI property lacks a row, and each property has the JSON
// type its Type cell names (general.md, Notational Conventions).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSchemas, type SchemaName } from '../src/schemas/index.js';
import { packageRoot } from '../src/package-root.js';
import { parseTables, type SpecTable, type TableRow } from '../src/spec/tables.js';
import { expectedFor, resolve, schemaTypeOf, types, type Node } from './helpers/table-types.js';

interface PageTables {
  page: string;
  schema: SchemaName;
  /** Headings of the tables whose rows are fields: the page's own table, then related objects. */
  fields: string[];
  links: string;
}

const PAGES: PageTables[] = [
  {
    page: 'people.md',
    schema: 'person.schema.json',
    fields: [
      'People Fields',
      'Birthdate',
      'Parties',
      'Employer Address',
      'Profiles',
      'Custom Fields',
      'Gender Pronouns Object Fields',
    ],
    links: 'Links',
  },
  { page: 'scripts.md', schema: 'script.schema.json', fields: ['Script Fields'], links: 'Links' },
  { page: 'lists.md', schema: 'list.schema.json', fields: ['List Fields'], links: 'Links' },
  {
    page: 'taggings.md',
    schema: 'tagging.schema.json',
    fields: ['Tagging Fields'],
    links: 'Links',
  },
  {
    page: 'phone_bank_result.md',
    schema: 'phonebank-result.schema.json',
    fields: ['Phone bank result Fields'],
    links: 'Links',
  },
];

// people.md's Gender Pronouns rows name the members without the field they belong to.
const ROW_PREFIX: Record<string, string> = { 'Gender Pronouns Object Fields': 'gender_pronouns' };

// Included by people.md but not received with the spec (docs/spec-decisions.md, D43).
const MISSING_INCLUDES = [
  'addresses.md',
  'divisions_examples.md',
  'divisions_main_objects.md',
  'divisions_related_objects.md',
  'helpers_intro.md',
];

// HAL's own members, defined by general.md (REST + HAL, Curies), not by a row of the page.
const HAL_MEMBERS = ['_links', '_embedded'];
const HAL_LINKS = ['curies'];

const specDir = join(packageRoot(), 'fixtures', 'spec');
const INCLUDE = /\{%\s*include\s+(\S+)[^%]*%\}/g;

function read(...path: string[]): string {
  return readFileSync(join(specDir, ...path), 'utf8');
}

/**
 * A page's own tables, at the page's own line numbers: each include line becomes an empty line
 * (the common fields are read from their include), and tables are read as kramdown, which
 * publishes the spec, reads them (D44).
 */
function tablesOf(file: string): SpecTable[] {
  return parseTables(asKramdown(read(file).replace(INCLUDE, '')));
}

// GFM, and so markdown-it, drops a table whose delimiter row has more cells than its header
// (lists.md and taggings.md); kramdown keeps it. Trimming the delimiter row keeps the lines.
function asKramdown(markdown: string): string {
  const lines = markdown.split('\n');
  return lines
    .map((line, i) => {
      const header = lines[i - 1] ?? '';
      if (!/^\|?[\s:|-]*-[\s:|-]*$/.test(line) || !header.includes('|')) return line;
      return '|' + Array(cellsOf(header)).fill('---').join('|');
    })
    .join('\n');
}

function cellsOf(row: string): number {
  return row.trim().replace(/^\|/, '').replace(/\|$/, '').split('|').length;
}

function tableRows(tables: SpecTable[], heading: string, file: string): TableRow[] {
  const table = tables.find((t) => t.heading === heading);
  if (!table) throw new Error(`${file} has no table under "${heading}"`);
  return table.rows;
}

const commonRows = tableRows(
  parseTables(read('includes', 'global_fields.md').replace(INCLUDE, '')),
  'Common Fields',
  'includes/global_fields.md',
);

function schemaOf(name: SchemaName): Node {
  const found = loadSchemas().get(name);
  if (!found) throw new Error(`no schema ${name}`);
  return found as Node;
}

/** The field path a row defines: "employer_address.location.latitude", "custom_fields.[key]". */
function pathOf(row: TableRow, heading: string): string {
  const prefix = ROW_PREFIX[heading];
  return prefix ? `${prefix}.${row.name}` : row.name;
}

// A dotted path walks into objects, through the items of arrays of objects; "[key]" stands for
// any member (custom_fields).
function propertyAt(schema: Node, path: string): Node | undefined {
  let node: Node | undefined = schema;
  for (const segment of path.split('.')) {
    if (!node) return undefined;
    node = resolve(node);
    if (types(node).includes('array')) node = resolve(node.items as Node);
    node =
      segment === '[key]'
        ? (node.additionalProperties as Node | undefined)
        : (node.properties as Record<string, Node> | undefined)?.[segment];
  }
  return node && resolve(node);
}

/** Every field path the schema declares, nested ones included; HAL members left out. */
function declaredPaths(node: Node, prefix = ''): string[] {
  let inner = resolve(node);
  if (types(inner).includes('array') && inner.items) inner = resolve(inner.items as Node);

  const out: string[] = [];
  for (const [name, child] of Object.entries((inner.properties ?? {}) as Record<string, Node>)) {
    if (prefix === '' && HAL_MEMBERS.includes(name)) continue;
    out.push(prefix + name, ...declaredPaths(child, `${prefix}${name}.`));
  }
  if (typeof inner.additionalProperties === 'object') out.push(`${prefix}[key]`);
  return out;
}

function linksOf(schema: Node): Node {
  return resolve((schema.properties as Record<string, Node>)._links!);
}

function linkName(row: TableRow): string {
  return row.name === 'self' ? 'self' : `osdi:${row.name}`;
}

// taggings.md's "[resouce-name]" row stands for a relation named after item_type.
function isPlaceholder(row: TableRow): boolean {
  return row.name.startsWith('[');
}

describe('the spec pages a Phonebank links to', () => {
  it('read as empty only the includes the project did not receive', () => {
    const included = PAGES.flatMap(({ page }) =>
      [...read(page).matchAll(INCLUDE)].map((m) => m[1]!),
    );

    const absent = [...new Set(included)].filter(
      (name) => !existsSync(join(specDir, 'includes', name)),
    );

    expect(absent.sort()).toEqual(MISSING_INCLUDES);
  });
});

describe.each(PAGES)('$page tables against $schema', ({ page, schema: name, fields, links }) => {
  const tables = tablesOf(page);
  const schema = schemaOf(name);
  const fieldRows = [
    ...commonRows.map((row) => ({ row, path: row.name, file: 'includes/global_fields.md' })),
    ...fields.flatMap((heading) =>
      tableRows(tables, heading, page).map((row) => ({
        row,
        path: pathOf(row, heading),
        file: page,
      })),
    ),
  ];
  const linkRows = tableRows(tables, links, page);
  const declaredLinks = (linksOf(schema).properties ?? {}) as Record<string, Node>;

  it('finds the field and link tables', () => {
    expect(fieldRows.length).toBeGreaterThan(commonRows.length);
    expect(linkRows.map((r) => r.name)).toContain('self');
  });

  it.each(fieldRows.map(({ row, path, file }) => ({ path, file, line: row.line })))(
    'field row $path ($file line $line) has a property',
    ({ path }) => {
      expect(propertyAt(schema, path), path).toBeDefined();
    },
  );

  it('has no field that no row defines', () => {
    const defined = new Set(fieldRows.map(({ path }) => path));

    expect(declaredPaths(schema).filter((path) => !defined.has(path))).toEqual([]);
  });

  it.each(linkRows.filter((row) => !isPlaceholder(row)))(
    'link row $name (line $line) is one link under _links',
    (row) => {
      const link = declaredLinks[linkName(row)];

      expect(link, `_links["${linkName(row)}"]`).toBeDefined();
      expect(link!.$ref).toBe('common.schema.json#/$defs/link');
    },
  );

  it('takes a link or links under any relation a placeholder row stands for', () => {
    expect(linksOf(schema).additionalProperties).toEqual({
      $ref: 'common.schema.json#/$defs/links',
    });
  });

  it('has no link that no row defines', () => {
    const defined = new Set([...linkRows.map(linkName), ...HAL_LINKS]);

    expect(Object.keys(declaredLinks).filter((rel) => !defined.has(rel))).toEqual([]);
  });

  it.each(fieldRows.map(({ row, path }) => ({ row, path, type: row.type })))(
    'field row $path has the schema type of its table type $type',
    ({ row, path }) => {
      expect(schemaTypeOf(propertyAt(schema, path) ?? {})).toEqual(expectedFor(row));
    },
  );

  it('describes every property it declares', () => {
    const undescribed = declaredPaths(schema).filter(
      (path) => typeof propertyAt(schema, path)?.description !== 'string',
    );

    expect(undescribed).toEqual([]);
  });
});

describe('general.md Collections and Navigation against linked-collection.schema.json', () => {
  const tables = parseTables(read('general.md'));
  const rows = tableRows(tables, 'Collections and Navigation', 'general.md');
  const schema = schemaOf('linked-collection.schema.json');
  const properties = schema.properties as Record<string, Node>;
  const navigation = tables.filter((t) => t.heading === 'Collections and Navigation')[1]!.rows;

  it.each(rows)('row $name (line $line) is an integer property', (row) => {
    expect(types(properties[row.name] ?? {})).toEqual(['integer']);
  });

  it('declares only those, per_page (D17) and the HAL members', () => {
    const defined = new Set([...rows.map((r) => r.name), 'per_page', ...HAL_MEMBERS]);

    expect(Object.keys(properties).filter((name) => !defined.has(name))).toEqual([]);
  });

  it.each(navigation)('navigation link $name is one link under _links', (row) => {
    const links = resolve(properties._links!).properties as Record<string, Node>;

    expect(links[row.name]?.$ref).toBe('common.schema.json#/$defs/link');
  });

  it('holds an array of objects under any relation of _embedded, and requires nothing', () => {
    const embedded = properties._embedded!;

    expect(embedded.additionalProperties).toMatchObject({
      type: 'array',
      items: { type: 'object' },
    });
    expect(JSON.stringify(schema)).not.toContain('"required"');
  });
});
