// Sticky floats, the stacking layers of floats, and the scratchpad.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import * as M from '../../src/model/index.js';
import { layout } from '../../src/layout/index.js';
import { checkModel } from './invariants.js';
import { applyOp, monitorsArb, opsArb, startState, THEME } from './ops.js';
import { client, monitor, w } from './support.js';

function twoWorkspaces(): M.Model {
  let m = M.setWorkspaceCount(M.createModel([monitor('A')]), 3);
  m = M.addClient(m, client(1));
  m = M.addClient(m, client(2), undefined, { floating: true });
  return m;
}

const wsOf = (m: M.Model, id: number): string | undefined => M.workspaceOf(m, w(id))?.name;
const shownOn = (m: M.Model, i: number): string | undefined => m.workspaces.find((x) => x.id === m.monitors[i]?.workspace)?.name;

test('a sticky float follows its monitor from workspace to workspace and keeps its place; a plain one stays', () => {
  let m = twoWorkspaces();
  m = M.moveFloating(m, w(2), { x: 700, y: 500, width: 200, height: 100 });
  m = M.setSticky(m, w(2), 'add');
  m = M.addClient(m, client(3), undefined, { floating: true });
  m = M.gotoWorkspace(m, 2);
  assert.equal(wsOf(m, 2), '2', 'the sticky float came along');
  assert.equal(wsOf(m, 3), '1', 'the plain float stayed');
  assert.equal(M.isFloating(m, w(2)), true);
  assert.deepEqual(layout(m, THEME).clients.get(w(2)), { x: 700, y: 500, width: 200, height: 100 });
  assert.notEqual(M.focusedClient(m), w(2), 'it takes no focus on the way');
  m = M.createWorkspace(m);
  assert.equal(wsOf(m, 2), M.focusedWorkspace(m).name);
  m = M.setSticky(m, w(2), 'toggle');
  m = M.gotoWorkspace(m, 1);
  assert.notEqual(wsOf(m, 2), '1', 'no longer sticky: it stays');
  checkModel(m);
});

test('with two monitors a sticky float stays on its own monitor, also when the other one takes its workspace (swap)', () => {
  let m = M.setWorkspaceCount(M.createModel([monitor('A'), monitor('B', { x: 1000 })]), 4);
  m = M.addClient(m, client(1), undefined, { floating: true });
  m = M.setSticky(m, w(1), 'add');
  assert.deepEqual([shownOn(m, 0), shownOn(m, 1)], ['1', '2']);
  m = M.focusMonitor(m, 'next');
  m = M.gotoWorkspace({ ...m, shownElsewhere: 'swap' }, 1); // B takes 1, A gets 2
  assert.deepEqual([shownOn(m, 0), shownOn(m, 1)], ['2', '1']);
  assert.equal(wsOf(m, 1), '2', 'still on monitor A');
  m = M.gotoWorkspace(m, 3); // B shows 3: A is untouched
  assert.equal(wsOf(m, 1), '2');
  checkModel(m);
});

test('above floats stack over the other floats, below ones under them; setting one clears the other', () => {
  let m = M.createModel([monitor('A')]);
  m = M.addClient(m, client(1));
  for (const n of [2, 3, 4]) m = M.addClient(m, client(n), undefined, { floating: true });
  m = M.setLayer(m, w(2), 'above', 'add');
  m = M.setLayer(m, w(4), 'below', 'add');
  assert.deepEqual(layout(m, THEME).stacking, [1, 4, 3, 2].map(w));
  m = M.setLayer(m, w(4), 'above', 'add');
  assert.equal(m.clients.get(w(4))?.below, false);
  assert.deepEqual(layout(m, THEME).stacking, [1, 3, 2, 4].map(w));
});

test('scratchpad move hides a tiled window as a float, still managed; show brings it back centred and focused; show again hides it', () => {
  let m = twoWorkspaces();
  m = M.focusClient(m, w(1));
  m = M.scratchpadMove(m);
  checkModel(m);
  assert.equal(M.isFloating(m, w(1)), true);
  assert.equal(M.isMinimised(m, w(1)), true);
  assert.deepEqual(M.scratchpadWindows(m), [w(1)]);
  assert.equal(layout(m, THEME).clients.has(w(1)), false, 'hidden');
  m = M.gotoWorkspace(m, 3);
  m = M.scratchpadShow(m);
  assert.equal(wsOf(m, 1), '3', 'shown on the focused workspace');
  assert.equal(M.focusedClient(m), w(1));
  const r = layout(m, THEME).clients.get(w(1))!;
  assert.ok(Math.abs(r.x + r.width / 2 - 500) <= 1 && Math.abs(r.y + r.height / 2 - 400) <= 1, `centred: ${JSON.stringify(r)}`);
  m = M.scratchpadShow(m);
  assert.equal(M.isMinimised(m, w(1)), true, 'hidden again');
  assert.deepEqual(M.scratchpadWindows(m), [w(1)]);
  checkModel(m);
});

test('scratchpad show takes turns, the one hidden longest ago first; with an id it picks that one', () => {
  let m = twoWorkspaces();
  m = M.addClient(m, client(3));
  m = M.scratchpadMove(m, w(1));
  m = M.scratchpadMove(m, w(3));
  m = M.scratchpadShow(m);
  assert.equal(M.focusedClient(m), w(1));
  m = M.scratchpadShow(m); // hides 1: 3 is next
  m = M.scratchpadShow(m);
  assert.equal(M.focusedClient(m), w(3));
  m = M.scratchpadShow(m, w(1));
  assert.equal(M.focusedClient(m), w(1));
  assert.equal(M.isMinimised(m, w(3)), false, 'both shown');
  assert.equal(M.scratchpadShow(m, w(2)).message, 'that window is not in the scratchpad');
  assert.equal(M.scratchpadShow(M.createModel([monitor('A')])).message, 'the scratchpad is empty');
});

test('a window shown from the scratchpad and then tiled or sent to another workspace leaves the scratchpad', () => {
  let m = twoWorkspaces();
  m = M.addClient(m, client(3));
  m = M.scratchpadMove(m, w(1));
  m = M.scratchpadMove(m, w(3));
  m = M.scratchpadShow(m, w(1));
  m = M.toggleFloating(m, w(1));
  assert.deepEqual(M.scratchpadWindows(m), [w(3)]);
  m = M.scratchpadShow(m, w(3));
  m = M.moveClientToWorkspace(m, 'next');
  assert.deepEqual(M.scratchpadWindows(m), []);
  checkModel(m);
});

test('a dropdown toggles at its place: shown at the fractions of the monitor, hidden, shown again', () => {
  let m = twoWorkspaces();
  const place = { x: 0, y: 0, width: 1, height: 0.5 };
  m = M.toggleDropdown(m, w(1), place);
  assert.deepEqual(layout(m, THEME).clients.get(w(1)), { x: 0, y: 0, width: 1000, height: 400 });
  assert.equal(M.focusedClient(m), w(1));
  m = M.toggleDropdown(m, w(1), place);
  assert.equal(M.isMinimised(m, w(1)), true);
  m = M.gotoWorkspace(m, 2);
  m = M.toggleDropdown(m, w(1), place);
  assert.equal(wsOf(m, 1), '2');
  assert.equal(M.focusedClient(m), w(1));
});

test('a window that asked for no sane size comes back from the scratchpad at the default size, on the monitor', () => {
  let m = M.createModel([monitor('A', { width: 320, height: 240 })]);
  m = M.addClient(m, { ...client(1), requested: { x: 0, y: 0, width: Number.NaN, height: 0 } }, undefined, { floating: true });
  m = M.scratchpadShow(M.scratchpadMove(m));
  checkModel(m);
  assert.deepEqual(m.clients.get(w(1))?.floatRect, { x: 0, y: 0, width: 320, height: 240 });
});

test('the flags survive serialisation', () => {
  let m = twoWorkspaces();
  m = M.setSticky(m, w(2), 'add');
  m = M.setLayer(m, w(2), 'below', 'add');
  m = M.scratchpadMove(m, w(1));
  const back = M.modelFromJson(JSON.parse(JSON.stringify(M.modelToJson(m))));
  assert.ok(back.ok, back.ok ? '' : back.error);
  if (!back.ok) return;
  assert.equal(back.model.clients.get(w(2))?.sticky, true);
  assert.equal(back.model.clients.get(w(2))?.below, true);
  assert.deepEqual(M.scratchpadWindows(back.model), [w(1)]);
});

test('random operation sequences never lose a sticky or scratchpad window, and sticky floats stay shown across workspace switches', () => {
  fc.assert(
    fc.property(monitorsArb, opsArb, fc.nat(), fc.constantFrom<'next' | 'prev'>('next', 'prev'), (monitors, ops, n, way) => {
      let state = startState(monitors);
      for (const op of ops) state = applyOp(state, op);
      checkModel(state.model, state.expected);
      // Every sticky float shown on a monitor is still shown on that monitor after a switch.
      let m = state.model;
      const shownSticky = new Map<M.WindowId, number>();
      for (const c of m.clients.values()) {
        const at = M.findClient(m, c.id);
        const on = at ? M.monitorShowing(m, at.workspace) : -1;
        if (M.isStickyFloat(m, c.id) && on >= 0) shownSticky.set(c.id, on);
      }
      m = n % 2 === 0 ? M.switchWorkspace(m, way) : M.gotoWorkspace(m, 1 + (n % m.workspaces.length));
      checkModel(m, state.expected);
      for (const [id, on] of shownSticky) {
        const at = M.findClient(m, id)!;
        assert.equal(M.monitorShowing(m, at.workspace), on, `sticky ${id} left monitor ${on}`);
        assert.equal(M.isFloating(m, id), true);
      }
      // Scratchpad windows are all reachable: each can be shown.
      for (const id of M.scratchpadWindows(m)) {
        const shown = M.scratchpadShow(m, id);
        if (M.isMinimised(shown, id)) assert.equal(M.focusedClient(m), id, 'only the focused one is hidden');
        else assert.equal(M.workspaceOf(shown, id)?.id, M.focusedWorkspace(shown).id, 'shown here');
      }
    }),
    { numRuns: 300 },
  );
});
