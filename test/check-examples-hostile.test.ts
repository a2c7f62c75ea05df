import { execFileSync } from 'node:child_process';
import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { checkExamples, MAX_INCLUDE_BYTES, MAX_PAGE_BYTES } from '../src/check-examples/index.js';
import { checkExamplesCommand } from '../src/cli/check-examples.js';

// Hostile pages: none may crash the command, hang it or make it read outside the page's folder.

const SMALL_CLEAN = readFileSync('fixtures/check-examples/small-clean.md', 'utf8');
const SCHEMA_TYPE = 'fixtures/check-examples/one-problem/schema-type.md';
const COLLECTION_RESPONSE =
  'Scenario: Retrieving a collection of Phonebank resources (GET) > Response';
const CREATE_REQUEST = 'Scenario: Creating a new Phonebank resource (POST) > Request';

const scratch = mkdtempSync(join(tmpdir(), 'osdi-check-examples-hostile-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** small-clean.md with the given 1-based lines replaced, so every other line keeps its number. */
function pageWith(replacements: Record<number, string>): string {
  const lines = SMALL_CLEAN.split('\n');
  for (const [line, text] of Object.entries(replacements)) lines[Number(line) - 1] = text;
  return lines.join('\n');
}

/** A folder holding page.md (and whatever the test adds); returns the page's path. */
function site(name: string, page: string): string {
  const dir = join(scratch, name);
  mkdirSync(join(dir, 'includes'), { recursive: true });
  writeFileSync(join(dir, 'page.md'), page);
  return join(dir, 'page.md');
}

/**
 * Runs the command in-process (dist/ is not rebuilt for these tests): its exit code, or the
 * error it throws (main.ts prints a UsageError as one line and exits 2), and its stdout.
 */
async function runCommand(args: string[]): Promise<{ result: number | Error; stdout: string }> {
  let stdout = '';
  const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    stdout += String(chunk);
    return true;
  });
  try {
    return { result: await checkExamplesCommand(args), stdout };
  } catch (error) {
    return { result: error as Error, stdout };
  } finally {
    write.mockRestore();
  }
}

const nestedArrays = (levels: number) => '['.repeat(levels) + '1' + ']'.repeat(levels);
const nestedObjects = (levels: number) => '{"a":'.repeat(levels) + '1' + '}'.repeat(levels);

describe('check-examples on bodies nested too deep', () => {
  // Line 86 is the name of the collection's embedded item (level 5: the body, _embedded, the
  // item list, the item, the value); line 153 the name in the POST body (level 2).
  const deep = site(
    'deep',
    pageWith({
      86: `                "name": ${nestedArrays(10_000)},`,
      129: '    "daily_start_hour": "9",',
      153: `    "name": ${nestedObjects(10_000)},`,
    }),
  );

  const expected = [
    {
      file: deep,
      line: 53,
      column: 1,
      example: COLLECTION_RESPONSE,
      code: 'json-too-deep',
      severity: 'error',
      message:
        'the body nests deeper than 256 levels (level 257 opens at line 86, column 277); not checked further',
    },
    {
      file: deep,
      line: 129,
      column: 5,
      example: 'Scenario: Retrieving an individual Phonebank resource (GET) > Response',
      pointer: '/daily_start_hour',
      code: 'schema-type',
      severity: 'error',
      message: 'must be an integer, got "9"',
    },
    {
      file: deep,
      line: 152,
      column: 1,
      example: CREATE_REQUEST,
      code: 'json-too-deep',
      severity: 'error',
      message:
        'the body nests deeper than 256 levels (level 257 opens at line 153, column 1288); not checked further',
    },
    {
      file: SCHEMA_TYPE,
      line: 129,
      column: 5,
      example: 'Scenario: Retrieving an individual Phonebank resource (GET) > Response',
      pointer: '/daily_start_hour',
      code: 'schema-type',
      severity: 'error',
      message: 'must be an integer, got "9"',
    },
  ];

  it('reports each such body once and checks the rest of the page and the next file', async () => {
    const findings = await checkExamples([deep, SCHEMA_TYPE]);

    expect(findings).toEqual(expected);
  });

  it('prints those findings and exits 1, as for any error', async () => {
    const result = await runCommand([deep, SCHEMA_TYPE]);

    expect(result).toEqual({
      result: 1,
      stdout: [
        `${deep}:53:1: error json-too-deep ${expected[0]!.message}`,
        `${deep}:129:5: error schema-type /daily_start_hour must be an integer, got "9"`,
        `${deep}:152:1: error json-too-deep ${expected[2]!.message}`,
        `${SCHEMA_TYPE}:129:5: error schema-type /daily_start_hour must be an integer, got "9"`,
        '4 errors, 0 warnings, 0 infos in 2 files\n',
      ].join('\n'),
    });
  });

  it('checks a body of exactly 256 levels as usual', async () => {
    const page = site(
      'deep-256',
      pageWith({ 86: `                "name": ${nestedArrays(252)},` }),
    );

    const findings = await checkExamples([page]);

    expect(findings).toEqual([
      {
        file: page,
        line: 86,
        column: 17,
        example: COLLECTION_RESPONSE,
        pointer: '/_embedded/osdi:phonebanks/0/name',
        code: 'schema-type',
        severity: 'error',
        message: 'must be a string, got an array',
      },
    ]);
  });
});

// Line 14 is the page's {% include global_fields.md %}; line 15 is blank and takes the include.
describe('check-examples on includes it must not read', () => {
  const SECRET = [
    '### Secret Fields',
    '',
    '| Name | Type | Description',
    '|---|---|---',
    '|secret_field |integer |Read only if the include was.',
    '',
  ].join('\n');

  // The single GET response (line 129) uses secret_field: an unknown field unless it is read.
  function secretPage(name: string, includeLine: string): string {
    const page = site(
      name,
      pageWith({ 15: includeLine, 129: '    "daily_start_hour": 9, "secret_field": 1,' }),
    );
    writeFileSync(join(scratch, name, 'secret.md'), SECRET);
    return page;
  }

  const unknownSecret = (file: string) => ({
    file,
    line: 129,
    column: 28,
    example: 'Scenario: Retrieving an individual Phonebank resource (GET) > Response',
    pointer: '/secret_field',
    code: 'unknown-field',
    severity: 'error',
    message: 'no row of the Phonebank Fields table or the common fields defines "secret_field"',
  });

  it.each([
    ['dot-dot', '../secret.md', 'the name contains "..", which Jekyll refuses, so it is not read'],
    [
      'absolute',
      join(scratch, 'absolute', 'secret.md'),
      'the name is an absolute path; includes are looked up only in the includes folder, so it is not read',
    ],
    ['nul', 'secret\u0000.md', 'the name contains a NUL character, so it is not read'],
  ])('refuses an include name that is %s', async (folder, name, reason) => {
    const page = secretPage(folder, `{% include ${name} %}`);
    const shown = `{% include ${name.replace('\u0000', '\\u0000')} %}`;

    const findings = await checkExamples([page]);

    expect(findings).toEqual([
      {
        file: page,
        line: 15,
        column: 1,
        example: shown,
        code: 'include-refused',
        severity: 'error',
        message: `${shown}: ${reason}`,
      },
      unknownSecret(page),
    ]);
  });

  it.each([
    ['a FIFO', (path: string) => execFileSync('mkfifo', [path]), 'not a regular file (a FIFO)'],
    ['a device', (path: string) => symlinkSync('/dev/zero', path), 'not a regular file (a device)'],
    ['a directory', (path: string) => mkdirSync(path), 'not a file'],
    [
      'larger than the limit',
      (path: string) => {
        writeFileSync(path, SECRET);
        truncateSync(path, MAX_INCLUDE_BYTES + 1);
      },
      `too large (${MAX_INCLUDE_BYTES + 1} bytes; the limit is 1 MiB)`,
    ],
  ])('refuses an include that is %s, without opening it', async (kind, make, reason) => {
    const folder = `include-${kind.replace(/\W+/g, '-')}`;
    const page = secretPage(folder, '{% include secret.md %}');
    const path = join(scratch, folder, 'includes', 'secret.md');
    make(path);

    const findings = await checkExamples([page]);

    expect(findings).toEqual([
      {
        file: page,
        line: 15,
        column: 1,
        example: '{% include secret.md %}',
        code: 'include-refused',
        severity: 'error',
        message: `{% include secret.md %}: ${path} is not read: ${reason}`,
      },
      unknownSecret(page),
    ]);
  });

  it('still reads an include in the includes folder', async () => {
    const page = secretPage('readable', '{% include secret.md %}');
    const include = join(scratch, 'readable', 'includes', 'secret.md');
    writeFileSync(include, SECRET);

    const findings = await checkExamples([page]);

    // Read: secret_field is a known field now, and the schema is held to its row.
    expect(findings).toEqual([
      {
        file: include,
        line: 5,
        example: 'Secret Fields',
        code: 'schema-missing-field',
        severity: 'error',
        message:
          'the Secret Fields table defines secret_field, but phonebank.schema.json has no such property',
      },
    ]);
  });
});

describe('check-examples on pages it must not read', () => {
  const big = join(scratch, 'big.md');
  const atLimit = join(scratch, 'at-limit.md');
  const fifo = join(scratch, 'page-fifo.md');
  // Sparse files: the size is there, the disk blocks are not.
  writeFileSync(big, '');
  truncateSync(big, MAX_PAGE_BYTES + 1);
  writeFileSync(atLimit, '');
  truncateSync(atLimit, MAX_PAGE_BYTES);
  execFileSync('mkfifo', [fifo]);

  it.each([
    ['a page over the limit', big, `too large (${MAX_PAGE_BYTES + 1} bytes; the limit is 1 MiB)`],
    ['a FIFO', fifo, 'not a regular file (a FIFO)'],
  ])('makes %s a usage error before anything is read or printed', async (_, file, reason) => {
    const { result, stdout } = await runCommand([SCHEMA_TYPE, file]);

    expect(result).toMatchObject({
      name: 'UsageError',
      code: 'OSDI_USAGE',
      message: `check-examples: ${reason}: ${file}`,
    });
    expect(stdout).toBe('');
  });

  it('refuses such a page through the library too', async () => {
    await expect(checkExamples([big])).rejects.toThrow(
      `too large (${MAX_PAGE_BYTES + 1} bytes; the limit is 1 MiB): ${big}`,
    );
  });

  it('checks a page of exactly the limit', async () => {
    expect(await checkExamples([atLimit])).toEqual([]);
  });
});
