import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSchemas } from '../src/schemas/index.js';
import { packageRoot } from '../src/package-root.js';
import { parseTables, tableUnder, type TableRow } from '../src/spec/tables.js';
import { expectedFor, resolve, schemaTypeOf, type Node } from './helpers/table-types.js';

const specDir = join(packageRoot(), 'fixtures', 'spec');

// Jekyll pastes includes/X.md where the page says {% include X.md %}.
function page(name: string): string {
  return readFileSync(join(specDir, name), 'utf8').replace(
    /\{%\s*include\s+(\S+)\s*%\}/g,
    (_line, include: string) => readFileSync(join(specDir, 'includes', include), 'utf8'),
  );
}

const tables = parseTables(page('phone_bank.md'));

function rows(heading: string): TableRow[] {
  const table = tableUnder(tables, heading);
  if (!table) throw new Error(`phone_bank.md has no table under "${heading}"`);
  return table.rows;
}

const fieldRows = [...rows('Common Fields'), ...rows('Phonebank Fields')];
const linkRows = rows('Links');

const phonebank = loadSchemas().get('phonebank.schema.json') as Node;
const properties = phonebank.properties as Record<string, Node>;
const links = (properties._links!.properties ?? {}) as Record<string, Node>;

// HAL's own members, defined by general.md (REST + HAL, Curies), not by a row of the page.
const HAL_MEMBERS = ['_links', '_embedded'];
const HAL_LINKS = ['curies'];

function linkName(row: TableRow): string {
  return row.name === 'self' ? 'self' : `osdi:${row.name}`;
}

describe('phone_bank.md tables against phonebank.schema.json', () => {
  it('finds the field and link tables', () => {
    expect(fieldRows.map((r) => r.name)).toContain('identifiers');
    expect(fieldRows.map((r) => r.name)).toContain('total_completed');
    expect(linkRows.map((r) => r.name)).toContain('events');
  });

  it.each(fieldRows)('field row $name (line $line) has a property', (row) => {
    expect(Object.keys(properties)).toContain(row.name);
  });

  it.each(linkRows)('link row $name (line $line) has a link under _links', (row) => {
    const link = links[linkName(row)];

    expect(link, `_links["${linkName(row)}"]`).toBeDefined();
    expect(resolve(link!).required).toEqual(['href']);
  });

  it('has no field that no row defines', () => {
    const defined = new Set([...fieldRows.map((r) => r.name), ...HAL_MEMBERS]);

    expect(Object.keys(properties).filter((name) => !defined.has(name))).toEqual([]);
  });

  it('has no link that no row defines', () => {
    const defined = new Set([...linkRows.map(linkName), ...HAL_LINKS]);

    expect(Object.keys(links).filter((name) => !defined.has(name))).toEqual([]);
  });

  it.each(fieldRows)('field row $name has the schema type of its table type "$type"', (row) => {
    const property = resolve(properties[row.name] ?? {});

    expect(schemaTypeOf(property)).toEqual(expectedFor(row));
  });
});

