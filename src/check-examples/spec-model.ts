import { existsSync } from 'node:fs';
import { dirname, isAbsolute, join } from 'node:path';
import { packageRoot } from '../package-root.js';
import { parseTables, type SpecTable, type TableRow } from '../spec/tables.js';
import { MAX_INCLUDE_BYTES, mebibytes, readCappedFile, unreadableReason } from './files.js';
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
  /** Include lines that were not read, at any include level, and why. */
  refusedIncludes: RefusedInclude[];
}

/** An include line that is not read: its name could reach outside the includes folder, or its
 * file is not a regular file or is too large. */
export interface RefusedInclude extends IncludeLine {
  /** The page or include file the line is in. */
  file: string;
  reason: string;
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
    refusedIncludes: included.refused,
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
  refused: RefusedInclude[];
}

/** How deep includes of includes are followed. */
const MAX_INCLUDE_DEPTH = 3;

/**
 * Jekyll looks for includes in _includes/; the spec copies keep them in includes/. Pages checked
 * outside a copy of the spec fall back to the OSDI includes this package ships. Each file is
 * read once per page, so includes that include each other cannot multiply the work.
 */
function readIncludes(page: string, includes: IncludeLine[]): Included {
  const out: Included = { tables: [], missing: [], refused: [] };
  const seen = new Set<string>();

  const visit = (from: string, lines: IncludeLine[], depth: number): void => {
    for (const include of lines) {
      const found = findInclude(page, include.name);
      if ('missing' in found) {
        if (depth === 0) out.missing.push(include);
      } else if ('refused' in found) {
        out.refused.push({ ...include, file: from, reason: found.refused });
      } else if (!seen.has(found.path)) {
        seen.add(found.path);
        const source = readIncludeFile(found.path, out, { ...include, file: from });
        if (source !== undefined && depth < MAX_INCLUDE_DEPTH)
          visit(found.path, parsePage(source).includes, depth + 1);
      }
    }
  };
  visit(page, includes, 0);
  return out;
}

// Adds the file's tables to `out` and returns its text; a file that grew past the limit since
// its stat is refused at the include line `at` instead.
function readIncludeFile(
  path: string,
  out: Included,
  at: Omit<RefusedInclude, 'reason'>,
): string | undefined {
  const source = readCappedFile(path, MAX_INCLUDE_BYTES);
  if (source === undefined) {
    const reason = `${path} is not read: it grew past ${mebibytes(MAX_INCLUDE_BYTES)}`;
    out.refused.push({ ...at, reason });
    return undefined;
  }
  const tables = parseTables(mendDelimiterRows(source));
  out.tables.push(...tables.map((table) => ({ table, file: path })));
  return source;
}

type Found = { path: string } | { missing: true } | { refused: string };

function findInclude(page: string, name: string): Found {
  const refused = refusedName(name);
  if (refused !== undefined) return { refused };

  const candidates = [
    join(dirname(page), 'includes', name),
    join(dirname(page), '_includes', name),
    join(packageRoot(), 'fixtures', 'spec', 'includes', name),
  ];
  const path = candidates.find((candidate) => existsSync(candidate));
  if (path === undefined) return { missing: true };
  const reason = unreadableReason(path, MAX_INCLUDE_BYTES);
  return reason === undefined ? { path } : { refused: `${path} is not read: ${reason}` };
}

/**
 * Jekyll's include tag refuses names with ".." and looks only inside _includes/; a name that
 * could reach outside the includes folder is not read here either.
 */
function refusedName(name: string): string | undefined {
  if (name.includes('\0')) return 'the name contains a NUL character, so it is not read';
  if (name.includes('..')) return 'the name contains "..", which Jekyll refuses, so it is not read';
  if (/^[/\\]/.test(name) || isAbsolute(name))
    return 'the name is an absolute path; includes are looked up only in the includes folder, so it is not read';
  return undefined;
}
