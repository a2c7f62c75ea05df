import { statSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import type { ExampleFindingsReport } from '../generated/schemas.js';
import {
  checkExamples,
  formatFinding,
  formatSummary,
  githubAnnotation,
} from '../check-examples/index.js';
import { UsageError } from './usage-error.js';

const HELP = `Usage: osdi-conformance check-examples <file.md>... [--json <file>] [--strict]

Checks every example of OSDI spec pages against the pages' tables and text and this package's
schemas, and prints each problem as file:line:column: severity code pointer message.

Options:
  --json <file>  also write the findings as JSON (schemas/findings.schema.json)
  --strict       exit 1 on warnings too, not only on errors
  -h, --help     show this help

Exit codes: 0 no errors, 1 errors found (or warnings with --strict), 2 usage error.
In GitHub Actions (GITHUB_ACTIONS=true) each finding is also printed as an annotation.
`;

/** `osdi-conformance check-examples`: returns 0, 1 (findings) or throws UsageError (2). */
export async function checkExamplesCommand(argv: string[]): Promise<number> {
  const { values, positionals: files } = parseCommandLine(argv);
  if (values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  if (files.length === 0)
    throw new UsageError('check-examples needs at least one Markdown file (try --help)');
  for (const file of files) assertReadableFile(file);

  const findings = await checkExamples(files);
  const lines = findings.map(formatFinding);
  if (process.env.GITHUB_ACTIONS === 'true') lines.push(...findings.map(githubAnnotation));
  process.stdout.write([...lines, formatSummary(findings, files.length)].join('\n') + '\n');

  if (values.json !== undefined) await writeReport(values.json, { files, findings });
  const failing = findings.some(
    (f) => f.severity === 'error' || (values.strict && f.severity === 'warning'),
  );
  return failing ? 1 : 0;
}

function assertReadableFile(file: string): void {
  const stat = statSync(file, { throwIfNoEntry: false });
  if (stat === undefined) throw new UsageError(`check-examples: no such file: ${file}`);
  if (!stat.isFile()) throw new UsageError(`check-examples: not a file: ${file}`);
}

function parseCommandLine(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        /** Write the findings as JSON to this file. */
        json: { type: 'string' },
        /** Count warnings as failures. */
        strict: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    throw new UsageError(`check-examples: ${(error as Error).message}`);
  }
}

async function writeReport(path: string, report: ExampleFindingsReport): Promise<void> {
  try {
    await writeFile(path, JSON.stringify(report, null, 2) + '\n');
  } catch (error) {
    throw new UsageError(`check-examples: cannot write ${path}: ${(error as Error).message}`);
  }
  process.stdout.write(`wrote ${path}\n`);
}
