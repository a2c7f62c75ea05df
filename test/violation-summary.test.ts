// Failure messages that list schema violations stay short: repeats across the items of a page
// are said once with their count, and only the first few are listed.
import { describe, expect, it } from 'vitest';
import { validate } from '../src/schemas/index.js';
import { summariseViolations, violationsAt } from '../src/suite-kit/index.js';

function page(items: unknown[]): unknown {
  return { total_records: items.length, _embedded: { 'osdi:phonebanks': items } };
}

function violationsOf(document: unknown) {
  return validate('phonebank-collection.schema.json', document).errors;
}

describe('summariseViolations', () => {
  it('says a violation repeated in every item once, with the number of items', () => {
    const items = Array.from({ length: 5 }, () => ({
      daily_start_hour: '9',
      daily_stop_hour: '17',
    }));

    const summary = summariseViolations(violationsOf(page(items)));

    expect(summary).toBe(
      '/_embedded/osdi:phonebanks/*/daily_start_hour must be an integer, got "9" (in 5 items); ' +
        '/_embedded/osdi:phonebanks/*/daily_stop_hour must be an integer, got "17" (in 5 items)',
    );
  });

  it('says which value it shows when the items got different ones', () => {
    const items = [{ daily_start_hour: '9' }, { daily_start_hour: '10' }];

    const summary = summariseViolations(violationsOf(page(items)));

    expect(summary).toBe(
      '/_embedded/osdi:phonebanks/*/daily_start_hour must be an integer, got "9" (in 2 items; the first shown)',
    );
  });

  it('keeps the index of a violation that only one item has', () => {
    const items = [{}, { name: 7 }, {}];

    const summary = summariseViolations(violationsOf(page(items)));

    expect(summary).toBe('/_embedded/osdi:phonebanks/1/name must be a string, got 7');
  });

  it('lists the first three violations, then how many more there are', () => {
    const document = { name: 1, title: 2, description: 3, summary: 4, caller_id: 5 };

    const summary = summariseViolations(validate('phonebank.schema.json', document).errors);

    expect(summary).toBe(
      '/name must be a string, got 1; /title must be a string, got 2; ' +
        '/description must be a string, got 3 (and 2 more)',
    );
  });

  it('is empty for no violations', () => {
    expect(summariseViolations([])).toBe('');
  });
});

describe('violationsAt', () => {
  it('names a whole document that breaks its schema "the document", or where it sits', () => {
    const errors = validate('linked-collection.schema.json', []).errors;

    expect(violationsAt(errors, '').map((v) => v.message)).toEqual([
      'the document must be an object, got an array',
    ]);
    expect(violationsAt(errors, '/_embedded/x/0').map((v) => v.message)).toEqual([
      '/_embedded/x/0 must be an object, got an array',
    ]);
  });
});
