// Reading a saved layout: every way it can fail is one line of text for the bar.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { MAX_LAYOUT_BYTES, readLayoutFile } from '../../src/persist/layoutfile.js';
import { tempDir } from '../harness/tmp.js';

const dir = tempDir('fion-layoutfile-');

test('a missing file gives the system message; a folder, a huge file or bad JSON name the path', () => {
  const missing = readLayoutFile(join(dir, 'nope.json'));
  assert.match(missing.ok ? '' : missing.error, /ENOENT/);
  assert.deepEqual(readLayoutFile(dir), { ok: false, error: `${dir}: not a regular file` });
  const big = join(dir, 'big.json');
  writeFileSync(big, ' '.repeat(MAX_LAYOUT_BYTES + 1));
  assert.deepEqual(readLayoutFile(big), { ok: false, error: `${big}: larger than ${MAX_LAYOUT_BYTES} bytes` });
  const bad = join(dir, 'bad.json');
  writeFileSync(bad, '{"tiles": ');
  const r = readLayoutFile(bad);
  assert.ok(!r.ok && r.error.startsWith(`${bad}: bad JSON: `), JSON.stringify(r));
});
