import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { packageRoot } from '../package-root.js';
import { parseTables, type SpecTable, type TableRow } from '../spec/tables.js';
import { parsePage, type IncludeLine, type ParsedPage, type RelationLabels } from './page.js';

/** A table row and where it was read: the page itself or a file the page includes. */
export interface SourcedRow extends TableRow {
  file: string;
  table: string;
}

/** What a resource page defines, read from its tables and text: what examples are held to. */
export interface SpecModel {
  /** The resource name, from the "<Resource> Fields" heading (e.g. "Phonebank"). */
  resource?: string;
  labels?: RelationLabels;
  /** Fields table rows and the common fields (includes/global_fields.md), by field name. */
  fields: Map<string, SourcedRow>;
  /** Links table rows, by the key they take in _links ("self", "osdi:creator"). */
  links: Map<string, SourcedRow>;
  /** The documented values of each flexenum field, quoted in its table description. */
  flexenums: Map<string, string[]>;
  /** Include lines whose file was not found. */
  missingIncludes: IncludeLine[];
}

export function buildSpecModel(file: string, page: ParsedPage): SpecModel {
  const tables = parseTables(mendDelimiterRows(page.source)).map((t) => ({ table: t, file }));
  const included = readIncludes(file, page.includes);
  const all = [...tables, ...included.tables];

  const fieldTables = all.filter(
    ({ table }) => /\bfields$/i.test(table.heading) && !/control headers/i.test(table.heading),
  );
  const resourceTable = tables.find(({ table }) => isResourceFieldsTable(table));
  const links = tables.find(({ table }) => /^links$/i.test(table.heading.trim()));
  const fields = rowsByName(fieldTables);

  return {
    resource: resourceTable?.table.heading.replace(/\s*fields$/i, '').trim(),
    labels: page.labels ?? labelsFor(resourceTable?.table),
    fields,
    links: links ? linkRows(links) : new Map(),
    flexenums: flexenums(fields),
    missingIncludes: included.missing,
  };
}

const DELIMITER_ROW = /^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$/;

/**
 * aep.md's tables have a delimiter row with more cells than the header row; GitHub-flavoured
 * Markdown (and markdown-it) then sees no table at all, while the spec site's kramdown does.
 * Each such delimiter row gets the header's cell count, on the same line.
 */
export function mendDelimiterRows(source: string): string {
  const lines = source.split('\n');
  for (let i = 1; i < lines.length; i++) {
    const header = lines[i - 1]!;
    if (!DELIMITER_ROW.test(lines[i]!) || !header.includes('|')) continue;
    const cells = header.trim().replace(/^\|/, '').replace(/\|$/, '').split('|').length;
    lines[i] = '|' + Array.from({ length: cells }, () => '---').join('|');
  }
  return lines.join('\n');
}

function isResourceFieldsTable(table: SpecTable): boolean {
  return /\S\s+fields$/i.test(table.heading) && !/^common fields$/i.test(table.heading.trim());
}

// Without the relation label sentence, the labels follow the OSDI habit: osdi:<resource>(s).
function labelsFor(table: SpecTable | undefined): RelationLabels | undefined {
  if (!table) return undefined;
  const name = table.heading
    .replace(/\s*fields$/i, '')
    .trim()
    .toLowerCase()
    .replace(/\s+/g, '_');
  return { single: `osdi:${name}`, collection: `osdi:${name}s`, line: table.line };
}

function rowsByName(tables: { table: SpecTable; file: string }[]): Map<string, SourcedRow> {
  const rows = new Map<string, SourcedRow>();
  for (const { table, file } of tables) {
    for (const row of table.rows) rows.set(row.name, { ...row, file, table: table.heading });
  }
  return rows;
}

function linkRows({ table, file }: { table: SpecTable; file: string }): Map<string, SourcedRow> {
  const rows = new Map<string, SourcedRow>();
  for (const row of table.rows) rows.set(linkKey(row.name), { ...row, file, table: table.heading });
  return rows;
}

/** The key a Links table row takes in _links: IANA relations bare, the others with osdi:. */
export function linkKey(name: string): string {
  return name.includes(':') || IANA_RELATIONS.has(name) ? name : `osdi:${name}`;
}

function flexenums(fields: Map<string, SourcedRow>): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const row of fields.values()) {
    if (row.type.toLowerCase() !== 'flexenum') continue;
    out.set(
      row.name,
      [...row.description.matchAll(/"([^"]+)"/g)].map((m) => m[1]!),
    );
  }
  return out;
}

// general.md, Curies: links without a curie prefix are IANA relations. These are the ones an
// OSDI document is likely to carry; the full registry is at iana.org/assignments/link-relations.
export const IANA_RELATIONS = new Set([
  'self',
  'next',
  'previous',
  'prev',
  'first',
  'last',
  'collection',
  'item',
  'up',
  'related',
  'alternate',
  'canonical',
  'describedby',
  'edit',
  'help',
  'profile',
  'search',
  'about',
  'curies',
]);

interface Included {
  tables: { table: SpecTable; file: string }[];
  missing: IncludeLine[];
}

/**
 * Jekyll looks for includes in _includes/; the spec copies keep them in includes/. Pages checked
 * outside a copy of the spec fall back to the OSDI includes this package ships.
 */
function readIncludes(file: string, includes: IncludeLine[], depth = 0): Included {
  const out: Included = { tables: [], missing: [] };
  for (const include of includes) {
    const path = findInclude(file, include.name);
    if (!path) {
      if (depth === 0) out.missing.push(include);
      continue;
    }
    const source = readFileSync(path, 'utf8');
    out.tables.push(
      ...parseTables(mendDelimiterRows(source)).map((table) => ({ table, file: path })),
    );
    if (depth < 3)
      out.tables.push(...readIncludes(file, parsePage(source).includes, depth + 1).tables);
  }
  return out;
}

function findInclude(file: string, name: string): string | undefined {
  const candidates = [
    join(dirname(file), 'includes', name),
    join(dirname(file), '_includes', name),
    join(packageRoot(), 'fixtures', 'spec', 'includes', name),
  ];
  return candidates.find((path) => existsSync(path));
}
