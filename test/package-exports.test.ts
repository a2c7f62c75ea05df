import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSchemas } from '../src/schemas/index.js';
import { packageRoot } from '../src/package-root.js';
import { REQUIREMENTS } from '../src/requirements/catalogue.js';

const run = promisify(execFile);
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

let workdir = '';
let project = '';

// One pack and one install per run: the package as a vendor would get it from the registry.
beforeAll(async () => {
  workdir = await mkdtemp(join(tmpdir(), 'osdi-conformance-pack-'));
  project = join(workdir, 'project');

  await run(npm, ['pack', '--ignore-scripts', '--silent', '--pack-destination', workdir], { cwd: packageRoot() });
  const tarball = (await readdir(workdir)).find((f) => f.endsWith('.tgz'));
  if (!tarball) throw new Error(`npm pack wrote no tarball in ${workdir}`);

  await mkdir(project);
  await writeFile(join(project, 'package.json'), JSON.stringify({ name: 'probe', private: true, type: 'module' }));
  await run(npm, ['install', join(workdir, tarball), '--prefer-offline', '--ignore-scripts', '--no-audit', '--no-fund', '--silent'], {
    cwd: project,
  });
}, 120_000);

afterAll(async () => {
  if (workdir) await rm(workdir, { recursive: true, force: true });
});

/** Runs an ES module snippet inside the probe project and returns what it printed. */
async function inProject(source: string): Promise<string> {
  const { stdout } = await run(process.execPath, ['--input-type=module', '-e', source], { cwd: project });
  return stdout.trim();
}

describe('the installed package', () => {
  it('exports osdi-conformance/schemas/phonebank.schema.json as a JSON module', async () => {
    const id = await inProject(
      "const m = await import('osdi-conformance/schemas/phonebank.schema.json', { with: { type: 'json' } });" +
        'console.log(m.default.$id);',
    );

    expect(id).toBe('https://osdi-conformance.dev/schemas/phonebank.schema.json');
  });

  it('exports every schema of schemas/ unchanged', async () => {
    const files = [...loadSchemas().keys()];

    const printed = await inProject(
      `const files = ${JSON.stringify(files)};` +
        "const out = {}; for (const f of files) out[f] = (await import('osdi-conformance/schemas/' + f, { with: { type: 'json' } })).default;" +
        'console.log(JSON.stringify(out));',
    );

    expect(JSON.parse(printed)).toEqual(Object.fromEntries(loadSchemas()));
  });
});

describe('the installed command', () => {
  it('runs the suites from node_modules against the built-in server, ignoring the project\'s vitest config', async () => {
    await writeFile(join(project, 'vitest.config.mjs'), "throw new Error('the user config was loaded');\n");

    const { stdout } = await run(
      join(project, 'node_modules', '.bin', 'osdi-conformance'),
      ['run', '--only', 'discovery,single'],
      { cwd: project, env: { ...process.env, NO_COLOR: '1' } },
    );

    const selected = REQUIREMENTS.filter((r) => ['discovery', 'single'].includes(r.scenario));
    const skipped = REQUIREMENTS.length - selected.length;
    expect(stdout.trimEnd().split('\n').at(-1)).toBe(`${selected.length} passed, 0 failed, ${skipped} skipped`);
  }, 60_000);
});
