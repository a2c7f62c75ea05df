/**
 * The settings of `osdi-conformance run`, one table that drives the flag parser, the
 * environment variables and the config file alike, so the three cannot drift apart.
 */

/** The resolved settings of a run. */
export interface RunOptions {
  /** The API Entry Point URL; undefined means "test the built-in reference server". */
  target?: string;
  /** Sent as OSDI-API-Token to the target's origin only. Never printed. */
  token?: string;
  /** The Phonebank collection URL, overriding discovery through the AEP. */
  collection?: string;
  /** Where to write the JSON report. */
  json?: string;
  /** Where to write the JUnit XML report. */
  junit?: string;
  /** Where to write the Markdown summary. */
  markdown?: string;
  /** Where to write the HTML report. */
  html?: string;
  /** Send no POST, PUT or DELETE. @default false */
  readOnly: boolean;
  /** Per-request timeout in milliseconds. @default 10000 */
  timeoutMs: number;
  /** Fail the run (exit 1) on a failed SHOULD too. @default false */
  strict: boolean;
  /** Run only these scenarios (suite names). */
  only?: string[];
  /** How long a read after a write is retried, in milliseconds. @default 5000 */
  consistencyWindowMs: number;
  /** Requests per second at most. */
  rateLimit?: number;
  /** Print the catalogue and exit without sending a request. @default false */
  list: boolean;
  /** Print the usage of `run`. @default false */
  help: boolean;
}

export const DEFAULTS = {
  timeoutMs: 10_000,
  consistencyWindowMs: 5_000,
} as const;

export type SettingKind = 'url' | 'string' | 'boolean' | 'milliseconds' | 'rate' | 'list';

/** One setting: its flag (also its config-file key), its environment variable and its kind. */
export interface Setting {
  flag: string;
  env?: string;
  kind: SettingKind;
  /** The value's name in --help, e.g. "ms"; none for booleans. */
  placeholder?: string;
  /** Text for --help. */
  help: string;
}

export const SETTINGS: readonly Setting[] = [
  {
    flag: 'target',
    env: 'OSDI_TARGET',
    kind: 'url',
    placeholder: 'url',
    help: 'API Entry Point URL (default: the built-in reference server)',
  },
  {
    flag: 'token',
    env: 'OSDI_API_TOKEN',
    kind: 'string',
    placeholder: 'token',
    help: 'API token, sent as OSDI-API-Token to the target origin only (prefer OSDI_API_TOKEN)',
  },
  {
    flag: 'collection',
    env: 'OSDI_COLLECTION',
    kind: 'url',
    placeholder: 'url',
    help: 'Phonebank collection URL (default: found through the AEP)',
  },
  {
    flag: 'json',
    env: 'OSDI_JSON',
    kind: 'string',
    placeholder: 'file',
    help: 'write the JSON report to this file',
  },
  {
    flag: 'junit',
    env: 'OSDI_JUNIT',
    kind: 'string',
    placeholder: 'file',
    help: 'write a JUnit XML report to this file',
  },
  {
    flag: 'markdown',
    env: 'OSDI_MARKDOWN',
    kind: 'string',
    placeholder: 'file',
    help: 'write a Markdown summary to this file (also appended to $GITHUB_STEP_SUMMARY when set)',
  },
  {
    flag: 'html',
    env: 'OSDI_HTML',
    kind: 'string',
    placeholder: 'file',
    help: 'write a self-contained HTML report to this file',
  },
  {
    flag: 'read-only',
    env: 'OSDI_READ_ONLY',
    kind: 'boolean',
    help: 'send no POST, PUT or DELETE; write requirements are skipped',
  },
  {
    flag: 'timeout',
    env: 'OSDI_TIMEOUT',
    kind: 'milliseconds',
    placeholder: 'ms',
    help: `per-request timeout in ms (default ${DEFAULTS.timeoutMs})`,
  },
  { flag: 'strict', env: 'OSDI_STRICT', kind: 'boolean', help: 'exit 1 when a SHOULD failed too' },
  {
    flag: 'only',
    env: 'OSDI_ONLY',
    kind: 'list',
    placeholder: 'scenario,...',
    help: 'run only these scenarios, comma-separated',
  },
  {
    flag: 'consistency-window',
    env: 'OSDI_CONSISTENCY_WINDOW',
    kind: 'milliseconds',
    placeholder: 'ms',
    help: `retry reads after writes for this long, in ms (default ${DEFAULTS.consistencyWindowMs})`,
  },
  {
    flag: 'rate-limit',
    env: 'OSDI_RATE_LIMIT',
    kind: 'rate',
    placeholder: 'rps',
    help: 'send at most this many requests per second',
  },
  {
    flag: 'config',
    kind: 'string',
    placeholder: 'file',
    help: 'read settings from this JSON file (default: ./osdi-conformance.config.json when present)',
  },
  {
    flag: 'list',
    kind: 'boolean',
    help: 'print the requirement catalogue and exit; sends no request',
  },
  { flag: 'help', kind: 'boolean', help: 'print this help' },
];

/** The config file read from the current directory when --config is not given. */
export const DEFAULT_CONFIG_FILE = 'osdi-conformance.config.json';
