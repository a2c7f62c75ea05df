import { describe, expect, it } from 'vitest';
import { redactDeep, redactText } from '../src/runner/index.js';

describe('token redaction', () => {
  it.each([
    [
      'GET https://x.test/?osdi-api-token=abc&page=2',
      undefined,
      'GET https://x.test/?osdi-api-token=***&page=2',
    ],
    ['https://x.test/?OSDI-API-TOKEN=abc', undefined, 'https://x.test/?OSDI-API-TOKEN=***'],
    ['sent t0k+en/1 and t0k%2Ben%2F1', 't0k+en/1', 'sent *** and ***'],
    [
      'cannot reach https://x.test/?osdi-api-token=***: ECONNREFUSED',
      undefined,
      'cannot reach https://x.test/?osdi-api-token=***: ECONNREFUSED',
    ],
  ])('masks %j', (text, token, expected) => {
    expect(redactText(text, token)).toBe(expected);
  });

  it('masks token headers and every string of a JSON value', () => {
    const value = {
      headers: { 'osdi-api-token': 'abc', Accept: 'x' },
      list: ['abc1', 2, null],
      n: 1,
    };

    expect(redactDeep(value, 'abc')).toEqual({
      headers: { 'osdi-api-token': '***', Accept: 'x' },
      list: ['***1', 2, null],
      n: 1,
    });
  });
});
