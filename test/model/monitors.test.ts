// Monitor focus and moving workspaces / clients between monitors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  addClient, createModel, findClient, focusMonitor, focusMonitorNamed, focusedClient, focusedWorkspace, moveClientToMonitor,
  moveWorkspaceToMonitor, pinWorkspaces, setMonitors, gotoWorkspace, switchWorkspace, focusClient,
} from '../../src/model/index.js';
import { barSegments, barText } from '../../src/bar/content.js';
import { checkModel } from './invariants.js';
import { client, monitor, shownNames, w } from './support.js';

const two = () => createModel([monitor('L'), monitor('R', { x: 1000 })]);

test('focusMonitor cycles through the monitors and wraps; one monitor only sets a message', () => {
  let m = two();
  assert.equal(m.focusedMonitor, 0);
  m = focusMonitor(m, 'next');
  assert.equal(m.focusedMonitor, 1);
  assert.equal(focusedWorkspace(m).name, '2');
  m = focusMonitor(m, 'next');
  assert.equal(m.focusedMonitor, 0);
  m = focusMonitor(m, 'prev');
  assert.equal(m.focusedMonitor, 1);
  checkModel(m);
  const one = focusMonitor(createModel([monitor('A')]), 'next');
  assert.equal(one.focusedMonitor, 0);
  assert.match(one.message ?? '', /only one monitor/);
});

test('focusMonitorNamed focuses the named monitor (the RandR primary); an unknown name changes nothing', () => {
  const m = two();
  assert.equal(focusMonitorNamed(m, 'R').focusedMonitor, 1);
  assert.equal(focusMonitorNamed(m, 'nope'), m);
  assert.equal(focusMonitorNamed(m, 'L'), m);
});

test('switching to a workspace shown elsewhere focuses that monitor, or with shownElsewhere swap brings it here', () => {
  const m = addClient(two(), client(1)); // on workspace 1, monitor L (focused)
  const focused = gotoWorkspace(m, 2);
  assert.deepEqual(shownNames(focused), ['1', '2']);
  assert.equal(focused.focusedMonitor, 1);
  const swapped = gotoWorkspace({ ...m, shownElsewhere: 'swap' }, 2);
  assert.deepEqual(shownNames(swapped), ['2', '1']);
  assert.equal(swapped.focusedMonitor, 0, 'the focus stays on this monitor');
  checkModel(swapped);
  const cycled = switchWorkspace({ ...m, shownElsewhere: 'swap' }, 'next');
  assert.deepEqual(shownNames(cycled), ['2', '1']);
  // Focusing a window on the other monitor never swaps: it goes there.
  const back = focusClient(swapped, w(1));
  assert.deepEqual(shownNames(back), ['2', '1']);
  assert.equal(back.focusedMonitor, 1);
  checkModel(back);
});

test('moveWorkspaceToMonitor swaps the two workspaces and follows with the focus', () => {
  let m = addClient(two(), client(1));
  assert.deepEqual(shownNames(m), ['1', '2']);
  m = moveWorkspaceToMonitor(m, 'next');
  assert.deepEqual(shownNames(m), ['2', '1']);
  assert.equal(m.focusedMonitor, 1);
  assert.equal(focusedClient(m), w(1));
  assert.equal(m.workspaces.length, 2);
  checkModel(m);
  m = moveWorkspaceToMonitor(m, 'prev');
  assert.deepEqual(shownNames(m), ['1', '2']);
  assert.equal(m.focusedMonitor, 0);
  assert.match(moveWorkspaceToMonitor(createModel([monitor('A')]), 'next').message ?? '', /only one monitor/);
});

test('moveClientToMonitor sends the focused client to the workspace shown next door; focus stays', () => {
  let m = addClient(addClient(two(), client(1)), client(2));
  assert.equal(focusedClient(m), w(2));
  m = moveClientToMonitor(m, 'next');
  const ws2 = m.monitors[1]!.workspace;
  assert.equal(findClient(m, w(2))?.workspace, ws2);
  assert.equal(m.focusedMonitor, 0);
  assert.equal(focusedClient(m), w(1));
  checkModel(m);
  // Nothing focused: unchanged.
  const empty = two();
  assert.equal(moveClientToMonitor(empty, 'prev'), empty);
});

test('a vanished monitor keeps its workspace and windows; a new one gets a workspace of its own', () => {
  let m = focusMonitor(two(), 'next');
  m = addClient(m, client(7)); // on R's workspace
  m = setMonitors(m, [monitor('L')]);
  assert.equal(m.monitors.length, 1);
  assert.equal(m.workspaces.length, 2);
  assert.ok(findClient(m, w(7)) !== null);
  m = setMonitors(m, [monitor('L'), monitor('X', { x: 1000 })]);
  assert.deepEqual(shownNames(m), ['1', '2']);
  checkModel(m);
});

test('the bar names its monitor and stars the focused one, right after the workspaces; nothing with one monitor', () => {
  const state = { clocks: ['CLOCK'], mode: null, message: null };
  const m = focusMonitor(two(), 'next');
  assert.equal(barText(barSegments(m, 0, state)), '[1] 2 | monitor 1/2 | tile 1/1 | tab 0/0 | CLOCK');
  assert.equal(barText(barSegments(m, 1, state)), '1 [2] | monitor 2/2 * | tile 1/1 | tab 0/0 | CLOCK');
  assert.equal(barText(barSegments(createModel([monitor('A')]), 0, state)), '[1] | tile 1/1 | tab 0/0 | CLOCK');
});

test('pinWorkspaces shows a pinned workspace on its output, swapping or creating as needed', () => {
  const mon = (name: string, x: number) => ({ name, screen: 0, rect: { x, y: 0, width: 1000, height: 800 } });
  let m = createModel([mon('LEFT', 0), mon('RIGHT', 1000)]);
  const ws2 = m.workspaces[1]!.id; // shown on RIGHT
  m = pinWorkspaces(m, { '2': 'LEFT', mail: 'RIGHT', web: 'HDMI-9' });
  assert.equal(m.monitors[0]!.workspace, ws2, 'workspace 2 moved to LEFT');
  const mail = m.workspaces.find((w) => w.name === 'mail');
  assert.ok(mail, 'mail was created');
  assert.equal(m.monitors[1]!.workspace, mail.id);
  assert.equal(m.workspaces.some((w) => w.name === 'web'), false, 'an absent output pins nothing');
  const onlyLeft = pinWorkspaces(createModel([mon('LEFT', 0), mon('RIGHT', 1000)]), { '1': 'RIGHT' }, new Set(['LEFT']));
  assert.equal(onlyLeft.monitors[1]!.workspace, onlyLeft.workspaces[1]!.id, 'monitors not named in onto are left alone');
});
