// Events derived by comparing two snapshots of the model: each kind fires on its change
// and stays quiet otherwise.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addClient, createModel, createWorkspace, focusTile, renameWorkspace, resizeTile, setMonitors, showTab, splitTile, switchWorkspace, updateClient } from '../../src/model/index.js';
import type { Model } from '../../src/model/index.js';
import { deriveEvents, type Snapshot } from '../../src/ipc/events.js';
import { client, monitor, w } from '../model/support.js';

const snap = (model: Model, mode = 'default', errors: string[] = [], reads = 1): Snapshot => ({ model, mode, config: { path: '/c.yaml', errors, reads } });
const kinds = (a: Snapshot, b: Snapshot): string[] => deriveEvents(a, b).map((e) => `${e.kind}${'change' in e.payload ? `:${String(e.payload.change)}` : ''}`);

const base = addClient(addClient(createModel([monitor('A')]), client(1)), client(2));

test('nothing changed: no events', () => {
  assert.deepEqual(kinds(snap(base), snap(base)), []);
});

test('focus and tab: showing the other tab', () => {
  const after = showTab(base, 'next');
  assert.deepEqual(kinds(snap(base), snap(after)).sort(), ['focus', 'tab']);
  const focus = deriveEvents(snap(base), snap(after)).find((e) => e.kind === 'focus');
  assert.equal(focus?.payload.window, w(1));
  assert.equal(focus?.payload.previous, w(2));
});

test('tile: a split is a layout change, moving between tiles a focus change, resizing a layout change', () => {
  const split = splitTile(base, 'vertical');
  assert.ok(kinds(snap(base), snap(split)).includes('tile:layout'));
  const moved = focusTile(split, 'prev');
  assert.ok(kinds(snap(split), snap(moved)).includes('tile:focus'));
  const resized = resizeTile(moved, 'right');
  assert.ok(kinds(snap(moved), snap(resized)).includes('tile:layout'));
});

test('workspace: list, focus', () => {
  const created = createWorkspace(base);
  assert.ok(kinds(snap(base), snap(created)).includes('workspace:list'));
  const back = switchWorkspace(created, 'prev');
  assert.ok(kinds(snap(created), snap(back)).includes('workspace:focus'));
  assert.ok(kinds(snap(back), snap(renameWorkspace(back, 'web'))).includes('workspace:list'));
});

test('title, mode, monitor and config', () => {
  assert.deepEqual(kinds(snap(base), snap(updateClient(base, w(1), { title: 'new' }))), ['title']);
  assert.deepEqual(kinds(snap(base), snap(base, 'resize')), ['mode']);
  assert.deepEqual(kinds(snap(base), snap(base, 'default', ['x.yaml:1:1: bad'], 2)), ['config']);
  assert.deepEqual(kinds(snap(base), snap(base, 'default', [], 2)), ['config'], 'a good reload of the same file is an event too');
  const two = setMonitors(base, [monitor('A'), monitor('B', { x: 1000 })]);
  assert.ok(kinds(snap(base), snap(two)).includes('monitor'));
});

test('kinds nobody wants are not built', () => {
  const after = showTab(base, 'next');
  assert.deepEqual(deriveEvents(snap(base), snap(after), (k) => k === 'focus').map((e) => e.kind), ['focus']);
});
