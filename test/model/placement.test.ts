// The placement policy for new tiled windows: tab, split, master.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import * as M from '../../src/model/index.js';
import type { Model, NewPlacement } from '../../src/model/index.js';
import { focusedGeometry, minShare } from '../../src/layout/index.js';
import { checkModel } from './invariants.js';
import { applyOp, monitorsArb, opsArb, startState, THEME } from './ops.js';
import { client, monitor, wsShape } from './support.js';

/** addClient then placeNew, as Fion does for a new window. */
function open(m: Model, n: number, how: NewPlacement): Model {
  const added = M.addClient(m, client(n));
  const g = focusedGeometry(added, THEME)!;
  return M.placeNew(added, M.windowId(n), how, { tile: g.tile, min: minShare(THEME, g.area) });
}
const openAll = (m: Model, how: NewPlacement, ids: readonly number[]): Model => ids.reduce((acc, n) => open(acc, n, how), m);
const wide = (): Model => M.createModel([monitor('A', { width: 1000, height: 800 })]);

test('tab: every window a tab of the one tile', () => {
  assert.equal(wsShape(openAll(wide(), 'tab', [1, 2, 3])), '#2[1,2,3*]');
});

test('split: the first window takes the empty tile, each next one halves the focused tile along its longer side', () => {
  const m = openAll(wide(), 'split', [1, 2, 3, 4]);
  checkModel(m);
  // 1000x780 area: side by side, then the right half (500 wide) is cut top and bottom, and so on.
  assert.equal(wsShape(m), 'row(#2[1*] column(#3[2*] row(#5[3*] #7[4*])))');
  assert.equal(M.focusedClient(m), M.windowId(4));
});

test('split: a tile too small to cut keeps the new window as a tab, focused', () => {
  let m = wide();
  for (let n = 1; n <= 40; n++) m = open(m, n, 'split');
  checkModel(m, new Set(Array.from({ length: 40 }, (_, i) => M.windowId(i + 1))));
  assert.equal(M.focusedClient(m), M.windowId(40));
  const tiles = M.tiles(M.focusedWorkspace(m).root);
  assert.ok(tiles.length < 40 && tiles.length > 4, `${tiles.length} tiles`);
  assert.ok(tiles.some((t) => t.tabs.length > 1), 'the last tile holds tabs');
});

test('master: one large tile on the left, the others stacked on the right, evenly', () => {
  const m = openAll(wide(), 'master', [1, 2, 3, 4]);
  checkModel(m);
  assert.equal(wsShape(m), 'row(#2[1*] column(#3[2*] #5[3*] #7[4*]))');
  const stack = (M.focusedWorkspace(m).root as M.Split).children[1] as M.Split;
  for (const r of stack.ratios) assert.ok(Math.abs(r - 1 / 3) < 1e-9);
  assert.equal(M.focusedClient(m), M.windowId(4));
});

test('master: after the stack empties, the next window takes its tile', () => {
  let m = openAll(wide(), 'master', [1, 2]);
  m = M.removeClient(m, M.windowId(2));
  m = open(m, 3, 'master');
  assert.equal(wsShape(m), 'row(#2[1*] #5[3*])');
  assert.equal(M.focusedClient(m), M.windowId(3));
});

test('master: a workspace the user reshaped is split as `split` does', () => {
  let m = openAll(wide(), 'master', [1, 2]);
  m = M.splitTile(M.focusTileById(m, M.tileId(2)), 'horizontal');
  m = open(m, 3, 'master');
  checkModel(m);
  assert.equal(M.focusedClient(m), M.windowId(3));
});

test('placeNew leaves floats, minimised and unknown clients alone', () => {
  const m0 = openAll(wide(), 'split', [1]);
  const withFloat = M.addClient(m0, client(2), undefined, { floating: true });
  const g = { tile: { x: 0, y: 0, width: 100, height: 100 }, min: M.NO_MIN_SHARE };
  assert.equal(M.placeNew(withFloat, M.windowId(2), 'split', g), withFloat);
  const withMin = M.addClient(m0, { ...client(3), minimised: true });
  assert.equal(M.placeNew(withMin, M.windowId(3), 'split', g), withMin);
  assert.equal(M.placeNew(m0, M.windowId(99), 'master', g), m0);
});

test('property: from any reachable model, a placed window is managed, focused, and nothing is lost', () => {
  fc.assert(
    fc.property(monitorsArb, opsArb, fc.constantFrom<NewPlacement>('tab', 'split', 'master'), fc.integer({ min: 1, max: 30 }),
      (monitors, ops, how, count) => {
        let state = startState(monitors);
        for (const op of ops) state = applyOp(state, op);
        for (let i = 0; i < count; i++) {
          state = applyOp(state, { op: 'addPlaced', screen: null, how });
          checkModel(state.model, state.expected);
          assert.equal(M.focusedClient(state.model), M.windowId(state.nextWindow - 1));
        }
      }),
    { numRuns: 300 },
  );
});
