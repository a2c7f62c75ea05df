import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse, type ParseError } from 'jsonc-parser';
import { describe, expect, it } from 'vitest';
import { validate } from '../src/index.js';
import { crossValidate } from '../src/schemas/cross-check.js';
import { packageRoot } from '../src/package-root.js';

interface ExampleEntry {
  file: string;
  page: string;
  scenario: string;
  kind: 'request' | 'response';
  method: string;
  firstLine: number;
  lastLine: number;
  schema: string;
  valid: string;
}

interface ValidEntry {
  file: string;
  schema: string;
}

interface InvalidEntry {
  file: string;
  schema: string;
  pointer: string;
  keyword: string;
  rule: string;
}

const fixtures = join(packageRoot(), 'fixtures');

function readJson<T>(...path: string[]): T {
  return JSON.parse(readFileSync(join(fixtures, ...path), 'utf8')) as T;
}

function filesIn(dir: string, suffix: string): string[] {
  return readdirSync(join(fixtures, dir))
    .filter((f) => f.endsWith(suffix) && f !== 'manifest.json')
    .sort();
}

const examples = readJson<ExampleEntry[]>('examples', 'manifest.json');
const valid = readJson<ValidEntry[]>('valid', 'manifest.json');
const invalid = readJson<InvalidEntry[]>('invalid', 'manifest.json');

describe('fixtures/examples', () => {
  it('lists every example file in its manifest', () => {
    expect(examples.map((e) => e.file).sort()).toEqual(filesIn('examples', '.jsonc'));
  });

  it.each(examples)('$file is lines $firstLine-$lastLine of $page, byte for byte', (entry) => {
    const page = readFileSync(join(fixtures, 'spec', entry.page), 'utf8').split('\n');
    const printed = page.slice(entry.firstLine - 1, entry.lastLine).join('\n') + '\n';

    expect(readFileSync(join(fixtures, 'examples', entry.file), 'utf8')).toBe(printed);
  });

  // Read leniently (comments, trailing commas) as check-examples does; errors.md's single quotes
  // and missing commas are beyond JSONC, so those two examples are compared only once corrected.
  const lenient = examples.filter((e) => e.page !== 'errors.md');

  it.each(lenient)('$file gets the same verdict from ajv and hyperjump', async (entry) => {
    const errors: ParseError[] = [];
    const text = readFileSync(join(fixtures, 'examples', entry.file), 'utf8');
    const data: unknown = parse(text, errors, { allowTrailingComma: true });

    expect(errors).toEqual([]);
    expect((await crossValidate(entry.schema, data)).valid).toBe(validate(entry.schema, data).valid);
  });

  it.each(examples)('$file has a corrected version in fixtures/valid', (entry) => {
    expect(valid).toContainEqual(expect.objectContaining({ file: entry.valid, schema: entry.schema }));
  });
});

describe('fixtures/valid', () => {
  it('lists every valid fixture in its manifest', () => {
    expect(valid.map((e) => e.file).sort()).toEqual(filesIn('valid', '.json'));
  });

  it.each(valid)('$file is valid against $schema for ajv and hyperjump', async (entry) => {
    const data = readJson<unknown>('valid', entry.file);

    const ajv = validate(entry.schema, data);
    const hyperjump = await crossValidate(entry.schema, data);

    expect(ajv).toEqual({ valid: true, errors: [] });
    expect(hyperjump).toEqual({ valid: true, errors: [] });
  });
});

describe('fixtures/invalid', () => {
  it('lists every invalid fixture in its manifest', () => {
    expect(invalid.map((e) => e.file).sort()).toEqual(filesIn('invalid', '.json'));
  });

  it.each(invalid)('$file breaks "$rule" at "$pointer" for ajv and hyperjump', async (entry) => {
    const data = readJson<unknown>('invalid', entry.file);
    const where = entry.pointer === '' ? 'the document' : entry.pointer;

    const ajv = validate(entry.schema, data);
    const hyperjump = await crossValidate(entry.schema, data);

    expect(ajv.valid).toBe(false);
    expect(hyperjump.valid).toBe(false);
    expect(ajv.errors).toContainEqual({
      pointer: entry.pointer,
      keyword: entry.keyword,
      message: expect.stringMatching(new RegExp(`^${escape(where)} must `)),
    });
    expect(hyperjump.errors).toContainEqual({ pointer: entry.pointer, keyword: entry.keyword });
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
