#!/usr/bin/env node
// Build the Chrome and Firefox extensions from the one source folder extension/: each gets extension/'s files
// (the WebAssembly in extension/pkg must be built first: scripts/build-wasm.sh), the browser's own files from
// extension/platform/<browser>/ (ext/open-panel.js), and a manifest merged from the base
// extension/manifest.json and extension/platform/<browser>/manifest.json (objects merged key by key, lists
// joined). Output: dist/chrome/, dist/firefox/ and dist/newslens-<version>-<browser>.zip (dist/ is not
// committed).
//
//   node scripts/package.mjs           both builds and their zips
//   node scripts/package.mjs --e2e     also dist/e2e-chrome and dist/e2e-firefox, no zips: the same builds
//                                      holding access to every site from install (what a reader grants by
//                                      choosing automatic mode), for the end-to-end tests
//   node scripts/package.mjs --no-zip  folders only

import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const src = join(root, 'extension');
const dist = join(root, 'dist');
const args = new Set(process.argv.slice(2));

/** Merge `over` into `base`: objects key by key, lists joined without repeats, anything else replaced. */
export function merge(base, over) {
  if (Array.isArray(base) && Array.isArray(over)) return [...new Set([...base, ...over])];
  if (base && over && typeof base === 'object' && typeof over === 'object' && !Array.isArray(base) && !Array.isArray(over)) {
    const out = { ...base };
    for (const [k, v] of Object.entries(over)) out[k] = k in base ? merge(base[k], v) : v;
    return out;
  }
  return over;
}

const readJson = (p) => JSON.parse(readFileSync(p, 'utf8'));
// Source-only files: the per-browser manifest parts and the folder's README stay out of the packages.
const skip = new Set(['platform', 'README.md', 'manifest.json']);

function build(browser, { name = browser, grantAll = false } = {}) {
  const platform = join(src, 'platform', browser);
  const manifest = merge(readJson(join(src, 'manifest.json')), readJson(join(platform, 'manifest.json')));
  if (grantAll) manifest.host_permissions = manifest.optional_host_permissions;
  const out = join(dist, name);
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  cpSync(src, out, { recursive: true, filter: (p) => !skip.has(relative(src, p).split('/')[0]) || relative(src, p) === '' });
  cpSync(platform, out, { recursive: true, filter: (p) => relative(platform, p) !== 'manifest.json' });
  writeFileSync(join(out, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return { out, manifest };
}

/** Build both browsers (and zip them unless `--no-zip` or `--e2e`). */
function main() {
  if (!existsSync(join(src, 'pkg', 'newslens_bg.wasm'))) {
    console.error('package: extension/pkg is missing: run scripts/build-wasm.sh first');
    process.exit(1);
  }
  for (const browser of ['chrome', 'firefox']) {
    const { out, manifest } = build(browser);
    if (!args.has('--no-zip') && !args.has('--e2e')) {
      const zip = join(dist, `newslens-${manifest.version}-${browser}.zip`);
      rmSync(zip, { force: true });
      // -X: no extra file attributes, so the same files give the same zip.
      execFileSync('zip', ['-q', '-r', '-X', zip, '.'], { cwd: out });
      console.log(`package: ${relative(root, zip)}`);
    } else {
      console.log(`package: ${relative(root, out)}/`);
    }
    if (args.has('--e2e')) console.log(`package: ${relative(root, build(browser, { name: `e2e-${browser}`, grantAll: true }).out)}/`);
  }
}

// Run when invoked as a script, not when a test imports merge().
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
