import type { ReferenceServer } from '../../src/server/index.js';
import type { SuiteRun } from './suite-session.js';

/** Paths the suites sent PUT or DELETE to that their own POSTs did not create. */
export function foreignWrites(server: ReferenceServer, run: SuiteRun): string[] {
  const created = new Set(
    run.journal.flatMap((line) => (line.url === null ? [] : [new URL(line.url).pathname])),
  );
  return server.requests
    .filter((r) => r.method === 'PUT' || r.method === 'DELETE')
    .map((r) => new URL(r.url, server.url).pathname)
    .filter((path) => !created.has(path));
}
