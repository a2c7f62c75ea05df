import { REQUIREMENTS } from '../requirements/catalogue.js';
import type { Requirement } from '../requirements/types.js';

/** The requirement catalogue (src/requirements/catalogue.ts). */
export function loadCatalogue(): readonly Requirement[] {
  return REQUIREMENTS;
}

/** The scenarios named by a catalogue, in first-seen order. */
export function scenariosOf(requirements: readonly Requirement[]): string[] {
  return [...new Set(requirements.map((r) => r.scenario))];
}
