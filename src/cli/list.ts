import type { Requirement } from '../requirements/types.js';

/** The catalogue as text for `run --list`: one requirement per line, id, level and title. */
export function renderCatalogue(requirements: readonly Requirement[]): string {
  const idWidth = Math.max(...requirements.map((r) => r.id.length));
  const lines = requirements.map(
    (r) => `${r.id.padEnd(idWidth)}  ${r.level.padEnd(6)}  ${r.title}`,
  );
  return lines.join('\n') + `\n\n${requirements.length} requirements\n`;
}
