import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkExamples } from '../src/index.js';

const PAGE = 'fixtures/spec/phone_bank.md';
const ONE = 'fixtures/check-examples/one-problem';

interface Expected {
  code: string;
  line: number;
  pointer: string | null;
}

function triples(findings: { code: string; line: number; pointer?: string | null }[]): Expected[] {
  return findings.map(({ code, line, pointer }) => ({ code, line, pointer: pointer ?? null }));
}

describe('check-examples on phone_bank.md', () => {
  it('reports exactly the findings verified by reading the page', async () => {
    const expected = JSON.parse(
      readFileSync('fixtures/check-examples/phone_bank.expected.json', 'utf8'),
    ) as {
      findings: Expected[];
    };

    const findings = await checkExamples([PAGE]);

    expect(triples(findings)).toEqual(triples(expected.findings));
  });

  it('places the one-digit hour of the first embedded item at its key, as in the issue', async () => {
    const findings = await checkExamples([PAGE]);

    expect(findings.find((f) => f.line === 169)).toEqual({
      file: PAGE,
      line: 169,
      column: 17,
      example: 'Scenario: Retrieving a collection of Phonebank resources (GET) > Response',
      pointer: '/_embedded/osdi:phone_bank/0/start_time',
      code: 'date-time-format',
      severity: 'error',
      message: '"2018-02-19T8:00:00Z" is not a valid date-time',
    });
  });

  it('gives syntax findings the exact column of the comment or comma', async () => {
    const findings = await checkExamples([PAGE]);

    const syntax = findings
      .filter((f) => f.code === 'json-syntax')
      .map((f) => [f.line, f.column, f.message]);
    expect(syntax).toEqual([
      [140, 14, 'trailing comma before "]" is not allowed in JSON'],
      [141, 13, 'comments are not allowed in JSON: //(truncated for brevity)'],
      [265, 14, 'trailing comma before "]" is not allowed in JSON'],
      [266, 13, 'comments are not allowed in JSON: //truncated for brevity'],
      [390, 10, 'trailing comma before "}" is not allowed in JSON'],
    ]);
  });

  it('reports the create and delete status codes as information, not errors', async () => {
    const findings = await checkExamples([PAGE]);

    const codes = findings
      .filter((f) => f.code === 'response-code')
      .map((f) => [f.line, f.severity, f.message]);
    expect(codes).toEqual([
      [399, 'info', 'errors.md lists 201 for create; 200 is also used by the page'],
      [560, 'info', 'errors.md lists 204 for delete; 200 is also used by the page'],
    ]);
  });
});

describe('check-examples on clean pages', () => {
  it('finds nothing in the corrected copy of phone_bank.md', async () => {
    expect(await checkExamples(['fixtures/check-examples/clean.md'])).toEqual([]);
  });

  it('finds nothing in the small page the one-problem pages derive from', async () => {
    expect(await checkExamples(['fixtures/check-examples/small-clean.md'])).toEqual([]);
  });
});

interface OnePage {
  page: string;
  code: string;
  line: number;
  column?: number;
  pointer?: string;
}

const ONE_PROBLEM_PAGES = (
  JSON.parse(readFileSync(`${ONE}/expected.json`, 'utf8')) as { pages: OnePage[] }
).pages;

describe('pages with one problem', () => {
  it.each(ONE_PROBLEM_PAGES)(
    '$page yields exactly one $code finding',
    async ({ page, ...expected }) => {
      const findings = await checkExamples([`${ONE}/${page}`]);

      expect(
        findings.map(({ code, line, column, pointer }) => ({ code, line, column, pointer })),
      ).toEqual([expected]);
    },
  );
});

describe('check-examples on aep.md', () => {
  // Read off aep.md: aep.schema.json covers every Links row (lines 56-69); line 184 is the
  // example's bare "docs" link, a Links row that lacks its osdi: prefix.
  it('reports the unprefixed docs link and no Links row the schema lacks', async () => {
    const findings = await checkExamples(['fixtures/spec/aep.md']);

    expect(triples(findings)).toEqual([{ code: 'unknown-link', line: 184, pointer: '/_links/docs' }]);
  });
});
