import { test } from 'node:test';
import * as M from '../../src/model/index.js';
import assert from 'node:assert/strict';
import {
  addClient,
  createModel,
  createWorkspace,
  destroyWorkspace,
  focusedClient,
  focusedWorkspace,
  gotoWorkspace,
  moveClientToWorkspace,
  renameWorkspace,
  showTab,
  splitTile,
  switchWorkspace,
} from '../../src/model/index.js';
import type { Model } from '../../src/model/index.js';
import { checkModel } from './invariants.js';
import { client, monitor, shownNames, w, wsShape } from './support.js';

const names = (m: Model): string[] => m.workspaces.map((x) => x.name);

test('createWorkspace: after the current one, smallest free number, shown', () => {
  let m = createModel([monitor('A')]);
  m = createWorkspace(m);
  assert.deepEqual(names(m), ['1', '2']);
  m = gotoWorkspace(m, 1);
  m = createWorkspace(m);
  assert.deepEqual(names(m), ['1', '3', '2']);
  assert.deepEqual(shownNames(m), ['3']);
  m = createWorkspace(m, 'web');
  assert.deepEqual(names(m), ['1', '3', 'web', '2']);
  assert.equal(focusedWorkspace(m).name, 'web');
  assert.equal(wsShape(m), `#${focusedWorkspace(m).focus}`);
  checkModel(m);
});

test('switchWorkspace wraps around', () => {
  let m = createWorkspace(createWorkspace(createModel([monitor('A')]))); // 1 2 3, on 3
  m = switchWorkspace(m, 'next');
  assert.deepEqual(shownNames(m), ['1']);
  m = switchWorkspace(m, 'prev');
  assert.deepEqual(shownNames(m), ['3']);
  m = switchWorkspace(m, 'prev');
  assert.deepEqual(shownNames(m), ['2']);
});

test('switching to a workspace shown on another monitor focuses that monitor', () => {
  let m = createModel([monitor('A'), monitor('B')]);
  m = switchWorkspace(m, 'next');
  assert.equal(m.focusedMonitor, 1);
  assert.deepEqual(shownNames(m), ['1', '2']);
  m = gotoWorkspace(m, 1);
  assert.equal(m.focusedMonitor, 0);
});

test('gotoWorkspace: 1-based; beyond the count only sets a message', () => {
  let m = createWorkspace(createModel([monitor('A')]));
  m = gotoWorkspace(m, 1);
  assert.deepEqual(shownNames(m), ['1']);
  const beyond = gotoWorkspace(m, 3);
  assert.equal(beyond.message, 'no workspace 3');
  assert.deepEqual(shownNames(beyond), ['1']);
  assert.equal(gotoWorkspace(m, 0).message, 'no workspace 0');
});

test('renameWorkspace: trims; refuses empty and taken names', () => {
  let m = createWorkspace(createModel([monitor('A')]));
  m = renameWorkspace(m, '  mail ');
  assert.deepEqual(names(m), ['1', 'mail']);
  assert.equal(renameWorkspace(m, ' ').message, 'workspace name is empty');
  assert.equal(renameWorkspace(m, '1').message, 'workspace name "1" is taken');
  assert.equal(renameWorkspace(m, 'mail'), m);
  assert.deepEqual(names(renameWorkspace(m, 'one', '1')), ['one', 'mail'], 'another workspace, by its name');
  assert.equal(renameWorkspace(m, 'x', 'nosuch').message, 'no workspace named "nosuch"');
  assert.equal(renameWorkspace(m, 'mail', '1').message, 'workspace name "mail" is taken');
});

test('destroyWorkspace: clients go to the previous workspace\'s focused tile, nothing lost', () => {
  let m = createModel([monitor('A')]);
  m = addClient(m, client(1));
  m = createWorkspace(m);
  m = addClient(m, client(2));
  m = splitTile(m, 'vertical');
  m = addClient(m, client(3));
  m = destroyWorkspace(m);
  assert.deepEqual(names(m), ['1']);
  assert.deepEqual(shownNames(m), ['1']);
  assert.equal(wsShape(m), '#2[1*,2,3]', 'the recipient keeps showing its tab');
  assert.equal(focusedClient(m), 1);
  checkModel(m, new Set([w(1), w(2), w(3)]));
});

test('destroyWorkspace: the first workspace gives to the next; the last cannot go', () => {
  let m = createModel([monitor('A')]);
  m = addClient(m, client(1));
  m = createWorkspace(m);
  m = gotoWorkspace(m, 1);
  m = destroyWorkspace(m);
  assert.deepEqual(names(m), ['2']);
  assert.equal(wsShape(m), '#4[1*]');
  const last = destroyWorkspace(m);
  assert.equal(last.message, "can't destroy the last workspace");
  assert.equal(last.workspaces, m.workspaces);
});

test('destroyWorkspace: a neighbour shown elsewhere is not taken from its monitor', () => {
  // A shows 1, B shows 2; destroy 2 on B: 1 is on A, so B gets an unshown one or a new one.
  let m = createModel([monitor('A'), monitor('B')]);
  m = { ...m, focusedMonitor: 1 };
  m = addClient(m, client(7));
  m = destroyWorkspace(m);
  checkModel(m, new Set([w(7)]));
  assert.deepEqual(shownNames(m), ['1', '2']);
  assert.equal(m.workspaces.length, 2);
  assert.equal(wsShape(m, 0), '#2[7*]');
  assert.equal(m.focusedMonitor, 1);
  // With a hidden workspace available, B shows it.
  m = createModel([monitor('A'), monitor('B')]);
  m = createWorkspace({ ...m, focusedMonitor: 1 }); // 1 2 3, B shows 3, 2 hidden
  m = gotoWorkspace(m, 2); // B shows 2, 3 hidden
  m = destroyWorkspace(m);
  assert.deepEqual(shownNames(m), ['1', '3']);
  checkModel(m);
});

test('moveClientToWorkspace: the client goes, the focus stays', () => {
  let m = createModel([monitor('A')]);
  m = createWorkspace(m);
  m = splitTile(m, 'vertical'); // workspace 2: row(#4 #5), focus #5
  m = gotoWorkspace(m, 1);
  m = addClient(m, client(1));
  m = addClient(m, client(2));
  m = moveClientToWorkspace(m, 'next');
  assert.deepEqual(shownNames(m), ['1']);
  assert.equal(wsShape(m), '#2[1*]');
  assert.equal(wsShape(m, 1), 'row(#4 #5[2*])');
  m = moveClientToWorkspace(m, 'prev'); // wraps to workspace 2 as well
  assert.equal(wsShape(m), '#2');
  assert.equal(wsShape(m, 1), 'row(#4 #5[2,1*])');
  assert.equal(moveClientToWorkspace(m, 'next'), m, 'no focused client');
  checkModel(m, new Set([w(1), w(2)]));
});

test('moveClientToWorkspace with one workspace is a no-op', () => {
  const m = showTab(addClient(createModel([monitor('A')]), client(1)), 'next');
  assert.equal(moveClientToWorkspace(m, 'next'), m);
});

test('createWorkspace refuses a taken name', () => {
  const m = createWorkspace(createModel([monitor('A')]), 'web');
  const again = createWorkspace(m, ' web');
  assert.equal(again.message, 'workspace name "web" is taken');
  assert.equal(again.workspaces, m.workspaces);
});

test('moveClientTo sends a client to a workspace by id, as a new tab there; focus stays', () => {
  let m = M.createModel([{ name: 'A', screen: 0, rect: { x: 0, y: 0, width: 1000, height: 800 } }]);
  m = M.addClient(m, { id: M.windowId(1), title: 'a', instance: '', class: '', urgent: false });
  m = M.addClient(m, { id: M.windowId(2), title: 'b', instance: '', class: '', urgent: false });
  m = M.createWorkspace(m);
  const second = m.workspaces[1]!.id;
  m = M.switchWorkspace(m, 'prev');
  m = M.moveClientTo(m, M.windowId(1), second);
  assert.equal(M.findClient(m, M.windowId(1))?.workspace, second);
  assert.equal(M.focusedClient(m), M.windowId(2), 'focus stays on the current workspace');
  assert.equal(M.moveClientTo(m, M.windowId(99), second), m, 'unknown client: no change');
});

test('setWorkspaceCount appends, and removes only trailing empty unshown workspaces', () => {
  let m = M.createModel([{ name: 'A', screen: 0, rect: { x: 0, y: 0, width: 1000, height: 800 } }]);
  m = M.setWorkspaceCount(m, 4);
  assert.deepEqual(m.workspaces.map((w) => w.name), ['1', '2', '3', '4']);
  m = M.gotoWorkspace(m, 3);
  m = M.addClient(m, { id: M.windowId(7), title: 'x', instance: '', class: '', urgent: false });
  m = M.gotoWorkspace(m, 1);
  m = M.setWorkspaceCount(m, 1);
  assert.deepEqual(m.workspaces.map((w) => w.name), ['1', '2', '3'], 'stops at the workspace holding a window');
  assert.ok(m.clients.has(M.windowId(7)));
});
