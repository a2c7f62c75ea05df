import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The folder that holds this package's package.json. Sources run from src/ (under vitest) and
 * from dist/src/ (compiled), so the depth differs: walk up until the package is found.
 */
export function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && readManifest(manifest).name === 'osdi-conformance') return dir;

    const parent = dirname(dir);
    if (parent === dir) throw new Error('osdi-conformance: package.json not found above ' + dir);
    dir = parent;
  }
}

/** The version in package.json, for --version and reports. */
export function packageVersion(): string {
  return readManifest(join(packageRoot(), 'package.json')).version ?? '0.0.0';
}

function readManifest(path: string): { name?: string; version?: string } {
  return JSON.parse(readFileSync(path, 'utf8')) as { name?: string; version?: string };
}
