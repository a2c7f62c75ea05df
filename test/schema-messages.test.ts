import { describe, expect, it } from 'vitest';
import { validate } from '../src/index.js';

// The sentences a vendor reads: the pointer, the rule, then what was received.
describe('validation messages', () => {
  it.each([
    ['a date-time with a one-digit hour', { start_time: '2018-02-19T8:00:00Z' }, [
      { pointer: '/start_time', keyword: 'format', message: '/start_time must be a valid date-time, got "2018-02-19T8:00:00Z"' },
    ]],
    ['an hour out of range', { daily_stop_hour: 24 }, [
      { pointer: '/daily_stop_hour', keyword: 'maximum', message: '/daily_stop_hour must be <= 23, got 24' },
    ]],
    ['a flexenum that is not a string', { status: 5 }, [
      { pointer: '/status', keyword: 'type', message: '/status must be a string, got 5' },
    ]],
    ['an identifier without a system', { identifiers: ['42'] }, [
      { pointer: '/identifiers/0', keyword: 'pattern', message: '/identifiers/0 must be in the form system:id, such as "osdi_sample_system:42", got "42"' },
    ]],
    ['a curie without {rel}', { _links: { curies: [{ name: 'osdi', href: 'https://x.example/docs/' }] } }, [
      { pointer: '/_links/curies/0/href', keyword: 'pattern', message: '/_links/curies/0/href must be a URL template that holds {rel}, got "https://x.example/docs/"' },
    ]],
    ['a vendor link array with an item without href', { _links: { 'fb:callers': [{ href: '/c/1' }, { name: 'two' }] } }, [
      { pointer: '/_links/fb:callers/1', keyword: 'required', message: '/_links/fb:callers/1 must have the property "href"' },
    ]],
    ['an untemplated href with a template in it', { _links: { self: { href: 'https://x.example/pb/{id}' } } }, [
      { pointer: '/_links/self/href', keyword: 'format', message: '/_links/self/href must be a valid uri-reference, got "https://x.example/pb/{id}"' },
    ]],
  ])('names the field for %s in a Phonebank', (_case, data, errors) => {
    expect(validate('phonebank.schema.json', data)).toEqual({ valid: false, errors });
  });

  it('reports the deepest problem of an error document, not the branches it did not take', () => {
    const result = validate('error.schema.json', { 'osdi:error': { request_type: 'partial' } });

    expect(result.errors).toEqual([
      {
        pointer: '/osdi:error/request_type',
        keyword: 'enum',
        message: '/osdi:error/request_type must be one of ["atomic","non-atomic"], got "partial"',
      },
    ]);
  });

  it('accepts a templated link whose href is a URI template', () => {
    const data = { _links: { 'fb:search': { href: 'https://x.example/pb{?q}', templated: true } } };

    expect(validate('phonebank.schema.json', data)).toEqual({ valid: true, errors: [] });
  });
});
