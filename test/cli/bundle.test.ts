// The packages' bundle (scripts/bundle.ts): esbuild's split ES module output turned into
// CommonJS chunk by chunk, so that Node starts Fion without its ES module loader.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { bundle, commonJs } from '../../scripts/bundle.js';
import { tempDir } from '../harness/tmp.js';

const dir = tempDir('fion-bundle-');

test('chunks in the shape esbuild writes them run as CommonJS: imports, exports, chunks loaded on demand, import.meta.url', async () => {
  const shared = `import { join as joined } from "node:path";
var count = 0;
function add(n) { count += n; return count; }
var here = import.meta.url;
export {
  add,
  here as where,
  joined
};
`;
  const lazy = `import {
  add
} from "./fion-chunk-A.cjs";
function more() { return add(10); }
export {
  more
};
`;
  const entry = `import {
  add as plus,
  where
} from "./fion-chunk-A.cjs";
import "./fion-chunk-A.cjs";
async function main() {
  const { more } = await import("./fion-lazy-B.cjs");
  return [plus(1), plus(2), more(), where];
}
export {
  main
};
`;
  writeFileSync(join(dir, 'fion-chunk-A.cjs'), commonJs('fion-chunk-A.cjs', shared));
  writeFileSync(join(dir, 'fion-lazy-B.cjs'), commonJs('fion-lazy-B.cjs', lazy));
  writeFileSync(join(dir, 'fion.cjs'), commonJs('fion.cjs', entry));
  const require = createRequire(join(dir, 'x.js'));
  const { main } = require('./fion.cjs') as { main: () => Promise<unknown[]> };
  // The counter lives once, in chunk A, whichever chunk calls it.
  assert.deepEqual(await main(), [1, 3, 13, pathToFileURL(join(dir, 'fion-chunk-A.cjs')).href]);
  assert.match(readFileSync(join(dir, 'fion.cjs'), 'utf8'), /^"use strict";/);
});

test('an exported variable its chunk assigns again, or syntax left over, stops the build', () => {
  assert.throws(() => commonJs('c.cjs', 'var level = 1;\nfunction set(n) { level = n; }\nexport {\n  level,\n  set\n};\n'), /exported level is assigned again/);
  assert.throws(() => commonJs('c.cjs', 'var n = 1;\nn++;\nexport {\n  n\n};\n'), /exported n is assigned again/);
  assert.throws(() => commonJs('c.cjs', 'export default 1;\n'), /is left after turning it into CommonJS/);
  assert.throws(() => commonJs('c.cjs', 'const m = import("./elsewhere.mjs");\n'), /is left after/);
  // A comment or a compare that only looks like an assignment is no reason.
  assert.doesNotThrow(() => commonJs('c.cjs', 'var run = 1;\n// ---- a run ----\nif (run == 1 || run === 2) {}\nexport {\n  run\n};\n'));
});

test('the bundle runs without loading the ES module loader beyond what node -e 0 loads', async () => {
  const entry = await bundle(join(dir, 'dist'));
  const pre = join(dir, 'modules.cjs');
  writeFileSync(pre, 'process.on("exit", () => { require("fs").writeSync(2, "\\nESM " + process.moduleLoadList.filter((m) => m.includes("modules/esm/")).join(",") + "\\n"); });');
  const run = (args: string[]): { stdout: string; esm: string } => {
    const r = spawnSync(process.execPath, ['-r', pre, ...args], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    return { stdout: r.stdout, esm: /\nESM (.*)\n/.exec(r.stderr)?.[1] ?? 'none' };
  };
  const bare = run(['-e', '0']).esm;
  const version = run([entry, '--version']);
  assert.equal(version.stdout.trim(), (JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string }).version);
  assert.equal(version.esm, bare);
  const help = run([entry, 'msg', '--help']);
  assert.match(help.stdout, /fion msg/);
  assert.equal(help.esm, bare);
});
