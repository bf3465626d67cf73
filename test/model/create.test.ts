import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createModel, focusedClient, focusedTile, focusedWorkspace, setMonitors, addClient } from '../../src/model/index.js';
import { checkModel } from './invariants.js';
import { client, monitor, shownNames, wsShape } from './support.js';

test('createModel: one workspace per monitor, each one empty tile, monitor i shows workspace i', () => {
  const m = createModel([monitor('A'), monitor('B', { x: 1000 })]);
  checkModel(m);
  assert.deepEqual(m.workspaces.map((x) => x.name), ['1', '2']);
  assert.deepEqual(shownNames(m), ['1', '2']);
  assert.equal(m.focusedMonitor, 0);
  assert.equal(m.message, null);
  assert.equal(m.clients.size, 0);
  assert.equal(wsShape(m, 0), '#2');
  assert.equal(wsShape(m, 1), '#4');
  assert.equal(focusedWorkspace(m).name, '1');
  assert.equal(focusedTile(m).id, 2);
  assert.equal(focusedClient(m), null);
});

test('createModel: configured names by index, numbers beyond them', () => {
  const m = createModel([monitor('A'), monitor('B'), monitor('C')], ['web', 'mail']);
  assert.deepEqual(m.workspaces.map((x) => x.name), ['web', 'mail', '3']);
});

test('createModel: no monitors still gives one workspace', () => {
  const m = createModel([]);
  checkModel(m);
  assert.equal(m.workspaces.length, 1);
  assert.equal(focusedWorkspace(m).name, '1');
  const added = addClient(m, client(7));
  checkModel(added);
  assert.equal(focusedClient(added), 7);
});

test('setMonitors: same-named monitors keep their workspace, new ones get an unshown one', () => {
  let m = createModel([monitor('A'), monitor('B', { x: 1000 })]);
  // B disappears, A stays: workspace 2 stays in the list, hidden.
  m = setMonitors(m, [monitor('A', { width: 1200 })]);
  checkModel(m);
  assert.deepEqual(shownNames(m), ['1']);
  assert.equal(m.workspaces.length, 2);
  assert.equal(m.monitors[0]!.rect.width, 1200);
  // C appears: it gets the first unshown workspace (2).
  m = setMonitors(m, [monitor('A'), monitor('C', { x: 1000 })]);
  assert.deepEqual(shownNames(m), ['1', '2']);
  // D appears too: no unshown workspace left, one is created.
  m = setMonitors(m, [monitor('D'), monitor('A'), monitor('C')]);
  checkModel(m);
  assert.deepEqual(shownNames(m), ['3', '1', '2']);
  assert.equal(m.workspaces.length, 3);
});

test('setMonitors: focus follows the focused monitor by name, else is clamped', () => {
  let m = createModel([monitor('A'), monitor('B'), monitor('C')]);
  m = { ...m, focusedMonitor: 2 };
  m = setMonitors(m, [monitor('C'), monitor('A')]);
  assert.equal(m.focusedMonitor, 0);
  assert.deepEqual(shownNames(m), ['3', '1']);
  m = { ...m, focusedMonitor: 1 };
  m = setMonitors(m, [monitor('X')]);
  assert.equal(m.focusedMonitor, 0);
  checkModel(m);
  m = setMonitors(m, []);
  assert.equal(m.focusedMonitor, 0);
  assert.equal(m.monitors.length, 0);
  checkModel(m);
});

test('setMonitors: clients on a vanished monitor are kept', () => {
  let m = createModel([monitor('A'), monitor('B')]);
  m = { ...m, focusedMonitor: 1 };
  m = addClient(m, client(5));
  m = setMonitors(m, [monitor('A')]);
  checkModel(m);
  assert.equal(m.clients.size, 1);
  assert.equal(wsShape(m, 1), '#4[5*]');
});

test('setMonitors: a duplicated name only keeps one workspace', () => {
  let m = createModel([monitor('A'), monitor('B')]);
  m = setMonitors(m, [monitor('A'), monitor('A')]);
  checkModel(m);
  assert.deepEqual(shownNames(m), ['1', '2']);
});

test('createModel: names stay unique', () => {
  const m = createModel([monitor('A'), monitor('B'), monitor('C')], ['2', '', '2']);
  assert.deepEqual(m.workspaces.map((x) => x.name), ['2', '1', '3']);
});
