import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../package-root.js';

/** Where the compiled scenario suites live, and how their file names end. */
export interface SuiteLocation {
  dir: string;
  /** @default '.test.js' */
  suffix: string;
}

export function defaultSuiteLocation(): SuiteLocation {
  return { dir: join(packageRoot(), 'dist', 'suites'), suffix: '.test.js' };
}

/** Scenario name → absolute path of its suite file: `suites/<scenario>.test.ts` is "<scenario>". */
export function listSuites(location: SuiteLocation): Map<string, string> {
  const suites = new Map<string, string>();
  if (!existsSync(location.dir)) return suites;

  for (const file of readdirSync(location.dir).sort()) {
    if (file.endsWith(location.suffix))
      suites.set(file.slice(0, -location.suffix.length), join(location.dir, file));
  }
  return suites;
}
