// The log file: a new session moves the last one aside, a restart goes on in it, and it is
// rotated at its size limit, so the log never grows without bound.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { logFilePath, openLogFile } from '../../src/persist/logfile.js';
import { tempDir } from '../harness/tmp.js';

test('the path follows XDG_STATE_HOME, else ~/.local/state', () => {
  assert.equal(logFilePath({ XDG_STATE_HOME: '/s' }), '/s/fion/fion.log');
  assert.match(logFilePath({}), /\/\.local\/state\/fion\/fion\.log$/);
  assert.match(logFilePath({ XDG_STATE_HOME: 'relative' }), /\/\.local\/state\/fion\/fion\.log$/, 'a relative XDG path is ignored, as the spec says');
});

test('a new session keeps the last log as fion.log.1; a restart appends to the same file', () => {
  const path = join(tempDir('fion-log-'), 'fion', 'fion.log');
  const first = openLogFile(path, true);
  assert.equal(typeof first, 'function');
  if (typeof first === 'string') return;
  first('session one\n');
  const again = openLogFile(path, false);
  if (typeof again === 'string') return assert.fail(again);
  again('after a crash\n');
  assert.equal(readFileSync(path, 'utf8'), 'session one\nafter a crash\n');
  const next = openLogFile(path, true);
  if (typeof next === 'string') return assert.fail(next);
  next('session two\n');
  assert.equal(readFileSync(`${path}.1`, 'utf8'), 'session one\nafter a crash\n');
  assert.equal(readFileSync(path, 'utf8'), 'session two\n');
});

test('at its size limit the file is rotated: never more than twice the limit on disk', () => {
  const path = join(tempDir('fion-log-'), 'fion.log');
  const sink = openLogFile(path, true, 100);
  if (typeof sink === 'string') return assert.fail(sink);
  for (let i = 0; i < 50; i++) sink(`line ${String(i).padStart(3, '0')} of the log\n`);
  const now = readFileSync(path, 'utf8');
  const before = readFileSync(`${path}.1`, 'utf8');
  assert.ok(now.length <= 100 + 20 && before.length <= 100 + 20, `${now.length} and ${before.length} bytes`);
  assert.match(now, /line 049/);
  assert.match(before, /line 04[0-8]/);
});

test('a log path taken by something that is not a file: the reason, not an exception', () => {
  const dir = tempDir('fion-log-');
  writeFileSync(join(dir, 'fion'), 'a file where the folder should be');
  const r = openLogFile(join(dir, 'fion', 'fion.log'), true);
  assert.equal(typeof r, 'string');
  assert.equal(existsSync(join(dir, 'fion', 'fion.log')), false);
});
