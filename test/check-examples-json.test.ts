import { describe, expect, it } from 'vitest';
import { parseJsonBody } from '../src/check-examples/json-body.js';

// The body starts on page line 10, so page positions are easy to read off.
function parse(text: string) {
  return parseJsonBody({ text, line: 10 });
}

describe('example bodies', () => {
  it('lists every mistake with its line and column, then parses on', () => {
    const body = parse(
      ['{', '  "a": [1, 2,],', "  b: 'x y', // note", '  "c": nil', '}'].join('\n'),
    );

    expect(body.syntax).toEqual([
      {
        position: { line: 11, column: 13 },
        message: 'trailing comma before "]" is not allowed in JSON',
      },
      { position: { line: 12, column: 3 }, message: 'property names must be in double quotes: b' },
      { position: { line: 12, column: 6 }, message: "strings must be in double quotes: 'x y'" },
      { position: { line: 12, column: 13 }, message: 'comments are not allowed in JSON: // note' },
      {
        position: { line: 13, column: 8 },
        message: 'nil is not a JSON value (use null, true, false, a number or a string)',
      },
    ]);
    expect(body.value).toEqual({ a: [1, 2], b: 'x y', c: null });
  });

  it('locates a pointer at the key of a property and at an array item', () => {
    const body = parse(
      ['{', '  unquoted: 1,', '  "list": [', '    "first",', '    "second"', '  ]', '}'].join('\n'),
    );

    expect(body.locate('/list')).toEqual({ line: 12, column: 3 });
    expect(body.locate('/list/1')).toEqual({ line: 14, column: 5 });
    expect(body.locate('/unquoted')).toEqual({ line: 11, column: 3 });
  });

  it('locates a missing member at its nearest parent', () => {
    const body = parse(['{', '  "_links": {}', '}'].join('\n'));

    expect(body.locate('/_links/self/href')).toEqual({ line: 11, column: 3 });
  });

  it('reports what the mending leaves, once per line', () => {
    const body = parse(['{', '  "a": 1', '  "b": 2', '}'].join('\n'));

    expect(body.syntax).toEqual([
      { position: { line: 12, column: 3 }, message: 'a comma was expected here (found "\\"b\\"")' },
    ]);
    expect(body.value).toEqual({ a: 1, b: 2 });
  });

  it('parses a body of 256 levels and stops before parsing one of 257', () => {
    const levels = (n: number) => '['.repeat(n) + ']'.repeat(n);

    const deepest = parse(levels(256));
    const tooDeep = parse(['{', `  "a": ${levels(256)}`, '}'].join('\n'));

    expect(deepest.tooDeep).toBeUndefined();
    expect(deepest.syntax).toEqual([]);
    expect(tooDeep).toMatchObject({
      value: undefined,
      syntax: [],
      tooDeep: { line: 11, column: 263 },
    });
  });

  it('counts no bracket in a string or comment, and no closer that closes nothing', () => {
    const quoted = parse(`[${'"[[[{{{" /* [[[ */ '.repeat(300)}1]`);
    const unmatched = parse(`[${'}'.repeat(300)}${'['.repeat(256)}${']'.repeat(257)}`);

    expect(quoted.tooDeep).toBeUndefined();
    expect(unmatched.tooDeep).toEqual({ line: 10, column: 557 });
  });
});
