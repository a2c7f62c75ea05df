import type { Requirement } from '../requirements/types.js';

/**
 * The requirement catalogue (src/requirements/catalogue.ts, `REQUIREMENTS`). Loaded by name at
 * run time so that the runner does not depend on the catalogue's module at compile time.
 */
export async function loadCatalogue(): Promise<Requirement[]> {
  const specifier = '../requirements/catalogue.js';
  const module = (await import(specifier)) as { REQUIREMENTS?: Requirement[] };
  if (!Array.isArray(module.REQUIREMENTS)) {
    throw new Error('osdi-conformance: src/requirements/catalogue.ts exports no REQUIREMENTS array');
  }
  return module.REQUIREMENTS;
}

/** The scenarios named by a catalogue, in first-seen order. */
export function scenariosOf(requirements: readonly Requirement[]): string[] {
  return [...new Set(requirements.map((r) => r.scenario))];
}
