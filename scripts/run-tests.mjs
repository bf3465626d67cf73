#!/usr/bin/env node
// Runs the compiled tests: `node --test` over every *.test.js under the given
// folders (default dist/test). Node 20's --test does not expand quoted globs,
// so the files are listed here. Each X test file starts its own Xvfb.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

// --unit: every folder of dist/test but x11 (the tests that need no X server).
const unit = process.argv.includes('--unit');
const roots = process.argv.slice(2).filter((a) => a !== '--unit');
if (unit) {
  for (const name of readdirSync('dist/test').sort()) {
    const path = join('dist/test', name);
    if (name !== 'x11' && name !== 'harness' && statSync(path).isDirectory()) roots.push(path);
  }
}
if (roots.length === 0) roots.push('dist/test');

function walk(path, out) {
  if (statSync(path).isDirectory()) {
    for (const name of readdirSync(path).sort()) walk(join(path, name), out);
  } else if (path.endsWith('.test.js')) {
    out.push(path);
  }
  return out;
}

const files = [];
for (const root of roots) {
  if (!existsSync(root)) {
    process.stderr.write(`run-tests: ${root} does not exist (build first: npm run build)\n`);
    process.exit(1);
  }
  walk(root, files);
}
if (files.length === 0) {
  process.stderr.write(`run-tests: no *.test.js under ${roots.join(', ')}\n`);
  process.exit(1);
}
const r = spawnSync(process.execPath, ['--test', ...files], { stdio: 'inherit' });
process.exit(r.status ?? 1);
