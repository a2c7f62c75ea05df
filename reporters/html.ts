import type {
  EvidenceRequest,
  EvidenceResponse,
  RequirementResult,
} from '../src/generated/schemas.js';
import type { RunResult } from '../src/runner/index.js';
import {
  byScenario,
  notSelected,
  plural,
  sourceText,
  verdictOf,
  xmlAttribute,
  xmlText,
  type ScenarioGroup,
  type VerdictOptions,
} from './shared.js';

/** How the HTML report is drawn. */
export interface HtmlOptions extends VerdictOptions {
  /** Longest request or response body shown, in characters. @default 4000 */
  bodyLimit?: number;
}

const MARK = { passed: '✓', failed: '✗', skipped: '○' } as const;

const SUPPORT_TEXT = {
  supported: 'supported',
  'not-supported': 'not supported',
  mismatch: 'mismatch',
} as const;

/**
 * One self-contained HTML page for a person: the verdict and run details, a table of
 * scenarios, then each scenario's requirements with status, level, title, source and spec
 * sentence, failures with their request and response; field support and cleanup. No script
 * and no external asset (a Content-Security-Policy forbids both); every piece of text is
 * escaped, so a hostile server's body shows as text. Written as well-formed XML, so that it
 * can be checked with an XML parser.
 */
export function renderHtml(result: RunResult, options: HtmlOptions = {}): string {
  const limit = options.bodyLimit ?? 4000;
  const groups = byScenario(result);
  const body = [
    summarySection(result, groups, options),
    toolErrorsSection(result),
    ...groups.map((group) => scenarioSection(group, limit)),
    fieldSupportSection(result),
    cleanupSection(result),
  ].filter((part) => part !== '');

  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    head(result, options),
    '<body>',
    '<main>',
    ...body,
    '</main>',
    `<footer>Written by ${text(`${result.tool.name} ${result.tool.version}`)}.</footer>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

function head(result: RunResult, options: HtmlOptions): string {
  const verdict = verdictOf(result, options.strict).passed ? 'passed' : 'failed';
  return [
    '<head>',
    '<meta charset="utf-8"/>',
    '<meta name="viewport" content="width=device-width, initial-scale=1"/>',
    // Defence in depth: even markup that slipped through escaping could load or run nothing.
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'"/>`,
    `<title>OSDI conformance ${verdict}: ${text(result.target)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
  ].join('\n');
}

function summarySection(result: RunResult, groups: ScenarioGroup[], options: HtmlOptions): string {
  const verdict = verdictOf(result, options.strict);
  const levels = options.strict ? 'MUST or SHOULD' : 'MUST';
  const statement = verdict.passed
    ? `Passed: no ${levels} requirement failed.`
    : `Failed: ${plural(verdict.deciding, `${levels} requirement`)} failed.`;
  const { passed, failed, skipped } = result.summary;

  return [
    '<header>',
    '<h1>OSDI conformance report</h1>',
    `<p class="verdict ${verdict.passed ? 'passed' : 'failed'}">${text(statement)}</p>`,
    `<p class="counts"><span class="passed">${passed} passed</span> · <span class="failed">${failed} failed</span> · <span class="skipped">${skipped} skipped</span></p>`,
    runDetails(result),
    failedLinks(result),
    scenarioTable(groups),
    '</header>',
  ].join('\n');
}

function runDetails(result: RunResult): string {
  const mode = [
    result.readOnly ? 'read-only' : '',
    result.stopped === 'interrupted' ? 'interrupted' : '',
    result.stopped === 'deadline' ? 'stopped at the deadline' : '',
  ].filter((m) => m !== '');
  const rows: [string, string][] = [
    ['Target', result.target + (result.builtIn ? ' (built-in reference server)' : '')],
    ...(result.collection ? [['Collection', result.collection] as [string, string]] : []),
    ...(result.runId ? [['Run', result.runId] as [string, string]] : []),
    ['Started', `${result.startedAt}, took ${(result.durationMs / 1000).toFixed(1)} s`],
    ...(mode.length > 0 ? [['Mode', mode.join(', ')] as [string, string]] : []),
  ];
  const items = rows.map(([term, value]) => `<dt>${term}</dt><dd>${text(value)}</dd>`);
  return ['<dl class="run">', ...items, '</dl>'].join('\n');
}

/** Links to the failed requirements, so that a reader starts with them. */
function failedLinks(result: RunResult): string {
  const failed = result.requirements.filter((r) => r.status === 'failed');
  if (failed.length === 0) return '';
  const links = failed.map((r) => `<a href="#${anchor('req', r.id)}">${text(r.id)}</a>`);
  return `<p class="failed">Failed: ${links.join(', ')}</p>`;
}

function scenarioTable(groups: ScenarioGroup[]): string {
  const count = (g: ScenarioGroup, status: string) =>
    g.requirements.filter((r) => r.status === status).length;
  const rows = groups.map(
    (g) =>
      `<tr><td><a href="#${anchor('scenario', g.scenario)}">${text(g.scenario)}</a></td>` +
      `<td>${count(g, 'passed')}</td><td>${count(g, 'failed')}</td><td>${count(g, 'skipped')}</td></tr>`,
  );
  return [
    '<table class="scenarios">',
    '<thead><tr><th>Scenario</th><th>Passed</th><th>Failed</th><th>Skipped</th></tr></thead>',
    '<tbody>',
    ...rows,
    '</tbody>',
    '</table>',
  ].join('\n');
}

function toolErrorsSection(result: RunResult): string {
  const errors = result.toolErrors ?? [];
  if (errors.length === 0) return '';
  return [
    '<section id="tool-errors">',
    '<h2>Tool errors</h2>',
    '<p>Problems of osdi-conformance, not of the target:</p>',
    `<ul>${errors.map((e) => `<li><pre>${text(e)}</pre></li>`).join('')}</ul>`,
    '</section>',
  ].join('\n');
}

function scenarioSection(group: ScenarioGroup, limit: number): string {
  const open = `<section id="${anchor('scenario', group.scenario)}">`;
  const title = `<h2>${text(group.scenario)}</h2>`;
  if (notSelected(group)) {
    const count = plural(group.requirements.length, 'requirement');
    return [open, title, `<p class="skipped">Not selected (${count}).</p>`, '</section>'].join(
      '\n',
    );
  }
  return [
    open,
    title,
    ...group.requirements.map((r) => requirementBlock(r, limit)),
    '</section>',
  ].join('\n');
}

function requirementBlock(r: RequirementResult, limit: number): string {
  const heading =
    `<h3><span class="mark">${MARK[r.status]}</span> <span class="status">${r.status}</span> ` +
    `<span class="id">${text(r.id)}</span> <span class="level">${text(r.level)}</span> ${text(r.title)}</h3>`;
  return [
    `<article id="${anchor('req', r.id)}" class="requirement is-${r.status}">`,
    heading,
    `<p class="source">${text(sourceText(r))}</p>`,
    r.sentence ? `<blockquote>${text(r.sentence)}</blockquote>` : '',
    r.message ? `<p class="message">${text(r.message)}</p>` : '',
    r.status === 'failed' && r.evidence ? evidenceBlock(r.evidence, limit) : '',
    notesList(r.notes ?? []),
    '</article>',
  ]
    .filter((part) => part !== '')
    .join('\n');
}

function evidenceBlock(
  evidence: NonNullable<RequirementResult['evidence']>,
  limit: number,
): string {
  const parts = ['<div class="evidence">'];
  if (evidence.request) parts.push('<h4>Request</h4>', pre(requestText(evidence.request, limit)));
  if (evidence.response)
    parts.push('<h4>Response</h4>', pre(responseText(evidence.response, limit)));
  parts.push('</div>');
  return parts.join('\n');
}

function requestText(request: EvidenceRequest, limit: number): string {
  return httpMessage(`${request.method} ${request.url}`, request.headers, request.body, limit);
}

function responseText(response: EvidenceResponse, limit: number): string {
  return httpMessage(String(response.status), response.headers, response.body, limit);
}

/** A request or response as HTTP shows it: start line, headers, a blank line, the body. */
function httpMessage(
  start: string,
  headers: Record<string, string> | undefined,
  body: unknown,
  limit: number,
): string {
  const lines = [
    start,
    ...Object.entries(headers ?? {}).map(([name, value]) => `${name}: ${value}`),
  ];
  if (body !== undefined) lines.push('', bodyText(body, limit));
  return lines.join('\n');
}

function bodyText(body: unknown, limit: number): string {
  const full = typeof body === 'string' ? body : JSON.stringify(body, null, 2);
  return full.length > limit ? `${full.slice(0, limit)}\n… (${full.length} characters)` : full;
}

function notesList(notes: string[]): string {
  if (notes.length === 0) return '';
  return `<ul class="notes">${notes.map((n) => `<li>note: ${text(n)}</li>`).join('')}</ul>`;
}

function fieldSupportSection(result: RunResult): string {
  const fields = Object.entries(result.fieldSupport);
  if (fields.length === 0) return '';
  const rows = fields.map(
    ([name, support]) =>
      `<tr><td><code>${text(name)}</code></td><td class="${support}">${SUPPORT_TEXT[support]}</td></tr>`,
  );
  return [
    '<section id="field-support">',
    '<h2>Field support (POST round-trip)</h2>',
    '<table>',
    '<thead><tr><th>Field</th><th>Support</th></tr></thead>',
    '<tbody>',
    ...rows,
    '</tbody>',
    '</table>',
    '</section>',
  ].join('\n');
}

function cleanupSection(result: RunResult): string {
  const { created, deleted, leftOver } = result.cleanup;
  if (created === 0) return '';
  const line = `<p>Created ${created}, deleted ${deleted}.</p>`;
  const left =
    leftOver.length === 0
      ? ''
      : `<p class="failed">Left on the target, remove by hand:</p>\n<ul>${leftOver.map((url) => `<li><code>${text(url)}</code></li>`).join('')}</ul>`;
  return ['<section id="cleanup">', '<h2>Cleanup</h2>', line, left, '</section>']
    .filter((part) => part !== '')
    .join('\n');
}

function pre(content: string): string {
  return `<pre>${text(content)}</pre>`;
}

/** Escaped text content; XML-safe, hence HTML-safe. */
function text(value: string): string {
  return xmlText(value);
}

/** An id for an anchor: the prefix and the name, with anything but [A-Za-z0-9_-] as "-". */
function anchor(prefix: string, name: string): string {
  return xmlAttribute(`${prefix}-${name.replace(/[^A-Za-z0-9_-]/g, '-')}`);
}

const STYLE = `
:root { color-scheme: light dark; --pass: #1a7f37; --fail: #cf222e; --skip: #9a6700;
  --muted: #656d76; --line: #d0d7de; --code: #f6f8fa; }
@media (prefers-color-scheme: dark) { :root { --pass: #3fb950; --fail: #f85149;
  --skip: #d29922; --muted: #8d96a0; --line: #30363d; --code: #161b22; } }
body { font: 15px/1.5 system-ui, sans-serif; margin: 0 auto; max-width: 62rem; padding: 1rem 1.5rem; }
h1 { margin-bottom: 0.25rem; }
h2 { border-bottom: 1px solid var(--line); padding-bottom: 0.25rem; margin-top: 2rem; }
h3 { font-size: 1rem; margin: 0; }
h4 { margin: 0.75rem 0 0.25rem; font-size: 0.85rem; color: var(--muted); }
.verdict { font-size: 1.25rem; font-weight: 600; margin: 0.25rem 0; }
.passed, .is-passed .mark, .is-passed .status { color: var(--pass); }
.failed, .is-failed .mark, .is-failed .status, .mismatch { color: var(--fail); }
.skipped, .is-skipped .mark, .is-skipped .status { color: var(--skip); }
.requirement { border-left: 4px solid var(--line); padding: 0.5rem 0.75rem; margin: 0.75rem 0; }
.is-failed { border-left-color: var(--fail); }
.is-passed { border-left-color: var(--pass); }
.is-skipped { border-left-color: var(--skip); }
.status { font-size: 0.75rem; text-transform: uppercase; letter-spacing: 0.05em; }
.id { font-family: ui-monospace, monospace; }
.level { font-size: 0.75rem; border: 1px solid var(--line); border-radius: 1rem; padding: 0 0.5rem; }
.source, .notes { color: var(--muted); font-size: 0.875rem; margin: 0.25rem 0; }
blockquote { margin: 0.25rem 0; padding-left: 0.75rem; border-left: 2px solid var(--line); font-style: italic; }
.message { white-space: pre-wrap; }
pre { background: var(--code); padding: 0.5rem 0.75rem; overflow-x: auto; white-space: pre-wrap;
  word-break: break-word; font-size: 0.8rem; margin: 0; }
table { border-collapse: collapse; margin: 0.75rem 0; }
th, td { border: 1px solid var(--line); padding: 0.25rem 0.75rem; text-align: left; }
dl.run { display: grid; grid-template-columns: max-content auto; gap: 0 1rem; }
dt { color: var(--muted); }
dd { margin: 0; overflow-wrap: anywhere; }
footer { color: var(--muted); font-size: 0.8rem; margin-top: 3rem; }
`;
