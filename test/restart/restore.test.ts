// Starting from a restart's (or a crash's) state: the saved model on today's monitors
// (matched by name), or the fresh one when there is no usable state, the start is plain, or
// Fion was not started again but afresh.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { addClient, createModel, windowId, type MonitorInfo } from '../../src/model/index.js';
import { stateFilePath, writeStateFile } from '../../src/persist/statefile.js';
import { startingModel } from '../../src/restart/restore.js';
import { tempDir } from '../harness/tmp.js';

const mon = (name: string, x: number): MonitorInfo => ({ name, screen: 0, rect: { x, y: 0, width: 1000, height: 700 } });
const saved = addClient(createModel([mon('A', 0), mon('B', 1000)], ['web', 'mail']),
  { id: windowId(0x200001), title: 't', instance: 'i', class: 'C', urgent: false }, 0);
const fresh = createModel([mon('B', 0), mon('C', 1000)]);

test('the saved model on today\'s monitors: a same-named monitor keeps its workspace', () => {
  const path = stateFilePath(':5', { XDG_RUNTIME_DIR: tempDir('fion-restore-') });
  writeStateFile(path, saved, ':5');
  const r = startingModel(fresh, [mon('B', 0), mon('C', 1000)], path, ':5', { restarted: true, plain: false });
  assert.equal(r.restored, true);
  assert.deepEqual(r.model.workspaces.map((w) => w.name), ['web', 'mail']);
  assert.deepEqual(r.model.monitors.map((m) => [m.name, r.model.workspaces.find((w) => w.id === m.workspace)?.name]), [['B', 'mail'], ['C', 'web']]);
  assert.ok(r.model.clients.has(windowId(0x200001)));
});

test('a plain start ignores the state and keeps the file aside; no file is a fresh start', () => {
  const path = stateFilePath(':6', { XDG_RUNTIME_DIR: tempDir('fion-restore-') });
  writeStateFile(path, saved, ':6');
  assert.deepEqual(startingModel(fresh, [mon('B', 0)], path, ':6', { restarted: true, plain: true }), { model: fresh, restored: false });
  assert.ok(existsSync(`${path}.failed`), 'kept for a look at what broke the start');
  assert.deepEqual(startingModel(fresh, [mon('B', 0)], `${path}.none`, ':6', { restarted: true, plain: false }), { model: fresh, restored: false });
});

test('a first start (not a restart, not after a crash) does not use a state an earlier run left', () => {
  const path = stateFilePath(':7', { XDG_RUNTIME_DIR: tempDir('fion-restore-') });
  writeStateFile(path, saved, ':7');
  assert.deepEqual(startingModel(fresh, [mon('B', 0)], path, ':7', { restarted: false, plain: false }), { model: fresh, restored: false });
  assert.equal(startingModel(fresh, [mon('B', 0)], path, ':7', { restarted: true, plain: false }).restored, true);
});
