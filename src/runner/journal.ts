import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * One line of a run's journal (JSON lines, appended by the suites as they go):
 * - `{"url": u}`: a resource created at `u`; with `key`, it settles that POST's earlier lines;
 *   with `name` and `identifier`, the cleanup can tell whether it is still there.
 * - `{"url": u, "deleted": true}`: a resource the suites deleted.
 * - `{"created": name, "url": null, "key": k, "why": …}`: a POST that did (or may have) create a
 *   resource no URL is known for; written before the POST is sent, and again when it answered.
 * - `{"created": false, "url": null, "key": k}`: the POST with that key created nothing.
 */
export type JournalLine =
  | {
      url: string;
      key?: string;
      name?: string;
      identifier?: string;
      how?: string;
    }
  | { url: string; deleted: true }
  | { url: null; created: string; key: string; kind?: string; why: string }
  | { url: null; created: false; key: string };

/** How to recognise a created resource when reading it back: the name and identifier sent. */
export interface Mark {
  name?: string;
  identifier?: string;
}

/**
 * Whether `document` is a resource this run created: one of its identifiers starts with
 * "osdi_conformance:<runId>-", or its name, title, summary or description holds
 * "osdi-conformance <runId> ", the forms the suites create Phonebanks with (a server may keep
 * only some of those fields, and a PUT changes or clears some).
 */
export function carriesRunMark(document: unknown, runId: string): boolean {
  if (typeof document !== 'object' || document === null || Array.isArray(document)) return false;
  const fields = document as Record<string, unknown>;
  const marked = (value: unknown) =>
    typeof value === 'string' && value.includes(`osdi-conformance ${runId} `);
  if (['name', 'title', 'summary', 'description'].some((f) => marked(fields[f]))) return true;
  const { identifiers } = fields;
  return (
    Array.isArray(identifiers) &&
    identifiers.some((i) => typeof i === 'string' && i.startsWith(`osdi_conformance:${runId}-`))
  );
}

/**
 * Whether `document` is the run's own: it carries the run's mark (when the run id is known) or
 * the name or identifier it was created with (when the journal knows them).
 */
export function isRunsOwn(document: unknown, runId?: string, mark?: Mark): boolean {
  return (
    (runId !== undefined && carriesRunMark(document, runId)) ||
    (mark !== undefined && carriesMark(document, mark))
  );
}

/** Whether `document` carries the name or the identifier of `mark`. */
export function carriesMark(document: unknown, mark: Mark): boolean {
  if (typeof document !== 'object' || document === null) return false;
  const { name, identifiers } = document as { name?: unknown; identifiers?: unknown };
  if (mark.name !== undefined && name === mark.name) return true;
  return Array.isArray(identifiers) && identifiers.includes(mark.identifier);
}

/** What a journal says. */
export interface JournalState {
  /** URLs created, in order, each once. */
  created: string[];
  /** URLs deleted by the suites. */
  deleted: Set<string>;
  /**
   * Creations no URL is known for, as the report shows them:
   * `a Phonebank named "osdi-conformance <runId> post" (POST answered 200 without …)`.
   */
  unlocated?: string[];
  /** Created URL → the name and identifier it was created with, when the suites knew them. */
  marks?: Map<string, Mark>;
}

export function createJournal(runId: string): string {
  const path = join(tmpdir(), `osdi-conformance-${runId}.jsonl`);
  writeFileSync(path, '');
  return path;
}

/** Reads a journal; lines that are not the expected JSON are ignored (a write cut short). */
export function readJournal(path: string): JournalState {
  const state: Full = { created: [], deleted: new Set(), unlocated: [], marks: new Map() };
  if (!existsSync(path)) return state;

  const unlocated = new Map<string, string>();
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    const entry = parseLine(line);
    if (entry) apply(entry, state, unlocated);
  }
  return { ...state, unlocated: [...unlocated.values()] };
}

export function removeJournal(path: string): void {
  rmSync(path, { force: true });
}

type Full = Required<JournalState>;

function apply(entry: JournalLine, state: Full, unlocated: Map<string, string>): void {
  if (entry.url === null) {
    if (entry.created === false) unlocated.delete(entry.key);
    else
      unlocated.set(
        entry.key,
        `a ${entry.kind ?? 'resource'} named ${JSON.stringify(entry.created)} (${entry.why})`,
      );
    return;
  }
  if ('deleted' in entry) {
    state.deleted.add(entry.url);
    return;
  }
  if (entry.key !== undefined) unlocated.delete(entry.key);
  if (!state.created.includes(entry.url)) state.created.push(entry.url);
  if (entry.name !== undefined || entry.identifier !== undefined) {
    state.marks.set(entry.url, {
      ...(entry.name !== undefined && { name: entry.name }),
      ...(entry.identifier !== undefined && { identifier: entry.identifier }),
    });
  }
}

function parseLine(line: string): JournalLine | undefined {
  if (line.trim() === '') return undefined;
  try {
    const entry = JSON.parse(line) as Record<string, unknown>;
    if (typeof entry.url === 'string') return urlLine(entry, entry.url);
    if (entry.url !== null || typeof entry.key !== 'string') return undefined;
    if (entry.created === false) return { url: null, created: false, key: entry.key };
    if (typeof entry.created !== 'string') return undefined;
    return {
      url: null,
      created: entry.created,
      key: entry.key,
      ...(typeof entry.kind === 'string' && { kind: entry.kind }),
      why: typeof entry.why === 'string' ? entry.why : 'no URL is known for it',
    };
  } catch {
    return undefined;
  }
}

function urlLine(entry: Record<string, unknown>, url: string): JournalLine {
  if (entry.deleted === true) return { url, deleted: true };
  const text = (field: string) =>
    typeof entry[field] === 'string' ? { [field]: entry[field] as string } : {};
  return { url, ...text('key'), ...text('name'), ...text('identifier') };
}
