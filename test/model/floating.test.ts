import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  addClient,
  createModel,
  createWorkspace,
  destroyWorkspace,
  findClient,
  focusClient,
  focusTile,
  focusTileById,
  focusUrgent,
  focusedClient,
  focusedWorkspace,
  gotoWorkspace,
  isFloating,
  killTile,
  moveClientToWorkspace,
  moveFloating,
  moveTab,
  raiseFloating,
  removeClient,
  resizeTile,
  setFullscreen,
  showTab,
  splitTile,
  tileId,
  toggleFloating,
  updateClient,
  workspaceOf,
} from '../../src/model/index.js';
import type { Client, Model, WindowId } from '../../src/model/index.js';
import { checkModel } from './invariants.js';
import { client, monitor, shownNames, w, wsShape } from './support.js';

const dialog = (n: number, parent: number | null, extra: Partial<Client> = {}): Client => ({
  ...client(n),
  transientFor: parent === null ? null : w(parent),
  ...extra,
});
const floats = (m: Model, index?: number): readonly WindowId[] =>
  (index === undefined ? focusedWorkspace(m) : m.workspaces[index]!).floating ?? [];

test('addClient floating: on top of the focused workspace\'s floats, focused; the tiles keep their tabs', () => {
  let m = addClient(createModel([monitor('A')]), client(1));
  m = addClient(m, client(2), undefined, { floating: true });
  m = addClient(m, client(3), undefined, { floating: true });
  checkModel(m, new Set([w(1), w(2), w(3)]));
  assert.equal(wsShape(m), '#2[1*]');
  assert.deepEqual(floats(m), [2, 3]);
  assert.equal(focusedWorkspace(m).focusFloating, 3);
  assert.equal(focusedClient(m), 3);
  assert.deepEqual(findClient(m, w(3)), { workspace: 1, tile: null, floating: true });
  assert.deepEqual(findClient(m, w(1)), { workspace: 1, tile: 2 });
  assert.ok(isFloating(m, w(2)) && !isFloating(m, w(1)));
  assert.equal(workspaceOf(m, w(2))!.name, '1');
});

test('addClient: a transient for a managed client floats on the parent\'s workspace without moving the focus', () => {
  let m = addClient(createModel([monitor('A')]), client(1));
  m = createWorkspace(m);
  m = addClient(m, client(2));
  m = addClient(m, dialog(3, 1));
  checkModel(m, new Set([w(1), w(2), w(3)]));
  assert.deepEqual(shownNames(m), ['2']);
  assert.equal(focusedClient(m), 2);
  assert.deepEqual(floats(m, 0), [3]);
  assert.equal(m.workspaces[0]!.focusFloating, 3);
  // Going there finds the dialog focused.
  m = gotoWorkspace(m, 1);
  assert.equal(focusedClient(m), 3);
  // Explicitly tiled transients still go to the parent's workspace.
  m = gotoWorkspace(m, 2);
  m = addClient(m, dialog(4, 1), undefined, { floating: false });
  assert.equal(wsShape(m, 0), '#2[1,4*]');
  assert.equal(m.workspaces[0]!.focusFloating, null);
  checkModel(m);
});

test('addClient: transient for itself or for an unknown window is an ordinary client', () => {
  let m = addClient(createModel([monitor('A')]), dialog(1, 1));
  m = addClient(m, dialog(2, 99));
  assert.equal(wsShape(m), '#2[1,2*]');
  m = addClient(m, dialog(3, 99), undefined, { floating: true });
  assert.deepEqual(floats(m), [3]);
  checkModel(m);
});

test('a new tiled client takes the focus from a focused float', () => {
  let m = addClient(createModel([monitor('A')]), client(1), undefined, { floating: true });
  m = addClient(m, client(2));
  assert.equal(focusedClient(m), 2);
  assert.equal(focusedWorkspace(m).focusFloating, null);
  assert.deepEqual(floats(m), [1]);
});

test('removeClient: a dialog hands the focus back to the client focused before it, not to its parent', () => {
  let m = createModel([monitor('A')]);
  m = addClient(m, client(1));
  m = splitTile(m, 'vertical');
  m = addClient(m, client(2));
  m = addClient(m, dialog(3, 1));
  assert.equal(focusedClient(m), 3);
  m = removeClient(m, w(3));
  assert.equal(focusedClient(m), 2);
  assert.equal(focusedWorkspace(m).focusFloating, null);
  // Focused before the dialog opened, the parent gets the focus back.
  m = focusClient(m, w(1));
  m = addClient(m, dialog(4, 2));
  m = removeClient(m, w(4));
  assert.equal(focusedClient(m), 1);
  assert.equal(focusedWorkspace(m).focus, 2);
  checkModel(m, new Set([w(1), w(2)]));
});

test('removeClient: the focus goes back along the history, floats and tiles alike', () => {
  let m = addClient(createModel([monitor('A')]), client(1));
  m = addClient(m, client(2), undefined, { floating: true });
  m = addClient(m, client(3), undefined, { floating: true });
  m = focusClient(m, w(1));
  m = addClient(m, dialog(4, 2));
  assert.deepEqual(floats(m), [2, 3, 4]);
  assert.deepEqual(focusedWorkspace(m).history, [4, 1, 3, 2]);
  m = removeClient(m, w(4));
  assert.equal(focusedClient(m), 1, 'not the parent, not the float below: the tile focused before');
  assert.equal(focusedWorkspace(m).focusFloating, null);
  m = focusClient(m, w(2));
  m = removeClient(m, w(2));
  assert.equal(focusedClient(m), 1);
  m = focusClient(m, w(3));
  m = removeClient(m, w(1));
  assert.equal(focusedClient(m), 3, 'a client that had no focus leaves it where it is');
  assert.deepEqual(focusedWorkspace(m).history, [3]);
  checkModel(m, new Set([w(3)]));
});

test('removeClient: with nothing left in the history, a dialog hands the focus to its parent, else to the float below, then the tiles', () => {
  const forget = (m: Model): Model => ({ ...m, workspaces: m.workspaces.map(({ history: _h, ...ws }) => ws) });
  let m = addClient(createModel([monitor('A')]), client(1));
  m = addClient(m, client(2), undefined, { floating: true });
  m = addClient(m, client(3), undefined, { floating: true });
  m = addClient(m, dialog(4, 2));
  m = removeClient(forget(m), w(4));
  assert.equal(focusedClient(m), 2);
  assert.deepEqual(floats(m), [3, 2], 'the parent is raised when it takes the focus');
  m = removeClient(forget(m), w(2));
  assert.equal(focusedClient(m), 3);
  m = removeClient(forget(m), w(3));
  assert.equal(focusedClient(m), 1);
  assert.equal(focusedWorkspace(m).focusFloating, null);
  checkModel(m, new Set([w(1)]));
});

test('removeClient: an unfocused float leaves the focus alone; the bottom float focused falls back to the tiles', () => {
  let m = addClient(createModel([monitor('A')]), client(1));
  m = addClient(m, client(2), undefined, { floating: true });
  m = addClient(m, client(3), undefined, { floating: true });
  const kept = removeClient(m, w(2));
  assert.equal(focusedClient(kept), 3);
  m = focusClient(m, w(2));
  assert.deepEqual(floats(m), [3, 2]);
  m = focusClient(m, w(3)); // 2 is now the bottom one
  m = removeClient(focusClient(m, w(2)), w(3));
  assert.equal(focusedClient(m), 2);
  m = removeClient(m, w(2));
  assert.equal(focusedClient(m), 1);
});

test('removeClient: a dialog on another monitor\'s workspace does not move the monitor focus', () => {
  let m = createModel([monitor('A'), monitor('B', { x: 1000 })]);
  m = addClient(m, client(1)); // on A
  m = addClient(m, dialog(2, 1));
  m = { ...m, focusedMonitor: 1 };
  m = removeClient(m, w(2));
  assert.equal(m.focusedMonitor, 1);
  assert.equal(m.workspaces[0]!.focusFloating, null);
  checkModel(m);
});

test('removeClient: a focused dialog whose parent lives elsewhere jumps to the parent', () => {
  let m = addClient(createModel([monitor('A')]), client(1));
  m = createWorkspace(m);
  m = addClient(m, client(2), undefined, { floating: true });
  m = updateClient(m, w(2), { transientFor: w(1) });
  m = removeClient(m, w(2));
  assert.deepEqual(shownNames(m), ['1']);
  assert.equal(focusedClient(m), 1);
  checkModel(m);
});

test('focusClient on a float: shows its workspace, focuses and raises it with its transients above', () => {
  let m = addClient(createModel([monitor('A')]), client(1), undefined, { floating: true });
  m = addClient(m, dialog(2, 1));
  m = addClient(m, client(3), undefined, { floating: true });
  assert.deepEqual(floats(m), [1, 2, 3]);
  m = createWorkspace(m);
  m = focusClient(m, w(1));
  assert.deepEqual(shownNames(m), ['1']);
  assert.equal(focusedClient(m), 1);
  assert.deepEqual(floats(m), [3, 1, 2]);
  // A tiled client takes the focus back from the floats.
  m = addClient(m, client(4));
  m = focusClient(m, w(3));
  m = focusClient(m, w(4));
  assert.equal(focusedClient(m), 4);
  assert.equal(focusedWorkspace(m).focusFloating, null);
  checkModel(m);
});

test('raiseFloating: a float goes on top with its transients, the focus stays; tiles and unknown ids unchanged', () => {
  let m = addClient(createModel([monitor('A')]), client(1), undefined, { floating: true });
  m = addClient(m, dialog(2, 1));
  m = addClient(m, client(3), undefined, { floating: true });
  m = addClient(m, client(4));
  m = focusClient(m, w(3));
  assert.deepEqual(floats(m), [1, 2, 3]);
  const up = raiseFloating(m, w(1));
  assert.deepEqual(floats(up), [3, 1, 2]);
  assert.equal(focusedClient(up), 3, 'raising does not focus');
  assert.equal(raiseFloating(up, w(2)), up, 'already on top');
  assert.equal(raiseFloating(m, w(4)), m, 'a tile');
  assert.equal(raiseFloating(m, w(99)), m, 'unknown');
  checkModel(up);
});

test('tile and tab operations act on the tiles: a focused float loses the focus', () => {
  const base = (): Model => {
    let m = addClient(createModel([monitor('A')]), client(1));
    m = addClient(m, client(2));
    return addClient(m, client(3), undefined, { floating: true });
  };
  for (const op of [
    (m: Model) => focusTile(m, 'next'),
    (m: Model) => showTab(m, 'next'),
    (m: Model) => moveTab(m, 'next'),
    (m: Model) => splitTile(m, 'vertical'),
    (m: Model) => resizeTile(m, 'left'),
    (m: Model) => focusTileById(m, tileId(2)),
  ]) {
    const m = op(base());
    assert.equal(focusedWorkspace(m).focusFloating, null, String(op));
    assert.notEqual(focusedClient(m), 3);
    assert.deepEqual(floats(m), [3]);
  }
  assert.equal(focusedClient(showTab(base(), 'next')), 1);
  // A refusal changes nothing but the message.
  const refused = killTile(base());
  assert.equal(refused.message, "can't kill the last tile");
  assert.equal(focusedClient(refused), 3);
});

test('toggleFloating: tiled -> floating -> tiled, keeping the focus', () => {
  let m = createModel([monitor('A')]);
  m = addClient(m, client(1));
  m = addClient(m, { ...client(2), requested: { x: 0, y: 0, width: 300, height: 200 } });
  m = toggleFloating(m);
  assert.equal(wsShape(m), '#2[1*]');
  assert.deepEqual(floats(m), [2]);
  assert.equal(focusedClient(m), 2);
  assert.equal(m.clients.get(w(2))!.floatRect, undefined, 'with a requested size it is centred by the layout');
  m = splitTile(m, 'vertical'); // focus to the new empty tile
  m = toggleFloating(m, w(2));
  assert.equal(wsShape(m), 'row(#2[1*] #3[2*])');
  assert.deepEqual(floats(m), []);
  checkModel(m, new Set([w(1), w(2)]));
  // Nothing focused, unknown ids: no-ops.
  const empty = createModel([monitor('A')]);
  assert.equal(toggleFloating(empty), empty);
  assert.equal(toggleFloating(m, w(9)), m);
});

test('toggleFloating without a requested size pins it at 2/3 of the usable rect, and remembers where it floated', () => {
  let m = addClient(createModel([monitor('A')]), client(1));
  m = toggleFloating(m);
  assert.deepEqual(m.clients.get(w(1))!.floatRect, { x: 166, y: 133, width: 667, height: 533 });
  m = moveFloating(m, w(1), { x: 10, y: 20, width: 100, height: 50 });
  m = toggleFloating(toggleFloating(m));
  assert.deepEqual(m.clients.get(w(1))!.floatRect, { x: 10, y: 20, width: 100, height: 50 });
  assert.equal(focusedClient(m), 1);
});

test('toggleFloating of an unfocused client keeps the focus where it is', () => {
  let m = addClient(createModel([monitor('A')]), client(1));
  m = addClient(m, client(2));
  m = toggleFloating(m, w(1));
  assert.equal(focusedClient(m), 2);
  assert.equal(focusedWorkspace(m).focusFloating, null);
  m = addClient(m, client(3), undefined, { floating: true });
  m = toggleFloating(m, w(1)); // back to the focused tile; the float 3 keeps the focus
  assert.equal(focusedClient(m), 3);
  assert.equal(wsShape(m), '#2[2,1*]');
});

test('moveFloating: absolute -> relative to the monitor; clamped to stay on it; tiled clients ignored', () => {
  let m = createModel([monitor('A'), monitor('B', { x: 1000, width: 800, height: 600 })]);
  m = { ...m, focusedMonitor: 1 };
  m = addClient(m, client(1), undefined, { floating: true });
  m = addClient(m, client(2));
  m = moveFloating(m, w(1), { x: 1100, y: 50, width: 300, height: 200 });
  assert.deepEqual(m.clients.get(w(1))!.floatRect, { x: 100, y: 50, width: 300, height: 200 });
  m = moveFloating(m, w(1), { x: -5000, y: 1e9, width: 1e9, height: -3 });
  assert.deepEqual(m.clients.get(w(1))!.floatRect, { x: 32 - 800, y: 600 - 1, width: 800, height: 1 });
  m = moveFloating(m, w(1), { x: NaN, y: Infinity, width: 40.4, height: 30.6 });
  assert.deepEqual(m.clients.get(w(1))!.floatRect, { x: 32 - 40, y: 600 - 31, width: 40, height: 31 });
  assert.equal(moveFloating(m, w(2), { x: 0, y: 0, width: 10, height: 10 }), m);
  assert.equal(moveFloating(m, w(9), { x: 0, y: 0, width: 10, height: 10 }), m);
  checkModel(m);
});

test('setFullscreen adds, removes, toggles; unknown ids are ignored', () => {
  let m = addClient(createModel([monitor('A')]), client(1));
  m = setFullscreen(m, w(1), 'add');
  assert.equal(m.clients.get(w(1))!.fullscreen, true);
  assert.equal(setFullscreen(m, w(1), 'add'), m);
  m = setFullscreen(m, w(1), 'toggle');
  assert.equal(m.clients.get(w(1))!.fullscreen, false);
  m = setFullscreen(m, w(1), 'toggle');
  m = setFullscreen(m, w(1), 'remove');
  assert.equal(m.clients.get(w(1))!.fullscreen, false);
  assert.equal(setFullscreen(m, w(7), 'add'), m);
});

test('focusUrgent: the first urgent client, shown and focused, its mark cleared; refused when none', () => {
  let m = addClient(createModel([monitor('A')]), client(1));
  m = createWorkspace(m);
  m = addClient(m, client(2));
  m = addClient(m, client(3), undefined, { floating: true });
  const none = focusUrgent(m);
  assert.equal(none.message, 'no urgent window');
  assert.deepEqual({ ...none, message: null }, m);
  m = updateClient(m, w(3), { urgent: true });
  m = updateClient(m, w(1), { urgent: true });
  m = focusClient(m, w(2));
  m = focusUrgent(m);
  assert.deepEqual(shownNames(m), ['1']);
  assert.equal(focusedClient(m), 1);
  assert.equal(m.clients.get(w(1))!.urgent, false);
  m = focusUrgent(m);
  assert.deepEqual(shownNames(m), ['2']);
  assert.equal(focusedClient(m), 3);
  assert.equal(focusUrgent(m).message, 'no urgent window');
  checkModel(m);
});

test('moveClientToWorkspace: a float stays floating; its dialogs follow; the focus here goes below', () => {
  let m = addClient(createModel([monitor('A')]), client(1));
  m = addClient(m, client(2), undefined, { floating: true });
  m = addClient(m, client(3), undefined, { floating: true, });
  m = addClient(m, dialog(4, 3));
  m = addClient(m, dialog(5, 4)); // a dialog of the dialog
  m = moveFloating(m, w(3), { x: 5, y: 6, width: 70, height: 80 });
  m = createWorkspace(m);
  m = gotoWorkspace(m, 1);
  m = focusClient(m, w(3));
  assert.deepEqual(floats(m), [2, 3, 4, 5]);
  m = moveClientToWorkspace(m, 'next');
  assert.deepEqual(floats(m), [2]);
  assert.equal(focusedClient(m), 2);
  assert.deepEqual(floats(m, 1), [3, 4, 5]);
  assert.equal(m.workspaces[1]!.focusFloating, 3);
  assert.deepEqual(m.clients.get(w(3))!.floatRect, { x: 5, y: 6, width: 70, height: 80 });
  checkModel(m);
});

test('moveClientToWorkspace: a tiled parent takes its dialogs along', () => {
  let m = addClient(createModel([monitor('A')]), client(1));
  m = addClient(m, client(2));
  m = addClient(m, dialog(3, 1));
  m = addClient(m, client(4), undefined, { floating: true });
  m = createWorkspace(m);
  m = gotoWorkspace(m, 1);
  m = focusClient(m, w(1));
  m = moveClientToWorkspace(m, 'next');
  assert.equal(wsShape(m), '#2[2*]');
  assert.deepEqual(floats(m), [4]);
  assert.equal(wsShape(m, 1), '#4[1*]');
  assert.deepEqual(floats(m, 1), [3]);
  assert.equal(focusedClient(m), 4, 'the focus goes back to the client focused before');
  checkModel(m);
});

test('destroyWorkspace: floats move to the neighbour, still floating, on top', () => {
  let m = addClient(createModel([monitor('A')]), client(1), undefined, { floating: true });
  m = createWorkspace(m);
  m = addClient(m, client(2));
  m = addClient(m, client(3), undefined, { floating: true });
  m = addClient(m, dialog(4, 2));
  m = destroyWorkspace(m);
  assert.deepEqual(shownNames(m), ['1']);
  assert.deepEqual(floats(m), [1, 3, 4]);
  assert.equal(wsShape(m), '#2[2*]');
  assert.equal(focusedClient(m), 1);
  checkModel(m, new Set([w(1), w(2), w(3), w(4)]));
});

test('transient cycles and self-references neither crash nor loop', () => {
  let m = addClient(createModel([monitor('A')]), client(1), undefined, { floating: true });
  m = addClient(m, dialog(2, 1));
  m = updateClient(m, w(1), { transientFor: w(2) });
  m = addClient(m, dialog(3, 3), undefined, { floating: true });
  m = focusClient(m, w(1));
  assert.deepEqual(floats(m), [3, 1, 2]);
  m = focusClient(m, w(2));
  assert.deepEqual(floats(m), [3, 2, 1]);
  m = createWorkspace(m);
  m = gotoWorkspace(m, 1);
  m = focusClient(m, w(1));
  m = moveClientToWorkspace(m, 'next');
  assert.deepEqual(floats(m), [3]);
  assert.deepEqual(floats(m, 1), [1, 2]);
  m = removeClient(gotoWorkspace(m, 2), w(1));
  assert.equal(focusedClient(m), 2);
  checkModel(m);
});
