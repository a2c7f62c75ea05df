import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { UsageError } from '../cli/usage-error.js';
import { DEFAULT_CONFIG_FILE, SETTINGS } from './options.js';

/** A setting's value as written in the config file. */
export type FileValue = string | number | boolean | string[];

/** The settings of a config file, keyed by flag name, and the file's path for messages. */
export interface ConfigFile {
  path: string;
  values: Map<string, FileValue>;
}

const FILE_KEYS = new Set(
  SETTINGS.map((s) => s.flag).filter((f) => !['config', 'list', 'help'].includes(f)),
);

/**
 * Reads `explicit` (from --config), or else osdi-conformance.config.json in `cwd` when it
 * exists. JSON with comments is accepted. Keys are the long flag names, e.g. "read-only".
 */
export function readConfigFile(cwd: string, explicit?: string): ConfigFile | undefined {
  const path = explicit ? resolve(cwd, explicit) : resolve(cwd, DEFAULT_CONFIG_FILE);
  if (!explicit && !existsSync(path)) return undefined;

  return { path, values: settingsOf(parseFile(path), path) };
}

function parseFile(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new UsageError(
      `cannot read config file ${path}: ${(error as NodeJS.ErrnoException).code ?? error}`,
    );
  }

  const errors: ParseError[] = [];
  const data: unknown = parse(text, errors, { allowTrailingComma: true });
  const first = errors[0];
  if (first) {
    const line = text.slice(0, first.offset).split('\n').length;
    throw new UsageError(
      `config file ${path}: ${printParseErrorCode(first.error)} at line ${line}`,
    );
  }
  return data;
}

function settingsOf(data: unknown, path: string): Map<string, FileValue> {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw new UsageError(`config file ${path} must hold a JSON object`);
  }

  const values = new Map<string, FileValue>();
  for (const [key, value] of Object.entries(data)) {
    if (!FILE_KEYS.has(key)) throw new UsageError(`config file ${path}: unknown setting "${key}"`);
    if (!isFileValue(value))
      throw new UsageError(
        `config file ${path}: "${key}" must be a string, number, boolean or list of strings`,
      );
    values.set(key, value);
  }
  return values;
}

function isFileValue(value: unknown): value is FileValue {
  if (Array.isArray(value)) return value.every((item) => typeof item === 'string');
  return ['string', 'number', 'boolean'].includes(typeof value);
}
