import { describe, expect, it } from 'vitest';
import { validate } from '../src/index.js';

describe('phonebank schema', () => {
  it('rejects an hour given as a string with a sentence naming the field', () => {
    const result = validate('phonebank.schema.json', { daily_start_hour: '9' });

    expect(result.errors).toEqual([
      { pointer: '/daily_start_hour', keyword: 'type', message: '/daily_start_hour must be an integer, got "9"' },
    ]);
  });
});
