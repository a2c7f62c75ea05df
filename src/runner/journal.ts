import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * The journal of a run: suites append `{"url": …}` for every resource they create and
 * `{"url": …, "deleted": true}` for every one they delete, one JSON line each.
 */
export interface JournalState {
  /** URLs created, in order, each once. */
  created: string[];
  /** URLs deleted by the suites. */
  deleted: Set<string>;
}

export function createJournal(runId: string): string {
  const path = join(tmpdir(), `osdi-conformance-${runId}.jsonl`);
  writeFileSync(path, '');
  return path;
}

/** Reads a journal; lines that are not the expected JSON are ignored (a write cut short). */
export function readJournal(path: string): JournalState {
  const state: JournalState = { created: [], deleted: new Set() };
  if (!existsSync(path)) return state;

  for (const line of readFileSync(path, 'utf8').split('\n')) {
    const entry = parseLine(line);
    if (!entry) continue;
    if (entry.deleted) state.deleted.add(entry.url);
    else if (!state.created.includes(entry.url)) state.created.push(entry.url);
  }
  return state;
}

export function removeJournal(path: string): void {
  rmSync(path, { force: true });
}

function parseLine(line: string): { url: string; deleted: boolean } | undefined {
  if (line.trim() === '') return undefined;
  try {
    const entry = JSON.parse(line) as { url?: unknown; deleted?: unknown };
    return typeof entry.url === 'string'
      ? { url: entry.url, deleted: entry.deleted === true }
      : undefined;
  } catch {
    return undefined;
  }
}
