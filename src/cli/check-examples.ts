import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import type { ExampleFindingsReport } from '../generated/schemas.js';
import {
  checkExamples,
  formatFinding,
  formatSummary,
  githubAnnotation,
  MAX_INCLUDE_BYTES,
  MAX_PAGE_BYTES,
  mebibytes,
  unreadablePage,
} from '../check-examples/index.js';
import { MAX_JSON_DEPTH } from '../client/body.js';
import { UsageError } from './usage-error.js';

const PAGE_LIMIT = mebibytes(MAX_PAGE_BYTES);
const INCLUDE_LIMIT = mebibytes(MAX_INCLUDE_BYTES);

const HELP = `Usage: osdi-conformance check-examples <file.md>... [--json <file>] [--strict]

Checks every example of OSDI spec pages against the pages' tables and text and this package's
schemas, and prints each problem as file:line:column: severity code pointer message.

Options:
  --json <file>  also write the findings as JSON (schemas/findings.schema.json)
  --strict       exit 1 on warnings too, not only on errors
  -h, --help     show this help

Limits: a page over ${PAGE_LIMIT} is a usage error (spec pages are far smaller). An include is not
read (include-refused) if its name has "..", a leading / or a NUL, or its file is no regular
file or is over ${INCLUDE_LIMIT}. A body nested over ${MAX_JSON_DEPTH} levels is not checked further (json-too-deep).

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

// Every file is stat'ed before any is read: a missing page, a FIFO or a page over the size
// limit is a usage error, reported before any finding.
function assertReadableFile(file: string): void {
  const reason = unreadablePage(file);
  if (reason !== undefined) throw new UsageError(`check-examples: ${reason}: ${file}`);
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
