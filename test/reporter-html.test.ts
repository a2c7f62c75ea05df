import { describe, expect, it } from 'vitest';
import { renderHtml } from '../reporters/index.js';
import type { RunResult } from '../src/runner/index.js';
import { sampleResult } from './helpers/run-result.js';
import { allElements, parseXml, type XmlElement } from './helpers/xml.js';

const HOSTILE = [
  '</pre></article><script>alert(1)</script>',
  '<img src="https://evil.example/pixel.gif" onerror="alert(1)">',
  `"'><a href="javascript:alert(1)">x</a>`,
  '&amp; &lt;b&gt; ]]> <!-- comment -->',
].join('\n');

/** The sample with `text` wherever a server's text can reach the report. */
function hostileResult(text: string): RunResult {
  const result = sampleResult();
  const failed = result.requirements[1]!;
  failed.message = text;
  failed.evidence = {
    request: { method: 'GET', url: `https://api.example.org/${text}`, headers: { accept: text } },
    response: { status: 500, headers: { 'content-type': text }, body: { error: text, raw: text } },
  };
  result.requirements[0]!.notes = [text];
  result.requirements[2]!.message = text;
  result.cleanup.leftOver = [text];
  result.fieldSupport = { [text]: 'mismatch' };
  result.toolErrors = [text];
  return result;
}

function namesOf(root: XmlElement): string[] {
  return allElements(root).map((e) => e.name);
}

/** All text of the document, element boundaries removed. */
function textOf(element: XmlElement): string {
  return element.text + element.children.map(textOf).join('');
}

describe('html reporter', () => {
  it('renders the sample result as in the snapshot', async () => {
    const html = renderHtml({
      ...sampleResult(),
      toolErrors: ['no suite file for scenario links'],
    });

    await expect(html).toMatchFileSnapshot('./__snapshots__/reporter-html.sample.html');
  });

  it('is a well-formed document with a summary, a section per scenario, field support and cleanup', () => {
    const root = parseXml(renderHtml(sampleResult()));

    const sections = allElements(root)
      .filter((e) => e.name === 'section')
      .map((e) => e.attributes['id']);
    expect(sections).toEqual([
      'scenario-discovery',
      'scenario-collection',
      'scenario-post',
      'scenario-links',
      'field-support',
      'cleanup',
    ]);
    const articles = allElements(root).filter((e) => e.name === 'article');
    expect(articles.map((a) => [a.attributes['id'], a.attributes['class']])).toEqual([
      ['req-PB-DISC-01', 'requirement is-passed'],
      ['req-PB-COL-02', 'requirement is-failed'],
      ['req-PB-POST-01', 'requirement is-skipped'],
    ]);
  });

  it('loads nothing from anywhere and runs no script', () => {
    const root = parseXml(renderHtml(hostileResult(HOSTILE)));

    const elements = allElements(root);
    expect(namesOf(root)).not.toContain('script');
    expect(namesOf(root)).not.toContain('link');
    expect(elements.filter((e) => 'src' in e.attributes)).toEqual([]);
    expect(
      elements.every((e) => !e.attributes['href'] || e.attributes['href'].startsWith('#')),
    ).toBe(true);
    expect(
      elements.find((e) => e.attributes['http-equiv'] === 'Content-Security-Policy'),
    ).toMatchObject({ attributes: { content: "default-src 'none'; style-src 'unsafe-inline'" } });
  });

  it('shows hostile server text as text and adds no element for it', () => {
    const plain = parseXml(renderHtml(hostileResult('plain text')));

    const hostile = parseXml(renderHtml(hostileResult(HOSTILE)));

    expect(namesOf(hostile)).toEqual(namesOf(plain));
    const occurrences = textOf(hostile).split(HOSTILE).length - 1;
    // message ×2, request line, request header, response header, note, field, left over, tool error
    expect(occurrences).toBe(9);
    expect(textOf(hostile)).toContain(`"raw": ${JSON.stringify(HOSTILE)}`);
  });

  it('drops control characters that would garble the page', () => {
    const html = renderHtml(hostileResult('bell\x07 nul\x00 escape\x1b[31m lone\uD800 ok'));

    expect(textOf(parseXml(html))).toContain('bell nul escape[31m lone ok');
  });

  it('pretty-prints a JSON body and cuts a long one, saying how long it was', () => {
    const result = sampleResult();
    result.requirements[1]!.evidence = { response: { status: 500, body: 'y'.repeat(50) } };

    const html = renderHtml(result, { bodyLimit: 10 });

    expect(html).toContain('<h4>Response</h4>\n<pre>500\n\nyyyyyyyyyy\n… (50 characters)</pre>');
    expect(renderHtml(sampleResult())).toContain(
      '<pre>200\n\n{\n  "total_records": 1,\n  "_embedded": {\n',
    );
  });

  it.each([
    [false, 'Passed: no MUST requirement failed.'],
    [true, 'Failed: 1 MUST or SHOULD requirement failed.'],
  ])('states the verdict by the exit-code rule (strict: %s)', (strict, statement) => {
    const result = sampleResult();
    result.requirements[1]!.level = 'SHOULD';

    const verdict = allElements(parseXml(renderHtml(result, { strict }))).find((e) =>
      e.attributes['class']?.startsWith('verdict'),
    );

    expect(verdict?.text).toBe(statement);
  });
});
