import type { RequirementResult } from '../src/generated/schemas.js';
import type { RunResult } from '../src/runner/index.js';
import {
  byScenario,
  notSelected,
  plural,
  sourceText,
  verdictOf,
  type VerdictOptions,
} from './shared.js';

/** How the Markdown summary is written. */
export type MarkdownOptions = VerdictOptions;

const MARK = { passed: '✅', failed: '❌', skipped: '⏭️' } as const;

const SUPPORT_TEXT = {
  supported: 'supported',
  'not-supported': 'not supported',
  mismatch: '❌ mismatch',
} as const;

/**
 * A GitHub-flavoured Markdown summary, for a pull-request comment or $GITHUB_STEP_SUMMARY:
 * the verdict and counts, the failed requirements, the skipped ones with their reasons, tool
 * errors, then all requirements and the field-support table folded in `<details>`, and what
 * the run left on the target. Text from the server is escaped, so it cannot add markup.
 */
export function renderMarkdown(result: RunResult, options: MarkdownOptions = {}): string {
  return [
    headline(result, options),
    failedBlock(result),
    skippedBlock(result),
    toolErrorsBlock(result),
    allRequirementsBlock(result),
    fieldSupportBlock(result),
    cleanupBlock(result),
  ]
    .filter((block) => block !== '')
    .join('\n\n')
    .concat('\n');
}

function headline(result: RunResult, options: MarkdownOptions): string {
  const verdict = verdictOf(result, options.strict);
  const { passed, failed, skipped } = result.summary;
  const counts = `${passed} passed, ${failed} failed, ${skipped} skipped`;
  const title = verdict.passed
    ? `## ✅ OSDI conformance: passed (${counts})`
    : `## ❌ OSDI conformance: failed (${counts})`;

  const levels = options.strict ? 'MUST or SHOULD' : 'MUST';
  const deciding = verdict.passed
    ? `No ${levels} requirement failed.`
    : `${plural(verdict.deciding, `${levels} requirement`)} failed.`;
  return [title, '', `${deciding} ${runLine(result)}`].join('\n');
}

function runLine(result: RunResult): string {
  const target = `Target ${inlineCode(result.target)}${result.builtIn ? ' (built-in reference server)' : ''}`;
  return [
    target,
    result.collection ? `collection ${inlineCode(result.collection)}` : '',
    result.runId ? `run ${inlineCode(result.runId)}` : '',
    result.readOnly ? 'read-only' : '',
    result.stopped === 'interrupted' ? '**interrupted**' : '',
    result.stopped === 'deadline' ? '**stopped at the deadline**' : '',
    `${result.tool.name} ${result.tool.version}`,
  ]
    .filter((part) => part !== '')
    .join(' · ');
}

function failedBlock(result: RunResult): string {
  const failed = result.requirements.filter((r) => r.status === 'failed');
  if (failed.length === 0) return '';
  return [
    '### Failed',
    '',
    table(['Requirement', 'Level', 'Title', 'Message'], failed.map(row)),
  ].join('\n');
}

function skippedBlock(result: RunResult): string {
  const skipped = result.requirements.filter(
    (r) => r.status === 'skipped' && r.message !== 'not selected',
  );
  const unselected = byScenario(result).filter(notSelected);
  const lines: string[] = [];
  if (skipped.length > 0)
    lines.push(table(['Requirement', 'Level', 'Title', 'Reason'], skipped.map(row)));
  if (unselected.length > 0)
    lines.push(`Not selected: ${unselected.map(scenarioCount).join(', ')}.`);
  return lines.length > 0 ? ['### Skipped', ...lines].join('\n\n') : '';
}

function scenarioCount(group: { scenario: string; requirements: unknown[] }): string {
  return `${escapeMarkdown(group.scenario)} (${plural(group.requirements.length, 'requirement')})`;
}

function row(r: RequirementResult): string[] {
  return [r.id, r.level, r.title, r.message ?? ''].map(escapeMarkdown);
}

function toolErrorsBlock(result: RunResult): string {
  const errors = result.toolErrors ?? [];
  if (errors.length === 0) return '';
  const items = errors.map((e) => `- ${escapeMarkdown(e)}`);
  return [
    '### Tool errors',
    '',
    'Problems of osdi-conformance, not of the target:',
    '',
    ...items,
  ].join('\n');
}

function allRequirementsBlock(result: RunResult): string {
  const rows = result.requirements.map((r) =>
    [MARK[r.status], r.id, r.level, r.title, r.scenario, sourceText(r)].map(escapeMarkdown),
  );
  const header = ['', 'Requirement', 'Level', 'Title', 'Scenario', 'Source'];
  return details(`All ${plural(result.requirements.length, 'requirement')}`, table(header, rows));
}

function fieldSupportBlock(result: RunResult): string {
  const fields = Object.entries(result.fieldSupport);
  if (fields.length === 0) return '';
  const rows = fields.map(([name, support]) => [inlineCode(name), SUPPORT_TEXT[support]]);
  return details('Field support (POST round-trip)', table(['Field', 'Support'], rows));
}

function cleanupBlock(result: RunResult): string {
  const { created, deleted, leftOver } = result.cleanup;
  if (leftOver.length === 0) return '';
  const items = leftOver.map((url) => `- ${inlineCode(url)}`);
  const line = `Created ${created}, deleted ${deleted}. Left on the target, remove by hand:`;
  return ['### Cleanup', '', line, '', ...items].join('\n');
}

/** A folded block; `summary` is our own text (it sits in raw HTML, where escapes do not work). */
function details(summary: string, body: string): string {
  // GitHub renders Markdown inside <details> only after a blank line.
  return ['<details>', `<summary>${summary}</summary>`, '', body, '', '</details>'].join('\n');
}

function table(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.map(cell).join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

/** A table cell: a pipe would end the cell, whether in code or not (GFM tables). */
function cell(markdown: string): string {
  return markdown.replace(/\|/g, '\\|');
}

// C0 and C1 controls other than tab and line breaks: invisible at best, garbling at worst.
const CONTROL = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F]/g;

/**
 * Plain text in Markdown: every character that could start markup is backslash-escaped
 * (CommonMark allows that for any ASCII punctuation), so a server's `<script>`, `[link](…)`
 * or `$math$` shows as written. Line breaks become `<br>`, which works in table cells too;
 * pipes are left to `cell()`.
 */
export function escapeMarkdown(value: string): string {
  return value
    .replace(CONTROL, '')
    .replace(/[\\`*_[\]<>#+!~$&]/g, '\\$&')
    .replace(/\r\n?|\n/g, '<br>');
}

/** Inline code: a backtick fence longer than any run of backticks inside. */
export function inlineCode(value: string): string {
  const plain = value.replace(CONTROL, '').replace(/\r\n?|\n/g, ' ');
  const longest = Math.max(0, ...(plain.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = plain.startsWith('`') || plain.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${plain}${pad}${fence}`;
}
