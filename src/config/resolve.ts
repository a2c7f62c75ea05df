import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from '../cli/usage-error.js';
import { redactText } from '../runner/redact.js';
import { readConfigFile, type ConfigFile, type FileValue } from './file.js';
import { DEFAULTS, SETTINGS, type RunOptions, type Setting } from './options.js';

/** A raw value and where it came from ("--timeout", "OSDI_TIMEOUT", "config.json: timeout"). */
interface Raw {
  value: FileValue;
  origin: string;
}

/**
 * Resolves the settings of `run`: flags win over OSDI_* environment variables, which win over
 * the config file. Throws a UsageError (exit 2, one line) for anything malformed.
 */
export function resolveRunOptions(argv: string[], env: NodeJS.ProcessEnv, cwd: string): RunOptions {
  const flags = parseFlags(argv);
  const file = readConfigFile(cwd, flags.get('config')?.value as string | undefined);

  const raw = new Map<string, Raw>();
  for (const setting of SETTINGS) {
    const found = flags.get(setting.flag) ?? fromEnv(setting, env) ?? fromFile(setting, file);
    if (found) raw.set(setting.flag, found);
  }
  return toOptions(raw);
}

/** Variables the tool reads besides the settings' own. */
const OTHER_VARIABLES = new Set(['OSDI_DEBUG']);

/**
 * The OSDI_* variables of `env` that name no setting, each with the setting it most likely
 * meant: a misspelt OSDI_TARGETT would otherwise test the built-in server without a word.
 */
export function unknownVariables(env: NodeJS.ProcessEnv): Array<{ name: string; meant?: string }> {
  const known = SETTINGS.flatMap((s) => (s.env ? [s.env] : []));
  return Object.keys(env)
    .filter((name) => name.startsWith('OSDI_') && !known.includes(name))
    .filter((name) => !OTHER_VARIABLES.has(name))
    .sort()
    .map((name) => {
      const meant = known.find((k) => editDistance(k, name) <= 2);
      return meant ? { name, meant } : { name };
    });
}

/** Levenshtein distance, for names of a few dozen characters. */
function editDistance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++)
      next[j] = Math.min(
        row[j]! + 1,
        next[j - 1]! + 1,
        row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    row = next;
  }
  return row[b.length]!;
}

function parseFlags(argv: string[]): Map<string, Raw> {
  const options: ParseArgsConfig['options'] = {};
  for (const s of SETTINGS) options[s.flag] = { type: s.kind === 'boolean' ? 'boolean' : 'string' };
  options['help'] = { type: 'boolean', short: 'h' };

  let values: Record<string, string | boolean | (string | boolean)[] | undefined>;
  try {
    values = parseArgs({ args: argv, options, strict: true, allowPositionals: false }).values;
  } catch (error) {
    throw new UsageError(describeParseError(error as Error & { code?: string }));
  }

  const out = new Map<string, Raw>();
  for (const [flag, value] of Object.entries(values)) {
    if (typeof value === 'string' || typeof value === 'boolean')
      out.set(flag, { value, origin: `--${flag}` });
  }
  return out;
}

function describeParseError(error: Error & { code?: string }): string {
  const option = /'(-[^' ]+)/.exec(error.message)?.[1];
  switch (error.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `unknown option ${option ?? ''} (try run --help)`;
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return `unexpected argument ${/'([^']+)'/.exec(error.message)?.[1] ?? ''} (try run --help)`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return error.message.includes('ambiguous')
        ? `${option ?? 'an option'} needs a value; write ${option ?? '--option'}=<value> for one that starts with a dash`
        : `${option ?? 'an option'} needs a value`;
    default:
      return error.message.split('\n')[0] ?? 'invalid arguments';
  }
}

function fromEnv(setting: Setting, env: NodeJS.ProcessEnv): Raw | undefined {
  const value = setting.env ? env[setting.env] : undefined;
  if (value === undefined || value === '') return undefined;
  return { value, origin: setting.env! };
}

function fromFile(setting: Setting, file: ConfigFile | undefined): Raw | undefined {
  const value = file?.values.get(setting.flag);
  if (value === undefined) return undefined;
  return { value, origin: `${file!.path}: ${setting.flag}` };
}

function toOptions(raw: Map<string, Raw>): RunOptions {
  const get = (flag: string) => raw.get(flag);
  return {
    target: url(get('target')),
    token: headerValue(text(get('token')), get('token')),
    collection: url(get('collection')),
    json: text(get('json')),
    junit: text(get('junit')),
    markdown: text(get('markdown')),
    html: text(get('html')),
    readOnly: bool(get('read-only')),
    timeoutMs: milliseconds(get('timeout')) ?? DEFAULTS.timeoutMs,
    strict: bool(get('strict')),
    only: list(get('only')),
    consistencyWindowMs:
      milliseconds(get('consistency-window'), true) ?? DEFAULTS.consistencyWindowMs,
    rateLimit: rate(get('rate-limit')),
    list: bool(get('list')),
    help: bool(get('help')),
  };
}

function url(raw: Raw | undefined): string | undefined {
  if (!raw) return undefined;
  const value = String(raw.value);
  let parsed: URL | undefined;
  try {
    parsed = new URL(value);
  } catch {
    parsed = undefined;
  }
  if (!parsed || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')) {
    throw new UsageError(`${raw.origin} must be an http or https URL, got "${redactText(value)}"`);
  }
  // fetch refuses URLs with user info, and a password in a URL would end up in the reports.
  if (parsed.username !== '' || parsed.password !== '') {
    throw new UsageError(
      `${raw.origin} must not carry a user name or password; pass the API token with --token or OSDI_API_TOKEN`,
    );
  }
  return parsed.href;
}

/** A token travels as a header value: visible ASCII and spaces inside, nothing else. */
function headerValue(value: string | undefined, raw: Raw | undefined): string | undefined {
  if (value === undefined || /^[\x21-\x7e]([\x20-\x7e]*[\x21-\x7e])?$/.test(value)) return value;
  throw new UsageError(
    `${raw!.origin} must be printable ASCII without line breaks or surrounding spaces: an HTTP header cannot carry it`,
  );
}

function text(raw: Raw | undefined): string | undefined {
  if (!raw) return undefined;
  if (typeof raw.value !== 'string' || raw.value === '')
    throw new UsageError(`${raw.origin} must be a non-empty string`);
  return raw.value;
}

const TRUE = new Set(['1', 'true', 'yes', 'on']);
const FALSE = new Set(['0', 'false', 'no', 'off']);

function bool(raw: Raw | undefined): boolean {
  if (!raw) return false;
  if (typeof raw.value === 'boolean') return raw.value;
  const value = String(raw.value).toLowerCase();
  if (TRUE.has(value)) return true;
  if (FALSE.has(value)) return false;
  throw new UsageError(`${raw.origin} must be true or false, got "${raw.value}"`);
}

const MAX_MILLISECONDS = 2_147_483_647;

function milliseconds(raw: Raw | undefined, zeroAllowed = false): number | undefined {
  if (!raw) return undefined;
  const value =
    typeof raw.value === 'number'
      ? raw.value
      : /^\d+$/.test(String(raw.value))
        ? Number(raw.value)
        : NaN;
  if (!Number.isSafeInteger(value) || value < (zeroAllowed ? 0 : 1)) {
    throw new UsageError(
      `${raw.origin} must be a whole number of milliseconds${zeroAllowed ? '' : ' above 0'}, got "${raw.value}"`,
    );
  }
  // Node's timers hold 2^31 - 1 ms (about 24.8 days); a longer one fires at once.
  if (value > MAX_MILLISECONDS) {
    throw new UsageError(
      `${raw.origin} must be at most ${MAX_MILLISECONDS} milliseconds, got "${raw.value}"`,
    );
  }
  return value;
}

function rate(raw: Raw | undefined): number | undefined {
  if (!raw) return undefined;
  const value =
    typeof raw.value === 'number'
      ? raw.value
      : /^\d+(\.\d+)?$/.test(String(raw.value))
        ? Number(raw.value)
        : NaN;
  if (!Number.isFinite(value) || value <= 0) {
    throw new UsageError(
      `${raw.origin} must be a number of requests per second above 0, got "${raw.value}"`,
    );
  }
  return value;
}

function list(raw: Raw | undefined): string[] | undefined {
  if (!raw) return undefined;
  const items = (Array.isArray(raw.value) ? raw.value : String(raw.value).split(','))
    .map((item) => item.trim())
    .filter((item) => item !== '');
  if (items.length === 0) throw new UsageError(`${raw.origin} must name at least one scenario`);
  return items;
}
