import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

const MAIN = join(import.meta.dirname, '..', '..', 'dist', 'src', 'cli', 'main.js');

/**
 * Runs the compiled CLI (npm test builds first) with no OSDI_* variables and no
 * GITHUB_STEP_SUMMARY but those given, so that a test run on GitHub Actions does not write to
 * the job's summary.
 */
export function runCli(args: string[], options: CliOptions = {}): Promise<CliResult> {
  return startCli(args, options).done;
}

export interface CliOptions {
  env?: Record<string, string>;
  cwd?: string;
}

/** Starts the compiled CLI; `done` settles when it exits. */
export function startCli(
  args: string[],
  options: CliOptions = {},
): { child: ChildProcess; done: Promise<CliResult> } {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(
      ([name]) => !name.startsWith('OSDI_') && name !== 'GITHUB_STEP_SUMMARY',
    ),
  );
  const child = spawn(process.execPath, [MAIN, ...args], {
    env: { ...env, ...options.env },
    cwd: options.cwd ?? process.cwd(),
  });

  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const done = new Promise<CliResult>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
  return { child, done };
}

/** A loopback port nothing listens on: bound, then released. */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
