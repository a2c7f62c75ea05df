#!/usr/bin/env node
// Generates src/generated/schemas.ts from schemas/*.schema.json with json-schema-to-typescript.
// `--check` writes nothing and exits 1 when the checked-in file differs from a fresh generation.
// Other modules may import generate() and isFresh(); importing writes nothing.
import { readFileSync, writeFileSync, readdirSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { compile } from 'json-schema-to-typescript';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const schemasDir = join(root, 'schemas');
const target = join(root, 'src', 'generated', 'schemas.ts');
const ID_BASE = 'https://osdi-conformance.dev/schemas/';

export async function generate() {
  const files = readdirSync(schemasDir).filter((f) => f.endsWith('.schema.json')).sort();
  const tops = files.filter((f) => f !== 'common.schema.json' && f !== 'report.schema.json' && f !== 'findings.schema.json');

  // One root that references every top-level schema, compiled once, so that shared
  // definitions (HalLink, Curie, ...) are declared once.
  const rootSchema = {
    title: 'OsdiSchemas',
    description: 'Every top-level schema of osdi-conformance; generated, do not edit.',
    type: 'object',
    properties: Object.fromEntries(tops.map((f) => [f.replace('.schema.json', ''), { $ref: f }])),
    additionalProperties: false,
  };
  const extra = files.filter((f) => f === 'report.schema.json' || f === 'findings.schema.json');
  for (const f of extra) rootSchema.properties[f.replace('.schema.json', '')] = { $ref: f };

  const body = await compile(rootSchema, 'OsdiSchemas', {
    cwd: schemasDir,
    bannerComment:
      '/* Generated from schemas/*.schema.json by `npm run generate` (scripts/generate-types.mjs). Do not edit. */',
    additionalProperties: true,
    strictIndexSignatures: false,
    unreachableDefinitions: false,
    $refOptions: {
      resolve: {
        http: false,
        osdi: {
          order: 1,
          canRead: (file) => file.url.startsWith(ID_BASE),
          read: (file) => readFileSync(join(schemasDir, file.url.slice(ID_BASE.length)), 'utf8'),
        },
      },
    },
  });
  return dedupe(body);
}

// A description beside a $ref makes json-schema-to-typescript declare a numbered copy of the
// referenced type (HalLink1, HalLink2, ...). Fold each copy whose members equal the original's
// back into it; the property comments keep the descriptions.
function dedupe(source) {
  const blocks = new Map();
  const declaration = /(\/\*\*(?:(?!\*\/)[\s\S])*\*\/\n)?export interface (\w+) \{\n([\s\S]*?)\n\}\n/g;
  for (const m of source.matchAll(declaration)) blocks.set(m[2], { text: m[0], members: strip(m[3]) });

  let out = source;
  for (const [name, block] of blocks) {
    const original = name.replace(/\d+$/, '');
    if (original === name || blocks.get(original)?.members !== block.members) continue;
    out = out.replace(block.text, '').replace(new RegExp(`\\b${name}\\b`, 'g'), original);
  }
  return out.replace(/(\n +\| \w+)\1+/g, '$1').replace(/( \| (\w+))\1+/g, '$1').replace(/(\w+) \| \1\b/g, '$1');
}

function strip(members) {
  return members.replace(/\/\*\*[\s\S]*?\*\//g, '').replace(/\s+/g, ' ').trim();
}

/** True when the checked-in file equals a fresh generation. */
export async function isFresh() {
  return readFileSync(target, 'utf8') === (await generate());
}

async function main() {
  if (process.argv.includes('--check')) {
    if (!(await isFresh())) {
      console.error('src/generated/schemas.ts is stale: run `npm run generate`');
      process.exitCode = 1;
    }
    return;
  }
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, await generate());
  console.log('wrote ' + target);
}

// Importable (tests call generate()); runs only when executed as a script.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
