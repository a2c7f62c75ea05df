import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REQUIREMENTS, requirementById } from '../src/requirements/catalogue.js';

const SPEC = join(import.meta.dirname, '..', 'fixtures', 'spec');

// The spec's text with its includes expanded and its markdown flattened, so that a quoted
// sentence matches however the page spaces, emphasises or tabulates it.
function specText(file: string): string {
  const raw = readFileSync(join(SPEC, file), 'utf8').replace(/\{%\s*include\s+(\S+)\s*%\}/g, (_, name: string) =>
    existsSync(join(SPEC, 'includes', name)) ? readFileSync(join(SPEC, 'includes', name), 'utf8') : '',
  );
  return flatten(raw);
}

function flatten(text: string): string {
  return text
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/`+|\*\*/g, '')
    .replace(/\s*\|\s*/g, ' | ')
    .replace(/\s+/g, ' ');
}

describe('requirement catalogue', () => {
  it('gives every requirement a unique id in the PB-<AREA>-<NN> form', () => {
    const ids = REQUIREMENTS.map((r) => r.id);

    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.filter((id) => !/^PB-[A-Z]+-\d{2}$/.test(id))).toEqual([]);
  });

  it.each(REQUIREMENTS.map((r) => [r.id, r] as const))('quotes %s from its source page', (_, requirement) => {
    expect(specText(requirement.source.file)).toContain(flatten(requirement.sentence));
  });

  it('finds a requirement by id and refuses an unknown one', () => {
    expect(requirementById('PB-PUT-03').title).toBe('PUT with null clears a field');
    expect(() => requirementById('PB-NOPE-01')).toThrow(/no requirement PB-NOPE-01/);
  });
});
