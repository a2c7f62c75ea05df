import type { RequirementResult } from '../src/generated/schemas.js';
import type { RunResult } from '../src/runner/index.js';
import { mapStrings, visibleControls, evidenceLines } from './shared.js';

/** How the console report is drawn. */
export interface ConsoleOptions {
  /** ANSI colours; the CLI turns them on only on a TTY without NO_COLOR. @default false */
  color?: boolean;
  /** Longest body excerpt shown under a failure, in characters. @default 400 */
  bodyLimit?: number;
}

const MARK = { passed: '✓', failed: '✗', skipped: '○' } as const;
const COLOR = { passed: 32, failed: 31, skipped: 33, dim: 2, bold: 1 } as const;

type Paint = (code: number, text: string) => string;

/**
 * The human report: requirements grouped by scenario with ✓ ✗ ○, each failure with its
 * request, status, body excerpt and spec sentence; the field-support table; what was left
 * behind; and a closing `N passed, N failed, N skipped` line.
 */
export function renderConsole(shown: RunResult, options: ConsoleOptions = {}): string {
  const paint: Paint = (code, text) =>
    options.color && code !== 0 ? `\x1b[${code}m${text}\x1b[0m` : text;
  const limit = options.bodyLimit ?? 400;
  // What a server sent reaches a terminal: its control characters are shown, not obeyed.
  const result = mapStrings(shown, visibleControls);

  return [
    header(result, paint),
    ...scenarios(result).map((group) => scenarioBlock(group, paint, limit)),
    fieldSupportBlock(result),
    cleanupBlock(result, paint),
    toolErrorsBlock(result, paint),
    `${result.summary.passed} passed, ${result.summary.failed} failed, ${result.summary.skipped} skipped`,
  ]
    .filter((block) => block !== '')
    .join('\n\n')
    .concat('\n');
}

function header(result: RunResult, paint: Paint): string {
  const target = result.builtIn ? `${result.target} (built-in reference server)` : result.target;
  const details = [
    result.runId ? `run ${result.runId}` : '',
    result.readOnly ? 'read-only' : '',
    result.stopped === 'interrupted' ? 'interrupted' : '',
    result.stopped === 'deadline' ? 'stopped at the deadline' : '',
  ].filter((d) => d !== '');
  const lines = [paint(COLOR.bold, `osdi-conformance ${result.tool.version} · ${target}`)];
  if (result.collection) lines.push(`collection ${result.collection}`);
  if (details.length > 0) lines.push(paint(COLOR.dim, details.join(' · ')));
  return lines.join('\n');
}

interface ScenarioGroup {
  scenario: string;
  requirements: RequirementResult[];
}

function scenarios(result: RunResult): ScenarioGroup[] {
  const groups = new Map<string, RequirementResult[]>();
  for (const r of result.requirements)
    groups.set(r.scenario, [...(groups.get(r.scenario) ?? []), r]);
  return [...groups].map(([scenario, requirements]) => ({ scenario, requirements }));
}

function scenarioBlock(group: ScenarioGroup, paint: Paint, limit: number): string {
  const notSelected = group.requirements.every(
    (r) => r.status === 'skipped' && r.message === 'not selected',
  );
  if (notSelected) {
    const count = group.requirements.length;
    return paint(
      COLOR.dim,
      `${group.scenario}: not selected (${count} requirement${count === 1 ? '' : 's'})`,
    );
  }

  const idWidth = Math.max(...group.requirements.map((r) => r.id.length));
  const lines = group.requirements.flatMap((r) => requirementLines(r, idWidth, paint, limit));
  return [paint(COLOR.bold, group.scenario), ...lines].join('\n');
}

function requirementLines(
  r: RequirementResult,
  idWidth: number,
  paint: Paint,
  limit: number,
): string[] {
  const head = `  ${paint(COLOR[r.status], MARK[r.status])} ${r.id.padEnd(idWidth)}  ${r.level.padEnd(6)} ${r.title}`;
  const details =
    r.status === 'failed'
      ? failureLines(r, limit)
      : r.status === 'skipped'
        ? [`skipped: ${r.message ?? 'no reason given'}`]
        : [];
  const notes = (r.notes ?? []).map((note) => `note: ${note}`);
  return [
    head,
    ...[...details, ...notes].map((line) =>
      paint(r.status === 'failed' ? 0 : COLOR.dim, `      ${line}`),
    ),
  ];
}

function failureLines(r: RequirementResult, limit: number): string[] {
  const lines = r.message ? r.message.split('\n') : [];
  if (r.evidence) lines.push(...evidenceLines(r.evidence, limit));
  if (r.sentence) lines.push(`spec: "${r.sentence}" (${r.source.file}, ${r.source.section})`);
  else lines.push(`spec: ${r.source.file}, ${r.source.section}`);
  return lines;
}

const SUPPORT_TEXT = {
  supported: 'supported',
  'not-supported': 'not supported',
  mismatch: 'mismatch',
} as const;

function fieldSupportBlock(result: RunResult): string {
  const fields = Object.entries(result.fieldSupport);
  if (fields.length === 0) return '';

  const width = Math.max('field'.length, ...fields.map(([name]) => name.length));
  const rows = fields.map(([name, support]) => `  ${name.padEnd(width)}  ${SUPPORT_TEXT[support]}`);
  return ['Field support (POST round-trip)', `  ${'field'.padEnd(width)}  support`, ...rows].join(
    '\n',
  );
}

function cleanupBlock(result: RunResult, paint: Paint): string {
  const { created, deleted, leftOver } = result.cleanup;
  if (created === 0) return '';

  const line = `Cleanup: created ${created}, deleted ${deleted}`;
  if (leftOver.length === 0) return line;
  const urls = leftOver.map((url) => `  ${url}`);
  return [paint(COLOR.failed, `${line}; left over, remove by hand:`), ...urls].join('\n');
}

function toolErrorsBlock(result: RunResult, paint: Paint): string {
  const errors = result.toolErrors ?? [];
  if (errors.length === 0) return '';
  return [
    paint(COLOR.failed, 'Tool errors (problems of osdi-conformance, not of the target):'),
    ...errors.map((e) => `  ${e}`),
  ].join('\n');
}
