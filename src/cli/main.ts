#!/usr/bin/env node
import { packageVersion } from '../package-root.js';
import { UsageError } from './usage-error.js';

/** A subcommand: takes its own arguments, returns the process exit code. */
type Command = (argv: string[]) => Promise<number>;

const commands: Record<string, () => Promise<Command>> = {
  run: async () => (await import('./run.js')).runCommand,
  serve: async () => (await import('./serve.js')).serveCommand,
  'check-examples': async () => (await import('./check-examples.js')).checkExamplesCommand,
};

const HELP = `osdi-conformance ${packageVersion()}: conformance tests for OSDI (Open Supporter Data Interface) APIs

Usage:
  osdi-conformance run [--target <API entry point URL>] [--token <T>] [options]
  osdi-conformance serve [--port <n>] [--profile seed|rest|read-only] [--fault <name>]...
  osdi-conformance check-examples <file.md>... [--json <file>] [--strict]
  osdi-conformance <command> --help
  osdi-conformance --help | --version

With no --target, run tests the built-in reference server.
`;

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined) throw new UsageError('no command given (try --help)');
  if (name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(HELP);
    return 0;
  }
  if (name === '--version' || name === '-v') {
    process.stdout.write(packageVersion() + '\n');
    return 0;
  }

  const load = commands[name];
  if (!load) throw new UsageError(`unknown command "${name}" (try --help)`);
  return (await load())(rest);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof UsageError) {
      process.stderr.write(`osdi-conformance: ${error.message}\n`);
      process.exitCode = 2;
      return;
    }
    process.stderr.write(`osdi-conformance: internal error: ${describeInternal(error)}\n`);
    process.exitCode = 2;
  },
);

/** One line for the user; the whole stack only when asked for, for a bug report. */
function describeInternal(error: unknown): string {
  if (process.env.OSDI_DEBUG) return String((error as Error)?.stack ?? error);
  const message = String((error as Error)?.message ?? error).split('\n')[0];
  return `${message} (OSDI_DEBUG=1 shows the stack)`;
}
