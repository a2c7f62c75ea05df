import { describe, expect, it } from 'vitest';
import { renderJunit, xmlAttribute, xmlText } from '../reporters/index.js';
import type { RunResult } from '../src/runner/index.js';
import { sampleResult } from './helpers/run-result.js';
import { allElements, childrenNamed, parseXml } from './helpers/xml.js';

const SUITE_PROPERTIES = [
  '    <properties>',
  '      <property name="target" value="https://api.example.org/osdi/v1/"/>',
  '      <property name="tool" value="osdi-conformance 0.1.0"/>',
  '      <property name="run-id" value="20250101-abcdef"/>',
  '    </properties>',
];

const STAMP = 'time="0.000" timestamp="2025-01-01T10:00:00.000Z"';

/** A result whose failing requirement carries text a hostile server could send. */
function hostileResult(text: string): RunResult {
  const result = sampleResult();
  const failed = result.requirements[1]!;
  failed.message = text;
  failed.evidence = { response: { status: 500, body: text } };
  result.requirements[2]!.message = text;
  return result;
}

describe('junit reporter', () => {
  it('writes one suite per scenario and one case per requirement, with failure, skip and properties', () => {
    const xml = renderJunit(sampleResult());

    expect(xml).toBe(
      [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<testsuites name="osdi-conformance" tests="5" failures="1" errors="1" skipped="2" time="1.234" timestamp="2025-01-01T10:00:00.000Z">',
        `  <testsuite name="discovery" tests="1" failures="0" errors="0" skipped="0" ${STAMP}>`,
        ...SUITE_PROPERTIES,
        '    <testcase name="PB-DISC-01 The API Entry Point answers 200 with an AEP document" classname="osdi-conformance.discovery" time="0.000">',
        '      <properties>',
        '        <property name="level" value="MUST"/>',
        '        <property name="source" value="aep.md, Scenario: Retrieving the API Entry Point resource (GET)"/>',
        '        <property name="sentence" value="Calling the AEP URL will return the API Entry Point resource."/>',
        '      </properties>',
        '      <system-out>note: answered application/json, not application/hal+json</system-out>',
        '    </testcase>',
        '  </testsuite>',
        `  <testsuite name="collection" tests="1" failures="1" errors="0" skipped="0" ${STAMP}>`,
        ...SUITE_PROPERTIES,
        '    <testcase name="PB-COL-02 Every embedded Phonebank validates against the Phonebank schema" classname="osdi-conformance.collection" time="0.000">',
        '      <properties>',
        '        <property name="level" value="MUST"/>',
        '        <property name="source" value="phone_bank.md, Phonebank Fields"/>',
        '        <property name="sentence" value="daily_start_hour | integer | The hour of the day the phone bank starts."/>',
        '      </properties>',
        '      <failure message="MUST validate against the Phonebank schema: /daily_start_hour must be an integer, got &quot;9&quot;" type="MUST">MUST validate against the Phonebank schema: /daily_start_hour must be an integer, got "9"',
        'GET https://api.example.org/osdi/v1/phonebanks?page=1 → 200',
        'body: {"total_records":1,"_embedded":{"osdi:phonebanks":[{"daily_start_hour":"9"}]}}',
        'spec: "daily_start_hour | integer | The hour of the day the phone bank starts." (phone_bank.md, Phonebank Fields)</failure>',
        '    </testcase>',
        '  </testsuite>',
        `  <testsuite name="post" tests="1" failures="0" errors="0" skipped="1" ${STAMP}>`,
        ...SUITE_PROPERTIES,
        '    <testcase name="PB-POST-01 POST creates a Phonebank and returns it" classname="osdi-conformance.post" time="0.000">',
        '      <properties>',
        '        <property name="level" value="MUST"/>',
        '        <property name="source" value="phone_bank.md, Scenario: Creating a new Phonebank (POST)"/>',
        '      </properties>',
        '      <skipped message="not supported by the target: POST answered 405"/>',
        '    </testcase>',
        '  </testsuite>',
        `  <testsuite name="links" tests="1" failures="0" errors="0" skipped="1" ${STAMP}>`,
        ...SUITE_PROPERTIES,
        '    <testcase name="PB-LINK-02 A linked resource validates against its schema where one exists" classname="osdi-conformance.links" time="0.000">',
        '      <properties>',
        '        <property name="level" value="SHOULD"/>',
        '        <property name="source" value="general.md, Linking"/>',
        '      </properties>',
        '      <skipped message="not selected"/>',
        '    </testcase>',
        '  </testsuite>',
        `  <testsuite name="tool" tests="1" failures="0" errors="1" skipped="0" ${STAMP}>`,
        ...SUITE_PROPERTIES,
        '    <testcase name="cleanup" classname="osdi-conformance.tool" time="0.000">',
        '      <error message="1 resource the run created could not be deleted: remove by hand" type="cleanup">https://api.example.org/osdi/v1/phonebanks/77</error>',
        '    </testcase>',
        '  </testsuite>',
        '</testsuites>',
        '',
      ].join('\n'),
    );
  });

  it('is well-formed XML whose counts match its test cases', () => {
    const root = parseXml(renderJunit(sampleResult()));

    const cases = allElements(root).filter((e) => e.name === 'testcase');
    const having = (name: string) => cases.filter((c) => childrenNamed(c, name).length > 0).length;
    expect(root.attributes).toMatchObject({
      tests: String(cases.length),
      failures: String(having('failure')),
      errors: String(having('error')),
      skipped: String(having('skipped')),
    });
  });

  it('times each case by its requirement and each suite by the sum of its cases', () => {
    const result = sampleResult();
    const [first, second] = result.requirements.filter((r) => r.scenario === result.requirements[0]!.scenario);
    first!.durationMs = 1500;
    if (second) second.durationMs = 250;

    const root = parseXml(renderJunit(result));

    const suite = allElements(root).find((e) => e.name === 'testsuite' && e.attributes.name === first!.scenario)!;
    const times = childrenNamed(suite, 'testcase').map((c) => c.attributes.time);
    expect(times.slice(0, 2)).toEqual(second ? ['1.500', '0.250'] : ['1.500']);
    expect(suite.attributes.time).toBe(second ? '1.750' : '1.500');
  });

  it('reports tool errors as errors of the tool suite, apart from findings', () => {
    const result = { ...sampleResult(), toolErrors: ['no suite file for scenario links'] };

    const tool = childrenNamed(parseXml(renderJunit(result)), 'testsuite').at(-1)!;

    expect(tool.attributes).toMatchObject({ name: 'tool', tests: '2', errors: '2' });
    expect(childrenNamed(tool, 'testcase')[0]).toMatchObject({
      attributes: { name: 'no suite file for scenario links', classname: 'osdi-conformance.tool' },
      children: [
        {
          name: 'error',
          attributes: { message: 'no suite file for scenario links', type: 'tool-error' },
        },
      ],
    });
  });

  it.each([
    ['a closing tag', 'got </failure></testcase><testcase name="injected">'],
    ['a script', '<script>alert("x")</script> & <![CDATA[ ]]>'],
    ['quotes and line breaks', `it's "quoted"\nsecond line\r\n\tindented`],
    ['control characters', 'bell\x07 nul\x00 escape\x1b[31m ffff\uFFFF lone\uD800 ok\u{1F600}'],
  ])('keeps %s in a message as text, in a well-formed document', (_, text) => {
    const expected = text.replace(/[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFF\uD800]/gu, '');

    const root = parseXml(renderJunit(hostileResult(text)));

    const cases = allElements(root).filter((e) => e.name === 'testcase');
    expect(cases).toHaveLength(5);
    const failure = allElements(root).find((e) => e.name === 'failure')!;
    expect(failure.text.startsWith(`${expected}\n→ 500\nbody: `)).toBe(true);
    const skipped = allElements(root).find((e) => e.name === 'skipped')!;
    expect(skipped.attributes['message']).toBe(expected);
  });

  it('puts only the first line of a message in the failure attribute', () => {
    const root = parseXml(renderJunit(hostileResult('first line\nsecond line')));

    const failure = allElements(root).find((e) => e.name === 'failure')!;

    expect(failure.attributes['message']).toBe('first line');
  });

  it('cuts a long body and says how long it was', () => {
    const result = hostileResult('x');
    result.requirements[1]!.evidence = { response: { status: 500, body: 'y'.repeat(5000) } };

    const failure = allElements(parseXml(renderJunit(result, { bodyLimit: 5 }))).find(
      (e) => e.name === 'failure',
    )!;

    expect(failure.text).toContain('\nbody: yyyyy… (5000 characters)\n');
  });
});

describe('xml escaping', () => {
  it.each([
    ['a < b & c > d', 'a &lt; b &amp; c &gt; d', 'a &lt; b &amp; c &gt; d'],
    ['say "hi"\n', 'say "hi"\n', 'say &quot;hi&quot;&#10;'],
    ['\x00\x0B\uFFFE\t', '\t', '&#9;'],
  ])('escapes %j as text and as an attribute', (raw, text, attribute) => {
    expect([xmlText(raw), xmlAttribute(raw)]).toEqual([text, attribute]);
  });
});
