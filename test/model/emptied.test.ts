// Under `placement: split` and `master` a tile goes with its last window and its
// neighbours take its space, as i3's containers do; under `tab` it stays, empty.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import * as M from '../../src/model/index.js';
import type { Model, NewPlacement } from '../../src/model/index.js';
import { focusedGeometry, minShare } from '../../src/layout/index.js';
import { checkModel } from './invariants.js';
import { applyOp, monitorsArb, opArb, startState, THEME, windowOpArb, type Op, type RunState } from './ops.js';
import { client, monitor, w, wsShape } from './support.js';

/** addClient then placeNew, as Fion does for a new window. */
function open(m: Model, n: number): Model {
  const added = M.addClient(m, client(n));
  const g = focusedGeometry(added, THEME)!;
  return M.placeNew(added, w(n), m.placement ?? 'tab', { tile: g.tile, min: minShare(THEME, g.area) });
}
const openAll = (m: Model, ids: readonly number[]): Model => ids.reduce(open, m);
/** A 1000x800 monitor, the placement set as the setting sets it. */
const wide = (placement: NewPlacement): Model => ({ ...M.createModel([monitor('A', { width: 1000, height: 800 })]), placement });
const ratios = (m: Model): readonly number[] => (M.focusedWorkspace(m).root as M.Split).ratios;

test('split: the tile of a closed window goes, its sibling takes its space and the focus', () => {
  let m = openAll(wide('split'), [1, 2, 3]);
  assert.equal(wsShape(m), 'row(#2[1*] column(#3[2*] #5[3*]))');
  m = M.removeClient(m, w(3));
  checkModel(m);
  assert.equal(wsShape(m), 'row(#2[1*] #3[2*])');
  assert.deepEqual(ratios(m), [0.5, 0.5]);
  m = M.removeClient(m, w(2));
  assert.equal(wsShape(m), '#2[1*]');
  m = M.removeClient(m, w(1));
  assert.equal(wsShape(m), '#2', 'the last tile stays, empty');
});

test('split: closing the middle of three leaves two tiles sharing the whole area', () => {
  let m = openAll(wide('split'), [1, 2, 3]);
  m = M.removeClient(m, w(2));
  checkModel(m);
  assert.equal(wsShape(m), 'row(#2[1*] #5[3*])');
  assert.deepEqual(ratios(m), [0.5, 0.5]);
  assert.equal(M.focusedClient(m), w(3), 'the focus stays where it was');
});

test('tab: the emptied tile stays where the user made it', () => {
  let m: Model = { ...openAll(wide('split'), [1, 2, 3]), placement: 'tab' };
  m = M.removeClient(m, w(3));
  assert.equal(wsShape(m), 'row(#2[1*] column(#3[2*] #5))');
  assert.equal(M.focusedClient(m), w(2), 'the focus goes back along the history');
});

test('split: the focus goes to the sibling that takes the space, not to a more recent window elsewhere', () => {
  let m = openAll(wide('split'), [1, 2, 3]); // row(#2[1] column(#3[2] #5[3]))
  m = M.focusClient(M.focusClient(m, w(1)), w(2)); // focused: 2, then 1, then 3
  m = M.removeClient(m, w(2));
  assert.equal(wsShape(m), 'row(#2[1*] #5[3*])');
  assert.equal(M.focusedClient(m), w(3), "i3: the closed window's sibling, though 1 was focused more recently");
});

test('split: into the sibling, the tile holding the window focused most recently', () => {
  let m = openAll(wide('split'), [1, 2, 3, 4]); // row(#2[1] column(#3[2] row(#5[3] #7[4])))
  m = M.focusClient(M.focusClient(m, w(3)), w(2)); // 2, 3, 4, 1
  m = M.removeClient(m, w(2));
  assert.equal(wsShape(m), 'row(#2[1*] #5[3*] #7[4*])');
  assert.equal(M.focusedClient(m), w(3));
});

test('split: a window closed in an unfocused tile leaves the focus alone', () => {
  let m = openAll(wide('split'), [1, 2, 3]);
  m = M.removeClient(m, w(1));
  assert.equal(wsShape(m), 'column(#3[2*] #5[3*])');
  assert.equal(M.focusedClient(m), w(3));
});

test('split: a tile the user split off stays empty; an emptied one goes', () => {
  let m = openAll(wide('split'), [1, 2]); // row(#2[1] #3[2])
  m = M.splitTile(m, 'horizontal'); // row(#2[1] column(#3[2] #5))
  m = M.removeClient(m, w(1));
  checkModel(m);
  assert.equal(wsShape(m), 'column(#3[2*] #5)');
  assert.equal(M.focusedTile(m).id, M.tileId(5));
});

test('split: a window leaving for another workspace, a float or another tile takes its tile along', () => {
  const start = openAll(M.createWorkspace(wide('split'), 'two'), [1, 2, 3]);
  const moved = M.moveClientToWorkspace(start, 'prev');
  assert.equal(wsShape(moved), 'row(#4[1*] #5[2*])');
  const floated = M.toggleFloating(start, w(3));
  assert.equal(wsShape(floated), 'row(#4[1*] #5[2*])');
  assert.equal(M.focusedClient(floated), w(3), 'the float keeps the focus');
  const dropped = M.dropOnTile(start, w(3), M.tileId(4));
  assert.equal(wsShape(dropped), 'row(#4[1,3*] #5[2*])');
  assert.equal(M.focusedClient(dropped), w(3), 'the focus follows the window');
  const hidden = M.scratchpadMove(start, w(3));
  assert.equal(wsShape(hidden), 'row(#4[1*] #5[2*])');
  for (const m of [moved, floated, dropped, hidden]) checkModel(m);
});

test('split: a minimised window keeps its tile', () => {
  let m = openAll(wide('split'), [1, 2]);
  m = M.minimiseClient(m, w(2));
  assert.equal(wsShape(m), 'row(#2[1*] #3[2])');
});

test('master: the stack closes up, evenly as it was', () => {
  let m = openAll(wide('master'), [1, 2, 3, 4]);
  assert.equal(wsShape(m), 'row(#2[1*] column(#3[2*] #5[3*] #7[4*]))');
  m = M.removeClient(m, w(3));
  checkModel(m);
  assert.equal(wsShape(m), 'row(#2[1*] column(#3[2*] #7[4*]))');
  const stack = (M.focusedWorkspace(m).root as M.Split).children[1] as M.Split;
  assert.deepEqual(stack.ratios, [0.5, 0.5]);
  m = M.removeClient(m, w(4));
  assert.equal(wsShape(m), 'row(#2[1*] #3[2*])');
  m = M.removeClient(m, w(2));
  assert.equal(wsShape(m), '#2[1*]');
});

test('master: when the master closes, the top of the stack becomes the master', () => {
  let m = openAll(wide('master'), [1, 2, 3, 4]);
  m = M.resizeTile(M.focusClient(m, w(1)), 'right', 0.1); // the master at 0.6
  m = M.removeClient(m, w(1));
  checkModel(m);
  assert.equal(wsShape(m), 'row(#3[2*] column(#5[3*] #7[4*]))');
  assert.ok(Math.abs(ratios(m)[0]! - 0.6) < 1e-9, 'the master keeps its width');
  assert.equal(M.focusedClient(m), w(4), 'the window focused before the master');
  m = M.removeClient(m, w(2));
  assert.equal(wsShape(m), 'row(#5[3*] #7[4*])');
  m = open(m, 5);
  assert.equal(wsShape(m), 'row(#5[3*] column(#7[4*] #9[5*]))');
});

test('undo brings back no tile whose windows closed since', () => {
  let m = openAll(wide('split'), [1, 2, 3]); // row(#2[1] column(#3[2] #5[3]))
  const before = m;
  m = M.recordStep(before, M.resizeTile(m, 'left', 0.1), 'tile resize');
  m = M.removeClient(m, w(3));
  const undone = M.undo(m);
  assert.ok(undone !== null);
  checkModel(undone.model);
  assert.equal(wsShape(undone.model), 'row(#2[1*] #3[2*])');
  const inTab = M.undo({ ...m, placement: 'tab' });
  assert.equal(wsShape(inTab!.model), 'row(#2[1*] column(#3[2*] #5))', 'under tab, undo gives the tiles back as they were');
});

/** Every tile holds a window, except a workspace's only tile. */
function noEmptyTile(model: Model, after: string): void {
  for (const ws of model.workspaces) {
    const ts = M.tiles(ws.root);
    if (ts.length === 1) continue;
    const empty = ts.filter((t) => t.tabs.length === 0);
    assert.equal(empty.length, 0, `after ${after}: workspace ${ws.name} has empty tile ${empty[0]?.id} among ${ts.length}`);
  }
}

/** Every operation but the user's own `tile split` (the one way to make an empty tile). */
const leavingArb = fc.array(fc.oneof({ arbitrary: opArb, weight: 9 }, windowOpArb).filter((op) => op.op !== 'split'), { maxLength: 60, size: 'max' });

for (const placement of ['split', 'master'] as const) {
  test(`property, ${placement}: after any sequence no tile is empty but a lone one; nothing is lost; the focus is valid`, () => {
    fc.assert(
      fc.property(monitorsArb, leavingArb, (monitors, ops) => {
        let state = startState(monitors, placement);
        for (const op of ops) {
          state = applyOp(state, op);
          checkModel(state.model, state.expected);
          noEmptyTile(state.model, op.op);
        }
      }),
      { numRuns: 300 },
    );
  });
}

type Mixed = { kind: 'op'; op: Op } | { kind: 'undo' } | { kind: 'redo' };
const NOT_STEPS: ReadonlySet<Op['op']> = new Set(['add', 'addPlaced', 'addFloat', 'remove', 'setMonitors']);
const mixedArb = fc.array(
  fc.oneof(
    { arbitrary: opArb.filter((op) => op.op !== 'split').map((op): Mixed => ({ kind: 'op', op })), weight: 4 },
    { arbitrary: fc.constant<Mixed>({ kind: 'undo' }), weight: 2 },
    { arbitrary: fc.constant<Mixed>({ kind: 'redo' }), weight: 1 },
  ),
  { maxLength: 80, size: 'max' },
);

test('property, split: undos and redos among windows coming and going bring back no empty tile', () => {
  fc.assert(
    fc.property(monitorsArb, mixedArb, (monitors, steps) => {
      let state: RunState = startState(monitors, 'split');
      for (const s of steps) {
        if (s.kind === 'op') {
          const before = state.model;
          state = applyOp(state, s.op);
          if (!NOT_STEPS.has(s.op.op) && state.model.message === null) state = { ...state, model: M.recordStep(before, state.model, s.op.op) };
        } else {
          const r = s.kind === 'undo' ? M.undo(state.model) : M.redo(state.model);
          if (r !== null) state = { ...state, model: r.model };
        }
        checkModel(state.model, state.expected);
        noEmptyTile(state.model, s.kind === 'op' ? s.op.op : s.kind);
      }
    }),
    { numRuns: 300 },
  );
});

const masterOpArb = fc.array(fc.oneof(
  { arbitrary: fc.constant<Op>({ op: 'addPlaced', screen: null, how: 'master' }), weight: 3 },
  { arbitrary: fc.nat({ max: 1000 }).map((pick): Op => ({ op: 'remove', pick })), weight: 2 },
  fc.nat({ max: 1000 }).map((pick): Op => ({ op: 'focusClient', pick })),
), { maxLength: 40 });

test('property, master: windows coming and going keep one master and a stack of tiles beside it', () => {
  fc.assert(
    fc.property(masterOpArb, (ops) => {
      let state = startState([monitor('A', { width: 1000, height: 800 })], 'master');
      for (const op of ops) {
        state = applyOp(state, op);
        checkModel(state.model, state.expected);
        const root = M.focusedWorkspace(state.model).root;
        if (root.kind === 'tile') continue;
        const [master, stack] = root.children;
        assert.ok(root.axis === 'row' && root.children.length === 2 && master!.kind === 'tile', `after ${op.op}: ${wsShape(state.model)}`);
        assert.ok(stack!.kind === 'tile' || (stack!.axis === 'column' && stack!.children.every((c) => c.kind === 'tile')), `after ${op.op}: ${wsShape(state.model)}`);
      }
    }),
    { numRuns: 300 },
  );
});
