import { describe, expect, it } from 'vitest';
import { renderConsole } from '../reporters/index.js';
import { sampleResult } from './helpers/run-result.js';

describe('console reporter', () => {
  it('renders requirements by scenario, failures with evidence, field support and the summary', () => {
    const text = renderConsole(sampleResult());

    expect(text).toBe(
      [
        'osdi-conformance 0.1.0 · https://api.example.org/osdi/v1/',
        'run 20250101-abcdef',
        '',
        'discovery',
        '  ✓ PB-DISC-01  MUST   The API Entry Point answers 200 with an AEP document',
        '      note: answered application/json, not application/hal+json',
        '',
        'collection',
        '  ✗ PB-COL-02  MUST   Every embedded Phonebank validates against the Phonebank schema',
        '      MUST validate against the Phonebank schema: /daily_start_hour must be an integer, got "9"',
        '      GET https://api.example.org/osdi/v1/phonebanks?page=1 → 200',
        '      body: {"total_records":1,"_embedded":{"osdi:phonebanks":[{"daily_start_hour":"9"}]}}',
        '      spec: "daily_start_hour | integer | The hour of the day the phone bank starts." (phone_bank.md, Phonebank Fields)',
        '',
        'post',
        '  ○ PB-POST-01  MUST   POST creates a Phonebank and returns it',
        '      skipped: not supported by the target: POST answered 405',
        '',
        'links: not selected (1 requirement)',
        '',
        'Field support (POST round-trip)',
        '  field             support',
        '  name              supported',
        '  summary           not supported',
        '  daily_start_hour  mismatch',
        '',
        'Cleanup: created 2, deleted 1; left over, remove by hand:',
        '  https://api.example.org/osdi/v1/phonebanks/77',
        '',
        '1 passed, 1 failed, 2 skipped',
        '',
      ].join('\n'),
    );
  });

  it('ends with the summary alone on the last line', () => {
    const lines = renderConsole(sampleResult()).trimEnd().split('\n');

    expect(lines.at(-1)).toBe('1 passed, 1 failed, 2 skipped');
  });

  it('uses colour only when asked to', () => {
    expect(renderConsole(sampleResult())).not.toContain('\x1b[');
    expect(renderConsole(sampleResult(), { color: true })).toContain('\x1b[31m✗\x1b[0m');
  });

  it('cuts a long body and says how long it was', () => {
    const result = sampleResult();
    result.requirements[1]!.evidence = { response: { status: 500, body: 'x'.repeat(1000) } };

    const text = renderConsole(result, { bodyLimit: 10 });

    expect(text).toContain('      → 500\n      body: xxxxxxxxxx… (1000 characters)\n');
  });

  // Principle 4: a hostile body cannot clear the screen or retitle the terminal.
  it('writes out the control characters of what the server sent, and keeps its own colours', () => {
    const result = sampleResult();
    result.requirements[1]!.message = 'MUST answer JSON, received \x1b]0;PWNED\x07';
    result.requirements[1]!.evidence = { response: { status: 500, body: '\x1b[2J\x00done' } };

    const plain = renderConsole(result);
    const coloured = renderConsole(result, { color: true });

    expect(plain).not.toMatch(/[\x00-\x08\x1b\x7f]/);
    expect(plain).toContain('      MUST answer JSON, received \\x1b]0;PWNED\\x07\n');
    expect(plain).toContain('      body: \\x1b[2J\\x00done\n');
    expect(coloured).toContain('\x1b[31m✗\x1b[0m');
  });

  it('marks the built-in reference server, a read-only run and an interrupted one', () => {
    const result = {
      ...sampleResult(),
      builtIn: true,
      readOnly: true,
      stopped: 'interrupted' as const,
    };

    const head = renderConsole(result).split('\n').slice(0, 2);

    expect(head).toEqual([
      'osdi-conformance 0.1.0 · https://api.example.org/osdi/v1/ (built-in reference server)',
      'run 20250101-abcdef · read-only · interrupted',
    ]);
  });

  it('lists tool errors apart from findings', () => {
    const result = { ...sampleResult(), toolErrors: ['no suite file for scenario links'] };

    expect(renderConsole(result)).toContain(
      'Tool errors (problems of osdi-conformance, not of the target):\n  no suite file for scenario links\n',
    );
  });
});
