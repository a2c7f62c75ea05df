import { parseArgs } from 'node:util';
import { FAULTS, PROFILE_NAMES, startReferenceServer, type ProfileName } from '../server/index.js';
import { UsageError } from './usage-error.js';

const HELP = `Usage: osdi-conformance serve [options]

Starts the OSDI Phonebank reference server and prints its API Entry Point URL.

Options:
  --port <n>         port to listen on; 0 picks a free one (default 8080)
  --host <address>   address to bind (default 127.0.0.1)
  --profile <name>   seed (like the spec's examples), rest (201/204, paths, numeric ids,
                     pages of 3, vendor extension) or read-only (default seed)
  --fault <name>     break one behaviour on purpose; repeatable (see --list-faults)
  --token <T>        require the header OSDI-API-Token: T (also env OSDI_API_TOKEN)
  --seed <n>         how many Phonebanks to start with (default 5; 8 in the rest profile)
  --log              print one line per request on stderr
  --list-faults      print the faults with one line each, then exit
  --help             print this help
`;

const OPTIONS = {
  port: { type: 'string' },
  host: { type: 'string' },
  profile: { type: 'string' },
  fault: { type: 'string', multiple: true },
  token: { type: 'string' },
  seed: { type: 'string' },
  log: { type: 'boolean' },
  'list-faults': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

type Values = ReturnType<typeof parse>['values'];

function parse(argv: string[]) {
  return parseArgs({ args: argv, options: OPTIONS, strict: true, allowPositionals: false });
}

/** `osdi-conformance serve`: runs until SIGINT or SIGTERM, then closes and exits 0. */
export async function serveCommand(argv: string[]): Promise<number> {
  const { values } = parseOrThrow(argv);
  if (values.help) return print(HELP);
  if (values['list-faults']) return print(listFaults());

  const server = await start(values);
  process.stdout.write(
    `OSDI reference server (profile ${values.profile ?? 'seed'}) serving the API Entry Point at ${server.url}\n`,
  );

  await signalled();
  await server.close();
  return 0;
}

function parseOrThrow(argv: string[]): ReturnType<typeof parse> {
  try {
    return parse(argv);
  } catch (error) {
    throw new UsageError(`serve: ${(error as Error).message.split('\n')[0]}`);
  }
}

async function start(values: Values) {
  const options = {
    port: integer('--port', values.port ?? '8080', 65535),
    host: values.host ?? '127.0.0.1',
    profile: profileName(values.profile ?? 'seed'),
    faults: values.fault ?? [],
    token: values.token ?? process.env.OSDI_API_TOKEN,
    seed: values.seed === undefined ? undefined : integer('--seed', values.seed, 100_000),
    log: values.log ? (line: string) => void process.stderr.write(line + '\n') : undefined,
  };
  checkFaults(options.faults);

  try {
    return await startReferenceServer(options);
  } catch (error) {
    throw new UsageError(
      `serve: cannot listen on ${options.host}:${options.port}: ${(error as Error).message}`,
    );
  }
}

function integer(flag: string, text: string, max: number): number {
  const value = /^\d+$/.test(text) ? Number(text) : NaN;
  if (value >= 0 && value <= max) return value;
  throw new UsageError(`serve: ${flag} must be a whole number from 0 to ${max}, got "${text}"`);
}

function profileName(name: string): ProfileName {
  if ((PROFILE_NAMES as readonly string[]).includes(name)) return name as ProfileName;
  throw new UsageError(
    `serve: unknown profile "${name}"; valid profiles: ${PROFILE_NAMES.join(', ')}`,
  );
}

function checkFaults(names: string[]): void {
  const valid = new Set<string>(FAULTS.map((f) => f.name));
  const unknown = names.filter((n) => !valid.has(n));
  if (unknown.length > 0)
    throw new UsageError(`serve: unknown fault "${unknown[0]}" (see --list-faults)`);
}

function listFaults(): string {
  const width = Math.max(...FAULTS.map((f) => f.name.length));
  return FAULTS.map((f) => `${f.name.padEnd(width)}  ${f.description}\n`).join('');
}

function print(text: string): number {
  process.stdout.write(text);
  return 0;
}

function signalled(): Promise<void> {
  return new Promise((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
