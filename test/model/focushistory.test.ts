// The focus history of each workspace, and modal dialogs: where the focus goes when the
// focused client closes or leaves, and that a parent never holds the focus while its
// modal dialog is there.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  addClient, createModel, createWorkspace, destroyWorkspace, focusClient, focusTileById, focusedClient, focusedWorkspace,
  gotoWorkspace, HISTORY_LIMIT, modelFromJson, modelToJson, moveClientTo, moveClientToWorkspace, parentOf, removeClient,
  setModal, showTab, splitTile, toggleFloating, updateClient, workspaceFocus,
} from '../../src/model/index.js';
import type { Client, Model, WindowId, Workspace } from '../../src/model/index.js';
import { checkModel } from './invariants.js';
import { applyOp, monitorsArb, opsArb, startState } from './ops.js';
import { client, monitor, w } from './support.js';

const dialog = (n: number, parent: number | null, extra: Partial<Client> = {}): Client => ({
  ...client(n), transientFor: parent === null ? null : w(parent), ...extra,
});
const modal = (n: number, parent: number | null): Client => dialog(n, parent, { modal: true });
const history = (m: Model, i = 0): readonly WindowId[] => m.workspaces[i]!.history ?? [];

test('each workspace records its focus, most recent first, once per client', () => {
  let m = addClient(createModel([monitor('A')]), client(1));
  m = addClient(m, client(2));
  m = addClient(m, client(3), undefined, { floating: true });
  assert.deepEqual(history(m), [3, 2, 1]);
  m = focusClient(m, w(1));
  assert.deepEqual(history(m), [1, 3, 2]);
  m = showTab(m, 'next');
  assert.deepEqual(history(m), [2, 1, 3]);
  checkModel(m);
});

test('the history is bounded; the oldest are forgotten', () => {
  let m = createModel([monitor('A')]);
  for (let i = 1; i <= HISTORY_LIMIT + 5; i++) m = addClient(m, client(i));
  assert.equal(history(m).length, HISTORY_LIMIT);
  assert.equal(history(m)[0], HISTORY_LIMIT + 5);
  assert.ok(!history(m).includes(w(1)));
  checkModel(m);
});

test('closing the focused tab gives the focus to the client focused before it, in another tile or a float', () => {
  let m = addClient(createModel([monitor('A')]), client(1));
  m = splitTile(m, 'vertical');
  m = addClient(m, client(2));
  m = addClient(m, client(3));
  m = removeClient(m, w(3));
  assert.equal(focusedClient(m), 2, 'the same tile\'s previous tab, focused last');
  m = focusClient(m, w(1));
  m = focusClient(m, w(2));
  m = removeClient(m, w(2));
  assert.equal(focusedClient(m), 1, 'another tile, focused before');
  checkModel(m, new Set([w(1)]));
});

test('GIMP: a Preferences dialog of the dock, closed, gives the focus back to the image window', () => {
  let m = addClient(createModel([monitor('A')]), client(1)); // the image window
  m = addClient(m, client(2), undefined, { floating: true }); // the dock
  m = focusClient(m, w(1));
  m = addClient(m, dialog(3, 2)); // Preferences, transient for the dock
  m = removeClient(m, w(3));
  assert.equal(focusedClient(m), 1);
  m = addClient(m, dialog(4, null)); // a dialog of nobody
  m = removeClient(m, w(4));
  assert.equal(focusedClient(m), 1);
  checkModel(m, new Set([w(1), w(2)]));
});

test('a client leaving for another workspace gives the focus back to the one focused before it', () => {
  let m = addClient(createModel([monitor('A')]), client(1));
  m = addClient(m, client(2), undefined, { floating: true });
  m = addClient(m, client(3));
  m = createWorkspace(m);
  m = gotoWorkspace(m, 1);
  m = focusClient(m, w(3));
  m = moveClientToWorkspace(m, 'next');
  assert.equal(focusedClient(m), 2);
  assert.deepEqual(history(m), [2, 1]);
  assert.deepEqual(history(m, 1), [3]);
  m = moveClientTo(m, w(2), m.workspaces[1]!.id);
  assert.equal(focusedClient(m), 1);
  checkModel(m);
});

test('a destroyed workspace\'s history follows its clients to the neighbour, after the neighbour\'s own', () => {
  let m = addClient(createModel([monitor('A')]), client(1));
  m = createWorkspace(m);
  m = addClient(m, client(2));
  m = addClient(m, client(3), undefined, { floating: true });
  m = destroyWorkspace(m);
  assert.deepEqual(history(m), [1, 3, 2]);
  m = removeClient(m, w(1));
  assert.equal(focusedClient(m), 3);
  checkModel(m);
});

test('modal: focusing the parent focuses its modal dialog, down a chain of them', () => {
  let m = addClient(createModel([monitor('A')]), client(1));
  m = addClient(m, modal(2, 1));
  m = addClient(m, client(3));
  assert.equal(focusedClient(m), 3, 'a window of no modal dialog takes the focus');
  m = focusClient(m, w(1));
  assert.equal(focusedClient(m), 2);
  m = addClient(m, modal(4, 2));
  m = focusClient(m, w(1));
  assert.equal(focusedClient(m), 4, 'the deepest modal transient');
  m = focusTileById(m, focusedWorkspace(m).focus);
  assert.equal(focusedClient(m), 4, 'a click on the parent\'s tile too');
  m = removeClient(m, w(4));
  assert.equal(focusedClient(m), 2, 'back to the modal dialog, not to its parent');
  m = removeClient(m, w(2));
  assert.equal(focusedClient(m), 3, 'the client focused before the dialogs');
  m = focusClient(m, w(1));
  assert.equal(focusedClient(m), 1, 'no modal dialog left');
  checkModel(m);
});

test('modal: a non-modal transient does not hold the focus; a chooser of the main window closes back to the modal dialog', () => {
  let m = addClient(createModel([monitor('A')]), client(1));
  m = addClient(m, dialog(2, 1));
  m = focusClient(m, w(1));
  assert.equal(focusedClient(m), 1);
  m = addClient(m, modal(3, 1)); // Preferences
  m = addClient(m, dialog(4, 1)); // a chooser, transient for the main window
  assert.equal(focusedClient(m), 4);
  m = removeClient(m, w(4));
  assert.equal(focusedClient(m), 3);
  m = focusClient(m, w(2));
  assert.equal(focusedClient(m), 2, 'another transient of the parent is not blocked');
  checkModel(m);
});

test('modal: made modal later takes the focus from its parent; made not modal, lets go; floating never changes', () => {
  let m = addClient(createModel([monitor('A')]), client(1));
  m = addClient(m, dialog(2, 1));
  m = focusClient(m, w(1));
  const floats = (x: Model): readonly WindowId[] => x.workspaces[0]!.floating ?? [];
  m = setModal(m, w(2), 'add');
  assert.equal(focusedClient(m), 2);
  assert.deepEqual(floats(m), [2]);
  m = setModal(m, w(2), 'toggle');
  assert.equal(m.clients.get(w(2))!.modal, false);
  assert.deepEqual(floats(m), [2]);
  m = focusClient(m, w(1));
  assert.equal(focusedClient(m), 1);
  m = toggleFloating(m, w(2));
  m = setModal(m, w(2), 'add');
  assert.deepEqual(floats(m), [], 'a tiled modal dialog stays tiled');
  assert.equal(focusedClient(m), 2);
  checkModel(m);
});

test('modal: a modal dialog on another workspace does not hold its parent\'s focus', () => {
  let m = addClient(createModel([monitor('A')]), client(1));
  m = addClient(m, modal(2, 1));
  m = createWorkspace(m);
  m = moveClientTo(m, w(2), m.workspaces[1]!.id);
  m = focusClient(m, w(1));
  assert.equal(focusedClient(m), 1);
  checkModel(m);
});

test('modal: in a transient-for cycle the focus stays where it is, and settles the same again', () => {
  let m = addClient(createModel([monitor('A')]), client(1));
  m = addClient(m, modal(2, 1));
  m = updateClient(m, w(1), { transientFor: w(2), modal: true });
  for (const f of [1, 2]) {
    const focused = focusClient(m, w(f));
    assert.equal(focusedClient(focused), w(f));
    checkModel(focused);
    // The state file's reader settles the model again: nothing may move (it moved round
    // the cycle once, so a restart changed the focus).
    const back = modelFromJson(JSON.parse(JSON.stringify(modelToJson(focused))));
    assert.ok(back.ok);
    if (back.ok) assert.equal(focusedClient(back.model), w(f));
  }
});

test('modal: a cycle on one branch does not hide a modal dialog on another', () => {
  // 1 and 3 are transient for each other (a cycle); 2 is a modal dialog of 1 as well.
  let m = addClient(createModel([monitor('A')]), modal(1, null));
  m = addClient(m, modal(2, 1));
  m = addClient(m, modal(3, 1));
  m = updateClient(m, w(1), { transientFor: w(3) });
  const focused = focusClient(m, w(1));
  assert.equal(focusedClient(focused), w(2), 'the dialog outside the cycle');
  checkModel(focused);
  const back = modelFromJson(JSON.parse(JSON.stringify(modelToJson(focused))));
  assert.ok(back.ok);
  if (back.ok) assert.equal(focusedClient(back.model), w(2), 'and it settles the same again');
});

test('the history and the modal state survive the restart\'s state file', () => {
  let m = addClient(createModel([monitor('A')]), client(1));
  m = addClient(m, client(2));
  m = focusClient(m, w(1));
  m = addClient(m, modal(3, 1));
  assert.deepEqual(history(m), [3, 1, 2]);
  const back = modelFromJson(JSON.parse(JSON.stringify(modelToJson(m))));
  assert.ok(back.ok);
  assert.deepEqual(back.model, m);
  const json = modelToJson(m) as { workspaces: Record<string, unknown>[] };
  json.workspaces[0]!.history = [999, 2, 2, 1];
  const lenient = modelFromJson(JSON.parse(JSON.stringify(json)));
  assert.ok(lenient.ok, 'a stale history costs only itself');
  assert.deepEqual(lenient.model.workspaces[0]!.history, [3, 2, 1]);
  json.workspaces[0]!.history = undefined;
  json.workspaces[0]!.focusFloating = null;
  const older = modelFromJson(JSON.parse(JSON.stringify(json)));
  assert.ok(older.ok);
  assert.equal(focusedClient(older.model), 3, 'a file focusing the parent of a modal dialog focuses the dialog');
});

/** Whether `focus` is `from` or down a chain of modal transients from it. */
function modalBelow(model: Model, from: WindowId, focus: WindowId | null): boolean {
  const seen = new Set<WindowId>();
  for (let at = focus; at !== null && !seen.has(at); at = parentOf(model, at)) {
    if (at === from) return true;
    if (model.clients.get(at)?.modal !== true) return false;
    seen.add(at);
  }
  return false;
}

test('property: closing a workspace\'s focused client focuses the most recent other one it focused (or its modal dialog)', () => {
  fc.assert(
    fc.property(monitorsArb, opsArb, (monitors, ops) => {
      let state = startState(monitors);
      for (const op of ops) {
        state = applyOp(state, op);
        state.model.workspaces.forEach((ws: Workspace, i) => {
          const f = workspaceFocus(ws);
          // Minimised clients stay minimised: the focus passes them over.
          const expected = ws.history?.slice(1).find((h) => state.model.clients.get(h)?.minimised !== true);
          if (f === null || expected === undefined) return;
          const after = removeClient(state.model, f);
          checkModel(after);
          const now = workspaceFocus(after.workspaces[i]!);
          assert.ok(modalBelow(after, expected, now), `closing ${f} focused ${now}, not ${expected} (history ${ws.history!.join(',')})`);
        });
      }
    }),
    { numRuns: 150 },
  );
});

test('property: focusing a client focuses it or the end of its modal chain', () => {
  fc.assert(
    fc.property(monitorsArb, opsArb, fc.nat(), (monitors, ops, pick) => {
      let state = startState(monitors);
      for (const op of ops) state = applyOp(state, op);
      const ids = [...state.model.clients.keys()];
      if (ids.length === 0) return;
      const c = ids[pick % ids.length]!;
      const m = focusClient(state.model, c);
      checkModel(m);
      assert.ok(modalBelow(m, c, focusedClient(m)), `focusing ${c} focused ${focusedClient(m)}`);
    }),
    { numRuns: 200 },
  );
});
