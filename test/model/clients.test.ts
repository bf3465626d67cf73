import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  addClient,
  createModel,
  findClient,
  focusClient,
  focusedClient,
  removeClient,
  setMonitors,
  shownWorkspaces,
  splitTile,
  switchWorkspace,
  updateClient,
  workspaceOf,
  createWorkspace,
} from '../../src/model/index.js';
import { checkModel } from './invariants.js';
import { client, monitor, shownNames, w, wsShape } from './support.js';

test('addClient: newest tab at the end, shown and focused', () => {
  let m = createModel([monitor('A')]);
  m = addClient(m, client(10));
  m = addClient(m, client(11));
  m = addClient(m, client(12));
  checkModel(m, new Set([w(10), w(11), w(12)]));
  assert.equal(wsShape(m), '#2[10,11,12*]');
  assert.deepEqual(m.workspaces[0]!.root.kind === 'tile' && m.workspaces[0]!.root.recent, [12, 11, 10]);
  assert.equal(focusedClient(m), 12);
  assert.equal(m.clients.get(w(11))!.title, 'win 11');
});

test('addClient: into the focused tile; a known id is a no-op', () => {
  let m = createModel([monitor('A')]);
  m = addClient(m, client(1));
  m = splitTile(m, 'vertical');
  m = addClient(m, client(2));
  assert.equal(wsShape(m), 'row(#2[1*] #3[2*])');
  const again = addClient(m, client(2, 'other'));
  assert.equal(again, m);
});

test('addClient: a screen other than the focused monitor\'s goes to that screen\'s first monitor', () => {
  let m = createModel([monitor('A', {}, 0), monitor('B', {}, 1), monitor('C', {}, 1)]);
  m = addClient(m, client(1), 0);
  assert.equal(m.focusedMonitor, 0);
  m = addClient(m, client(2), 1);
  assert.equal(m.focusedMonitor, 1);
  assert.equal(wsShape(m, 1), '#4[2*]');
  m = { ...m, focusedMonitor: 2 };
  m = addClient(m, client(3), 1); // already on screen 1: stays on C
  assert.equal(m.focusedMonitor, 2);
  assert.equal(wsShape(m, 2), '#6[3*]');
  m = addClient(m, client(4), 9); // no such screen: the focused monitor
  assert.equal(wsShape(m, 2), '#6[3,4*]');
  checkModel(m);
});

test('removeClient: the tile shows the previously shown tab', () => {
  let m = createModel([monitor('A')]);
  for (const n of [1, 2, 3]) m = addClient(m, client(n));
  m = focusClient(m, w(1)); // recent: 1, 3, 2
  m = removeClient(m, w(1));
  assert.equal(wsShape(m), '#2[2,3*]');
  m = removeClient(m, w(3));
  assert.equal(wsShape(m), '#2[2*]');
  assert.equal(removeClient(m, w(99)), m);
  m = removeClient(m, w(2));
  assert.equal(wsShape(m), '#2');
  assert.equal(m.clients.size, 0);
  checkModel(m, new Set());
});

test('removeClient: from a hidden workspace', () => {
  let m = createModel([monitor('A')]);
  m = addClient(m, client(1));
  m = createWorkspace(m);
  m = removeClient(m, w(1));
  checkModel(m, new Set());
  assert.equal(wsShape(m, 0), '#2');
});

test('updateClient patches known clients only', () => {
  let m = addClient(createModel([monitor('A')]), client(1));
  m = updateClient(m, w(1), { title: 'new', urgent: true });
  assert.deepEqual(m.clients.get(w(1)), { id: 1, title: 'new', instance: 'inst', class: 'Class', urgent: true, urgentSince: 1 }, 'ranked first in the order of urgency');
  assert.equal(updateClient(m, w(2), { title: 'x' }), m);
});

test('findClient / workspaceOf', () => {
  let m = createModel([monitor('A')]);
  m = addClient(m, client(1));
  m = splitTile(m, 'horizontal');
  m = addClient(m, client(2));
  m = createWorkspace(m);
  m = addClient(m, client(3));
  assert.deepEqual(findClient(m, w(1)), { workspace: 1, tile: 2 });
  assert.deepEqual(findClient(m, w(2)), { workspace: 1, tile: 3 });
  assert.deepEqual(findClient(m, w(3)), { workspace: 5, tile: 6 });
  assert.equal(findClient(m, w(4)), null);
  assert.equal(workspaceOf(m, w(2))!.name, '1');
  assert.equal(workspaceOf(m, w(3))!.name, '2');
  assert.equal(workspaceOf(m, w(4)), null);
});

test('focusClient: hidden workspace is shown on the focused monitor, tile focused, tab shown', () => {
  let m = createModel([monitor('A')]);
  m = addClient(m, client(1));
  m = addClient(m, client(2));
  m = splitTile(m, 'vertical');
  m = createWorkspace(m);
  assert.deepEqual(shownNames(m), ['2']);
  m = focusClient(m, w(1));
  assert.deepEqual(shownNames(m), ['1']);
  assert.equal(wsShape(m), 'row(#2[1*,2] #3)');
  assert.equal(focusedClient(m), 1);
  checkModel(m);
  assert.equal(focusClient(m, w(42)), m);
});

test('focusClient: a workspace shown on another monitor focuses that monitor', () => {
  let m = createModel([monitor('A'), monitor('B')]);
  m = { ...m, focusedMonitor: 1 };
  m = addClient(m, client(1));
  m = { ...m, focusedMonitor: 0 };
  m = focusClient(m, w(1));
  assert.equal(m.focusedMonitor, 1);
  assert.deepEqual(shownNames(m), ['1', '2']);
  assert.deepEqual(shownWorkspaces(m).map((x) => x.name), ['1', '2']);
  m = switchWorkspace(m, 'next'); // from 2 -> 1 is shown on A: focus A
  assert.equal(m.focusedMonitor, 0);
  m = setMonitors(m, [monitor('B')]);
  checkModel(m);
});
