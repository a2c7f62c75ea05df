import type { ExampleFinding } from '../generated/schemas.js';

/**
 * One finding in the compiler convention editors and CI annotate:
 * `phone_bank.md:169:17: error date-time-format /_embedded/osdi:phone_bank/0/start_time "..." is not a valid date-time`.
 */
export function formatFinding(f: ExampleFinding): string {
  const place = f.column === undefined ? `${f.file}:${f.line}` : `${f.file}:${f.line}:${f.column}`;
  const pointer = f.pointer === undefined ? '' : `${f.pointer === '' ? '/' : f.pointer} `;
  return `${place}: ${f.severity} ${f.code} ${pointer}${f.message}`;
}

/** The closing line: how many findings of each severity in how many files. */
export function formatSummary(findings: ExampleFinding[], files: number): string {
  const count = (severity: ExampleFinding['severity']) =>
    findings.filter((f) => f.severity === severity).length;
  const parts = [
    plural(count('error'), 'error'),
    plural(count('warning'), 'warning'),
    plural(count('info'), 'info', 'infos'),
  ];
  return `${parts.join(', ')} in ${plural(files, 'file')}`;
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

const COMMANDS = { error: 'error', warning: 'warning', info: 'notice' } as const;

/** A GitHub Actions workflow command that annotates the finding's line in a pull request. */
export function githubAnnotation(f: ExampleFinding): string {
  const props = [`file=${escapeProperty(f.file)}`, `line=${f.line}`];
  if (f.column !== undefined) props.push(`col=${f.column}`);
  const pointer = f.pointer === undefined ? '' : `${f.pointer === '' ? '/' : f.pointer} `;
  return `::${COMMANDS[f.severity]} ${props.join(',')}::${escapeData(`${f.code} ${pointer}${f.message}`)}`;
}

// https://github.com/actions/toolkit/blob/main/packages/core/src/command.ts
function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
