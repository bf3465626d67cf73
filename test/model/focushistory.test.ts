// The focus history of each workspace: where the focus goes when the focused client
// closes or leaves.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  addClient, createModel, createWorkspace, destroyWorkspace, focusClient, focusedClient, gotoWorkspace, HISTORY_LIMIT,
  modelFromJson, modelToJson, moveClientTo, moveClientToWorkspace, removeClient, showTab, splitTile, workspaceFocus,
} from '../../src/model/index.js';
import type { Client, Model, WindowId, Workspace } from '../../src/model/index.js';
import { checkModel } from './invariants.js';
import { applyOp, monitorsArb, opsArb, startState } from './ops.js';
import { client, monitor, w } from './support.js';

const dialog = (n: number, parent: number | null, extra: Partial<Client> = {}): Client => ({
  ...client(n), transientFor: parent === null ? null : w(parent), ...extra,
});
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

test('the history survives the restart\'s state file', () => {
  let m = addClient(createModel([monitor('A')]), client(1));
  m = addClient(m, client(2));
  m = focusClient(m, w(1));
  m = addClient(m, dialog(3, 1));
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
  const older = modelFromJson(JSON.parse(JSON.stringify(json)));
  assert.ok(older.ok);
  assert.deepEqual(older.model.workspaces[0]!.history, [3], 'a file without a history starts one');
});

test('property: closing a workspace\'s focused client focuses the most recent other one it focused', () => {
  fc.assert(
    fc.property(monitorsArb, opsArb, (monitors, ops) => {
      let state = startState(monitors);
      for (const op of ops) {
        state = applyOp(state, op);
        state.model.workspaces.forEach((ws: Workspace, i) => {
          const f = workspaceFocus(ws);
          const expected = ws.history?.[1];
          if (f === null || expected === undefined) return;
          const after = removeClient(state.model, f);
          checkModel(after);
          const now = workspaceFocus(after.workspaces[i]!);
          assert.equal(now, expected, `closing ${f} focused ${now}, not ${expected} (history ${ws.history!.join(',')})`);
        });
      }
    }),
    { numRuns: 150 },
  );
});
