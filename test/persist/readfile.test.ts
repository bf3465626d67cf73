// The one bounded reader behind the config, layout and state files: text, or why not.
import assert from 'node:assert/strict';
import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { readFileCapped } from '../../src/persist/readfile.js';
import { tempDir } from '../harness/tmp.js';

const dir = tempDir('fion-readfile-');

test('a file within the cap is read whole, as UTF-8', () => {
  const path = join(dir, 'a.txt');
  writeFileSync(path, 'café\n');
  assert.deepEqual(readFileCapped(path, 100), { kind: 'text', text: 'café\n' });
  assert.deepEqual(readFileCapped(path, 6), { kind: 'text', text: 'café\n' }, 'exactly the cap is fine');
  writeFileSync(path, '');
  assert.deepEqual(readFileCapped(path, 0), { kind: 'text', text: '' });
});

test('over the cap: refused unread', () => {
  const path = join(dir, 'big.txt');
  writeFileSync(path, 'x'.repeat(11));
  assert.deepEqual(readFileCapped(path, 10), { kind: 'refused', reason: 'too-large', message: 'larger than 10 bytes' });
});

test('a missing file is missing, with the system saying so', () => {
  const r = readFileCapped(join(dir, 'nope.txt'), 10);
  assert.equal(r.kind, 'missing');
  assert.match(r.kind === 'missing' ? r.message : '', /ENOENT/);
});

test('a directory or a device is not a regular file', () => {
  assert.deepEqual(readFileCapped(dir, 1 << 20), { kind: 'refused', reason: 'not-a-file', message: 'not a regular file' });
  assert.deepEqual(readFileCapped('/dev/zero', 1 << 20), { kind: 'refused', reason: 'not-a-file', message: 'not a regular file' });
});

test('other system errors carry their code', () => {
  const r = readFileCapped(join(dir, 'a.txt', 'below-a-file'), 10);
  assert.equal(r.kind, 'failed');
  assert.equal(r.kind === 'failed' ? r.code : '', 'ENOTDIR');
  if (process.getuid?.() !== 0) {
    const locked = join(dir, 'locked.txt');
    writeFileSync(locked, 'x');
    chmodSync(locked, 0);
    const l = readFileCapped(locked, 10);
    assert.equal(l.kind === 'failed' ? l.code : l.kind, 'EACCES');
  }
});
