// Minimising: a window is hidden where it was and always comes back.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import * as M from '../../src/model/index.js';
import { layout } from '../../src/layout/index.js';
import { checkModel } from './invariants.js';
import { applyOp, monitorsArb, opsArb, startState, THEME } from './ops.js';
import { client, monitor, w, wsShape } from './support.js';

function threeTabs(): M.Model {
  let m = M.createModel([monitor('A')]);
  for (const n of [1, 2, 3]) m = M.addClient(m, client(n));
  return m;
}

test('a minimised tab stays in the tab bar, the tab shown before it is shown and focused', () => {
  let m = threeTabs();
  m = M.showTab(m, 'prev'); // 2 shown, 3 before it
  m = M.minimiseClient(m, w(2));
  checkModel(m);
  assert.equal(wsShape(m), '#2[1,2,3*]');
  assert.equal(M.focusedClient(m), 3);
  assert.equal(M.isMinimised(m, w(2)), true);
  const tabs = layout(m, THEME).tiles[0]!.tabs;
  assert.deepEqual(tabs.map((t) => [t.client, t.shown, t.minimised]), [[1, false, false], [2, false, true], [3, true, false]]);
  assert.equal(layout(m, THEME).clients.has(w(2)), false, 'not placed');
});

test('a tile whose tabs are all minimised shows none and focuses none', () => {
  let m = threeTabs();
  for (const n of [3, 1, 2]) m = M.minimiseClient(m, w(n));
  checkModel(m);
  assert.equal(M.focusedClient(m), null);
  assert.equal(M.shownTab(M.focusedTile(m)), null);
  const out = layout(m, THEME);
  assert.equal(out.clients.size, 0);
  assert.equal(out.focus, null);
  assert.deepEqual(out.tiles[0]!.tabs.map((t) => t.minimised), [true, true, true]);
});

test('focusing, clicking or cycling to a minimised tab brings it back, shown and focused', () => {
  const base = M.minimiseClient(threeTabs(), w(1));
  for (const back of [
    M.focusClient(base, w(1)),
    M.restoreClient(base, w(1)),
    M.showTabAt(base, M.focusedTile(base).id, 0),
    M.showTab(base, 'next'),
  ]) {
    checkModel(back);
    assert.equal(M.isMinimised(back, w(1)), false);
    assert.equal(M.focusedClient(back), 1);
  }
  // With every tab minimised, tab next starts at the first.
  let all = threeTabs();
  for (const n of [1, 2, 3]) all = M.minimiseClient(all, w(n));
  assert.equal(M.focusedClient(M.showTab(all, 'next')), 1);
  assert.equal(M.focusedClient(M.showTab(all, 'prev')), 3);
});

test('a minimised float keeps its place in the stacking, hands the focus on, and comes back on top', () => {
  let m = M.createModel([monitor('A')]);
  m = M.addClient(m, client(1));
  m = M.addClient(m, client(2), undefined, { floating: true });
  m = M.addClient(m, client(3), undefined, { floating: true });
  m = M.minimiseClient(m, w(3));
  checkModel(m);
  assert.deepEqual(M.focusedWorkspace(m).floating, [2, 3]);
  assert.equal(M.focusedClient(m), 2, 'the float below');
  assert.equal(layout(m, THEME).clients.has(w(3)), false);
  m = M.minimiseClient(m, w(2));
  assert.equal(M.focusedClient(m), 1, 'then the tiles');
  m = M.focusClient(m, w(2));
  checkModel(m);
  assert.equal(M.focusedClient(m), 2);
  assert.deepEqual(M.focusedWorkspace(m).floating, [3, 2]);
  assert.equal(M.isMinimised(m, w(3)), true);
});

test('a minimised window moved to another workspace, or orphaned by one, stays minimised and listed', () => {
  let m = threeTabs();
  m = M.createWorkspace(m, 'two');
  m = M.switchWorkspace(m, 'prev');
  m = M.minimiseClient(m, w(2));
  const two = m.workspaces[1]!.id;
  const moved = M.moveClientTo(m, w(2), two);
  checkModel(moved);
  assert.equal(wsShape(moved, 1), '#4[2]', 'a tab, not shown');
  assert.equal(M.isMinimised(moved, w(2)), true);
  // Its workspace destroyed: it joins the neighbour's tile, still minimised.
  const gone = M.destroyWorkspace(M.switchWorkspace(moved, 'next'));
  checkModel(gone);
  assert.equal(M.isMinimised(gone, w(2)), true);
  assert.equal(M.findClient(gone, w(2)) !== null, true);
});

test('property: every minimised client is still placed, never shown, never focused, and focusing it brings it back', () => {
  fc.assert(
    fc.property(monitorsArb, opsArb, (monitors, ops) => {
      let state = startState(monitors);
      for (const op of ops) state = applyOp(state, op);
      checkModel(state.model, state.expected);
      const out = layout(state.model, THEME);
      for (const id of state.model.clients.keys()) {
        if (!M.isMinimised(state.model, id)) continue;
        assert.ok(M.findClient(state.model, id), `minimised ${id} lost`);
        assert.ok(!out.clients.has(id), `minimised ${id} placed`);
        assert.notEqual(out.focus, id);
        const back = M.focusClient(state.model, id);
        checkModel(back, state.expected);
        assert.equal(M.isMinimised(back, id), false);
        // It, or the modal dialog it has open (which holds its focus).
        const shown = M.focusedClient(back);
        let up = shown;
        while (up !== null && up !== id && back.clients.get(up)?.modal === true) up = M.parentOf(back, up);
        assert.equal(up, id, `focusing ${id} focused ${shown}`);
        // Shown, unless its modal dialog shares its tile and is shown in its place.
        if (shown === id) assert.ok(layout(back, THEME).clients.has(id), `restored ${id} not placed`);
      }
    }),
    { numRuns: 200 },
  );
});
