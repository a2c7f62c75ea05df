import { describe, expect, it } from 'vitest';
import { renderJson } from '../reporters/index.js';
import { validate } from '../src/schemas/index.js';
import { sampleResult } from './helpers/run-result.js';

describe('json reporter', () => {
  it('writes the result tree as indented JSON that parses back to it', () => {
    const text = renderJson(sampleResult());

    expect(text.endsWith('}\n')).toBe(true);
    expect(JSON.parse(text)).toEqual(sampleResult());
  });

  it('produces a report that validates against report.schema.json', () => {
    const report: unknown = JSON.parse(renderJson(sampleResult()));

    expect(validate('report.schema.json', report)).toEqual({ valid: true, errors: [] });
  });

  it('has a schema that rejects a report with an unknown status', () => {
    const report = sampleResult();
    (report.requirements[0] as { status: string }).status = 'maybe';

    expect(validate('report.schema.json', report).valid).toBe(false);
  });
});
