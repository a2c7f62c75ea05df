import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FINDING_CODES } from '../src/index.js';

const pages = (
  JSON.parse(readFileSync('fixtures/check-examples/one-problem/expected.json', 'utf8')) as {
    pages: { code: string }[];
  }
).pages;

// Codes no one-problem page can produce, with the reason.
const UNREACHED: Record<string, string> = {
  'schema-other': 'the fallback for schema keywords the package schemas do not use yet',
};

describe('finding codes', () => {
  it.each(Object.entries(FINDING_CODES))(
    '%s is kebab-case with a severity and a one-line description',
    (code, entry) => {
      expect(code).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(['error', 'warning', 'info']).toContain(entry.severity);
      expect(entry.description).toMatch(/^[A-Z].*\.$/);
      expect(entry.description).not.toContain('\n');
    },
  );

  it('pins the codes, which CI filters and suppressions name', () => {
    expect(Object.keys(FINDING_CODES).sort()).toEqual([
      'date-time-format',
      'flexenum-value',
      'href-list-mismatch',
      'http-preamble',
      'identifier-mismatch',
      'include-not-found',
      'include-refused',
      'json-syntax',
      'json-too-deep',
      'method-mismatch',
      'pagination-inconsistent',
      'relation-label',
      'response-code',
      'schema-enum',
      'schema-flexenum-mismatch',
      'schema-format',
      'schema-missing-field',
      'schema-missing-link',
      'schema-other',
      'schema-pattern',
      'schema-range',
      'schema-required',
      'schema-type',
      'schema-unique-items',
      'self-link-mismatch',
      'unknown-field',
      'unknown-link',
    ]);
  });

  it('has a one-problem page for every code but the listed exceptions', () => {
    const covered = new Set(pages.map((p) => p.code));

    const uncovered = Object.keys(FINDING_CODES).filter((code) => !covered.has(code));

    expect(uncovered).toEqual(Object.keys(UNREACHED));
  });
});
