import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { escapeMarkdown, inlineCode, renderMarkdown } from '../reporters/index.js';
import { verdictOf } from '../reporters/shared.js';
import { exitCodeOf, type RunResult } from '../src/runner/index.js';
import { sampleResult } from './helpers/run-result.js';

// GitHub-like: tables, and raw HTML allowed (as GitHub allows <details> and <br>). Bare URLs
// are left unlinked: GitHub links them showing the URL itself, which hides nothing; what must
// not happen is a link whose text hides its target.
const markdownIt = new MarkdownIt({ html: true });

/** The sample with one requirement of each kind carrying `text` where a server's text goes. */
function hostileResult(text: string): RunResult {
  const result = sampleResult();
  result.requirements[1]!.message = text;
  result.requirements[2]!.message = text;
  result.cleanup.leftOver = [text];
  return result;
}

/** The cells of each table body row of the rendered HTML. */
function bodyRows(html: string): string[][] {
  const bodies = [...html.matchAll(/<tbody>([\s\S]*?)<\/tbody>/g)].map((m) => m[1]!);
  return bodies.flatMap((body) =>
    [...body.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((row) =>
      [...row[1]!.matchAll(/<td>([\s\S]*?)<\/td>/g)].map((c) => c[1]!),
    ),
  );
}

describe('markdown reporter', () => {
  it('renders the verdict, failed and skipped tables, and folds the rest', () => {
    const markdown = renderMarkdown(sampleResult());

    expect(markdown).toBe(
      [
        '## ❌ OSDI conformance: failed (1 passed, 1 failed, 2 skipped)',
        '',
        '1 MUST requirement failed. Target `https://api.example.org/osdi/v1/` · run `20250101-abcdef` · osdi-conformance 0.1.0',
        '',
        '### Failed',
        '',
        '| Requirement | Level | Title | Message |',
        '| --- | --- | --- | --- |',
        '| PB-COL-02 | MUST | Every embedded Phonebank validates against the Phonebank schema | MUST validate against the Phonebank schema: /daily\\_start\\_hour must be an integer, got "9" |',
        '',
        '### Skipped',
        '',
        '| Requirement | Level | Title | Reason |',
        '| --- | --- | --- | --- |',
        '| PB-POST-01 | MUST | POST creates a Phonebank and returns it | not supported by the target: POST answered 405 |',
        '',
        'Not selected: links (1 requirement).',
        '',
        '<details>',
        '<summary>All 4 requirements</summary>',
        '',
        '|  | Requirement | Level | Title | Scenario | Source |',
        '| --- | --- | --- | --- | --- | --- |',
        '| ✅ | PB-DISC-01 | MUST | The API Entry Point answers 200 with an AEP document | discovery | aep.md, Scenario: Retrieving the API Entry Point resource (GET) |',
        '| ❌ | PB-COL-02 | MUST | Every embedded Phonebank validates against the Phonebank schema | collection | phone\\_bank.md, Phonebank Fields |',
        '| ⏭️ | PB-POST-01 | MUST | POST creates a Phonebank and returns it | post | phone\\_bank.md, Scenario: Creating a new Phonebank (POST) |',
        '| ⏭️ | PB-LINK-02 | SHOULD | A linked resource validates against its schema where one exists | links | general.md, Linking |',
        '',
        '</details>',
        '',
        '<details>',
        '<summary>Field support (POST round-trip)</summary>',
        '',
        '| Field | Support |',
        '| --- | --- |',
        '| `name` | supported |',
        '| `summary` | not supported |',
        '| `daily_start_hour` | ❌ mismatch |',
        '',
        '</details>',
        '',
        '### Cleanup',
        '',
        'Created 2, deleted 1. Left on the target, remove by hand:',
        '',
        '- `https://api.example.org/osdi/v1/phonebanks/77`',
        '',
      ].join('\n'),
    );
  });

  it.each([
    [
      false,
      '## ✅ OSDI conformance: passed (1 passed, 1 failed, 0 skipped)',
      'No MUST requirement failed.',
    ],
    [
      true,
      '## ❌ OSDI conformance: failed (1 passed, 1 failed, 0 skipped)',
      '1 MUST or SHOULD requirement failed.',
    ],
  ])('judges a failed SHOULD by the exit-code rule (strict: %s)', (strict, title, line) => {
    const result = sampleResult();
    result.requirements = result.requirements.slice(0, 2);
    result.requirements[1]!.level = 'SHOULD';
    result.summary = { passed: 1, failed: 1, skipped: 0 };

    const lines = renderMarkdown(result, { strict }).split('\n');

    expect([lines[0], lines[2]!.split(' Target')[0]]).toEqual([title, line]);
  });

  it('says when the run was interrupted, read-only or against the built-in server', () => {
    const result = {
      ...sampleResult(),
      builtIn: true,
      readOnly: true,
      stopped: 'interrupted' as const,
    };

    const line = renderMarkdown(result).split('\n')[2];

    expect(line).toBe(
      '1 MUST requirement failed. Target `https://api.example.org/osdi/v1/` (built-in reference server) · run `20250101-abcdef` · read-only · **interrupted** · osdi-conformance 0.1.0',
    );
  });

  it('lists tool errors under their own heading', () => {
    const result = { ...sampleResult(), toolErrors: ['no suite file for scenario <links>'] };

    expect(renderMarkdown(result)).toContain(
      '### Tool errors\n\nProblems of osdi-conformance, not of the target:\n\n- no suite file for scenario \\<links\\>\n',
    );
  });

  it.each([
    ['a pipe', 'expected a | b, got c || d'],
    ['a script', '<script>alert(1)</script></details><img src=x onerror=alert(1)>'],
    ['a link and emphasis', '[click](https://evil.example) **bold** _it_ ~~gone~~ $x^2$ `code`'],
    ['line breaks', 'first line\nsecond line\r\nthird'],
    ['control characters and entities', 'bell\x07 escape\x1b[31m &lt;b&gt; \\| back\\slash'],
  ])('keeps %s in a server message as text, in one table cell', (_, text) => {
    const html = markdownIt.render(renderMarkdown(hostileResult(text)));

    const rows = bodyRows(html);
    // Control characters are dropped; a CR LF is one line break.
    const expected = text.replace(/[\x00-\x08\x0B-\x1F]/g, '');
    const shown = (cell: string) =>
      cell
        .replace(/<br>\n?/g, '\n')
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"')
        .replace(/&amp;/g, '&');
    expect(rows.map((cells) => cells.length)).toEqual([4, 4, 6, 6, 6, 6, 2, 2, 2]);
    expect(shown(rows[0]![3]!)).toBe(expected);
    expect(shown(rows[1]![3]!)).toBe(expected);
    expect(html).not.toMatch(/<(script|img|a|strong|em|s)\b/);
  });

  it('keeps a hostile left-over URL in inline code', () => {
    const html = markdownIt.render(renderMarkdown(hostileResult('http://x/`a`</code><b>')));

    expect(html).toContain('<li><code>http://x/`a`&lt;/code&gt;&lt;b&gt;</code></li>');
  });
});

describe('verdict', () => {
  it.each([
    ['MUST', false],
    ['MUST', true],
    ['SHOULD', false],
    ['SHOULD', true],
    ['MAY', false],
    ['MAY', true],
  ] as const)('follows the exit-code rule for a failed %s (strict: %s)', (level, strict) => {
    const result = sampleResult();
    result.requirements[1]!.level = level;

    expect(verdictOf(result, strict).passed).toBe(exitCodeOf(result, strict) === 0);
  });
});

describe('markdown escaping', () => {
  it.each([
    ['a_b*c', 'a\\_b\\*c'],
    ['<b>&amp;', '\\<b\\>\\&amp;'],
    ['[x](y) ![i](j)', '\\[x\\](y) \\!\\[i\\](j)'],
    ['one\ntwo\r\nthree', 'one<br>two<br>three'],
    ['a | b', 'a | b'],
  ])('escapes %j as %j', (raw, escaped) => {
    expect(escapeMarkdown(raw)).toBe(escaped);
  });

  it.each([
    ['plain', '`plain`'],
    ['a`b', '``a`b``'],
    ['`x`', '`` `x` ``'],
    ['two\nlines', '`two lines`'],
  ])('fences %j as %j', (raw, fenced) => {
    expect(inlineCode(raw)).toBe(fenced);
  });
});
