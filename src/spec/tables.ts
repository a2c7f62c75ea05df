import MarkdownIt from 'markdown-it';
import type { Token } from 'markdown-it';

/** One row of a field or link table of a spec page. */
export interface TableRow {
  /** The Name cell, trimmed (e.g. "daily_start_hour"). */
  name: string;
  /** The Type cell, trimmed (e.g. "integer", "[Person*](people.html)"). */
  type: string;
  description: string;
  /** 1-based line of the row in the page. */
  line: number;
}

/** A table of a spec page and the heading it sits under. */
export interface SpecTable {
  /** The text of the nearest heading above the table (e.g. "Phonebank Fields", "Links"). */
  heading: string;
  /** 1-based line of the table's header row. */
  line: number;
  columns: string[];
  rows: TableRow[];
}

const md = new MarkdownIt();

/**
 * Every table of a Markdown page, with the heading it belongs to and line numbers. Tables whose
 * first column is not "Name" are kept too; callers pick by heading.
 */
export function parseTables(markdown: string): SpecTable[] {
  const tokens = md.parse(markdown, {});
  const tables: SpecTable[] = [];
  let heading = '';

  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.type === 'heading_open') heading = tokens[i + 1]?.content.trim() ?? '';
    if (token.type === 'table_open') tables.push(readTable(tokens, i, heading));
  }
  return tables;
}

function readTable(tokens: Token[], start: number, heading: string): SpecTable {
  const table: SpecTable = { heading, line: (tokens[start]!.map?.[0] ?? 0) + 1, columns: [], rows: [] };
  let cells: string[] = [];
  let rowLine = 0;

  for (let i = start + 1; i < tokens.length && tokens[i]!.type !== 'table_close'; i++) {
    const token = tokens[i]!;
    if (token.type === 'tr_open') {
      cells = [];
      rowLine = (token.map?.[0] ?? 0) + 1;
    }
    if (token.type === 'inline') cells.push(token.content.trim());
    if (token.type === 'tr_close') addRow(table, cells, rowLine);
  }
  return table;
}

function addRow(table: SpecTable, cells: string[], line: number): void {
  if (table.columns.length === 0) {
    table.columns = cells;
    return;
  }
  const [name = '', type = '', description = ''] = cells;
  if (name !== '') table.rows.push({ name, type, description, line });
}

/** The rows of the first table under a heading that contains `heading` (case-insensitive). */
export function tableUnder(tables: SpecTable[], heading: string): SpecTable | undefined {
  const wanted = heading.toLowerCase();
  return tables.find((t) => t.heading.toLowerCase().includes(wanted));
}
