import type { ReportEvidence, RequirementResult } from '../src/generated/schemas.js';
import type { RunResult } from '../src/runner/index.js';

/** Options shared by the reports that state a verdict (Markdown, HTML). */
export interface VerdictOptions {
  /** A failed SHOULD fails the run too, as with `run --strict`. @default false */
  strict?: boolean;
}

/** The run's verdict: the same rule as the exit code (`exitCodeOf` in src/runner/run.ts). */
export interface Verdict {
  passed: boolean;
  /** Failed requirements that decide the verdict: MUST ones, and SHOULD ones when strict. */
  deciding: number;
}

export function verdictOf(result: RunResult, strict = false): Verdict {
  const decides = (r: RequirementResult) =>
    r.status === 'failed' && (r.level === 'MUST' || (strict && r.level === 'SHOULD'));
  const deciding = result.requirements.filter(decides).length;
  return { passed: deciding === 0, deciding };
}

/** The requirements of one scenario, in catalogue order. */
export interface ScenarioGroup {
  scenario: string;
  requirements: RequirementResult[];
}

export function byScenario(result: RunResult): ScenarioGroup[] {
  const groups = new Map<string, RequirementResult[]>();
  for (const r of result.requirements)
    groups.set(r.scenario, [...(groups.get(r.scenario) ?? []), r]);
  return [...groups].map(([scenario, requirements]) => ({ scenario, requirements }));
}

/** True when the scenario was left out with --only: every requirement "not selected". */
export function notSelected(group: ScenarioGroup): boolean {
  return group.requirements.every((r) => r.status === 'skipped' && r.message === 'not selected');
}

export function sourceText(r: RequirementResult): string {
  return `${r.source.file}, ${r.source.section}`;
}

/** A failure's evidence as plain lines: request, status, sent body and received body. */
export function evidenceLines(evidence: ReportEvidence, limit: number): string[] {
  const { request, response } = evidence;
  const lines: string[] = [];
  if (request)
    lines.push(`${request.method} ${request.url}${response ? ` → ${response.status}` : ''}`);
  else if (response) lines.push(`→ ${response.status}`);
  if (request?.body !== undefined) lines.push(`sent: ${excerpt(request.body, limit)}`);
  if (response?.body !== undefined) lines.push(`body: ${excerpt(response.body, limit)}`);
  return lines;
}

/** A body on one line, cut at `limit` characters. */
export function excerpt(body: unknown, limit: number): string {
  const text = typeof body === 'string' ? body.replace(/\s+/g, ' ').trim() : JSON.stringify(body);
  return text.length > limit ? `${text.slice(0, limit)}… (${text.length} characters)` : text;
}

/**
 * `text` with its control characters written out (`\x1b`, `\r`), so that an escape sequence a
 * server put in a body cannot clear or retitle the terminal; line feeds and tabs stay.
 */
export function visibleControls(text: string): string {
  return text.replace(/[\x00-\x08\x0b-\x1f\x7f-\x9f]/g, (c) =>
    c === '\r' ? '\\r' : `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`,
  );
}

/** A deep copy of a JSON-like value with `change` applied to every string in it. */
export function mapStrings<T>(value: T, change: (text: string) => string): T {
  if (typeof value === 'string') return change(value) as T;
  if (Array.isArray(value)) return value.map((v) => mapStrings(v, change)) as T;
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, mapStrings(v, change)]),
    ) as T;
  return value;
}

/** Counts as "1 requirement" / "2 requirements". */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

// XML 1.0 §2.2: Char ::= #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF].
// Anything else (other control characters, lone surrogates, U+FFFE/U+FFFF) makes the document
// ill-formed, even when written as a character reference, so it is dropped.
const NOT_XML_CHAR = /[^\t\n\r\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/**
 * Text content: forbidden characters dropped, `&`, `<` and `>` escaped, and carriage returns
 * as references, which a parser would otherwise fold into line feeds.
 */
export function xmlText(text: string): string {
  return text
    .replace(NOT_XML_CHAR, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\r/g, '&#13;');
}

/** An attribute value in double quotes; tabs and line breaks as references, so they survive. */
export function xmlAttribute(text: string): string {
  return xmlText(text).replace(/"/g, '&quot;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;');
}
