// The monitor memory on disk: beside the log, private, whole; garbage is ignored.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MonitorMemory } from '../../src/model/index.js';
import { MonitorFile, monitorFilePath, readMonitorFile, writeMonitorFile } from '../../src/persist/monitorfile.js';
import { tempDir } from '../harness/tmp.js';

const memory: MonitorMemory = {
  sets: [{ key: 'edid:ab + output:LEFT:1280x800', monitors: [{ id: 'edid:ab', shown: 'web', earlier: ['mail'] }, { id: 'output:LEFT:1280x800', shown: '1', earlier: [] }] }],
};

test('the file is $XDG_STATE_HOME/fion/monitors.json, beside the log', () => {
  assert.equal(monitorFilePath({ XDG_STATE_HOME: '/s' }), '/s/fion/monitors.json');
  assert.match(monitorFilePath({}), /\/\.local\/state\/fion\/monitors\.json$/);
});

test('written private and whole (no temp file left), read back the same', () => {
  const path = join(tempDir('fion-monfile-'), 'fion', 'monitors.json');
  assert.equal(readMonitorFile(path), null, 'none yet');
  writeMonitorFile(path, memory);
  assert.equal(statSync(path).mode & 0o777, 0o600);
  assert.deepEqual(readdirSync(join(path, '..')), ['monitors.json']);
  assert.deepEqual(readMonitorFile(path), memory);
});

test('garbage, another format or a bad memory is ignored (null), never thrown', () => {
  const path = join(tempDir('fion-monfile-'), 'monitors.json');
  for (const text of ['', '{', '[]', '{"format":"x"}', '{"format":"fion-monitors","version":9,"memory":{"sets":[]}}',
    '{"format":"fion-monitors","version":1,"memory":{"sets":[{"key":1}]}}', '\u0000\u0001']) {
    writeFileSync(path, text);
    assert.equal(readMonitorFile(path), null, text);
  }
});

test('MonitorFile writes only a memory it has not written; an unwritable place costs no exception', () => {
  const dir = tempDir('fion-monfile-');
  const path = join(dir, 'monitors.json');
  const f = new MonitorFile(path);
  f.save(undefined);
  assert.deepEqual(readdirSync(dir), []);
  f.save(memory);
  writeFileSync(path, 'changed behind its back');
  f.save(memory); // the same memory: no write
  assert.equal(readFileSync(path, 'utf8'), 'changed behind its back');
  f.save({ sets: [] });
  assert.deepEqual(readMonitorFile(path), { sets: [] });
  writeFileSync(join(dir, 'file'), '');
  new MonitorFile(join(dir, 'file', 'monitors.json')).save(memory); // a file where its folder should be
});
