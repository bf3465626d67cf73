// Undo and redo: right after any layout operation, undo gives back exactly the layout before
// it and redo exactly the one after; random mixes of operations, undos, redos and windows
// opening and closing never lose a client nor invent one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import * as M from '../../src/model/index.js';
import type { Model } from '../../src/model/index.js';
import { checkModel } from './invariants.js';
import { applyOp, monitorsArb, opArb, opsArb, startState, type Op, type RunState } from './ops.js';
import { client, monitor, w, wsShape } from './support.js';

/** The model as JSON, without the message and the id counter (what undo must give back:
 *  ids are never reused, so the counter never goes back). */
function layoutJson(model: Model): unknown {
  return { ...M.modelToJson({ ...model, message: null }), nextId: 0 };
}

/** Windows opening and closing and monitors changing: never steps of their own. */
const NOT_STEPS: ReadonlySet<Op['op']> = new Set(['add', 'addPlaced', 'addFloat', 'remove', 'setMonitors']);
/** What undo does not keep: client properties the client sets (urgency, hints, modal,
 *  transient-for) and docks' reservations. */
const NOT_LAYOUT: ReadonlySet<Op['op']> = new Set([...NOT_STEPS, 'update', 'setHints', 'setModal', 'setTransient', 'focusUrgent', 'setReserved']);
const layoutOpArb = opArb.filter((op) => !NOT_LAYOUT.has(op.op));

test('undo right after any layout operation restores the layout exactly; redo re-applies it', () => {
  fc.assert(
    fc.property(monitorsArb, opsArb, layoutOpArb, (monitors, setup, op) => {
      let state = startState(monitors);
      for (const o of setup) state = applyOp(state, o);
      const before = M.clearMessage(state.model);
      const after = applyOp({ ...state, model: before }, op).model;
      const undone = M.undo(M.recordStep(before, after, op.op));
      if (undone === null) {
        assert.deepEqual(layoutJson(after), layoutJson(before), `${op.op} changed the layout but left no step`);
        return;
      }
      assert.equal(undone.label, op.op);
      checkModel(undone.model, state.expected);
      assert.deepEqual(layoutJson(undone.model), layoutJson(before), `undo after ${op.op}`);
      const redone = M.redo(undone.model);
      assert.ok(redone !== null);
      checkModel(redone.model, state.expected);
      assert.deepEqual(layoutJson(redone.model), layoutJson(after), `redo after undo of ${op.op}`);
    }),
    { numRuns: 400 },
  );
});

type Mixed = { kind: 'op'; op: Op } | { kind: 'undo' } | { kind: 'redo' };
const mixedArb = fc.array(
  fc.oneof(
    { arbitrary: opArb.map((op): Mixed => ({ kind: 'op', op })), weight: 4 },
    { arbitrary: fc.constant<Mixed>({ kind: 'undo' }), weight: 2 },
    { arbitrary: fc.constant<Mixed>({ kind: 'redo' }), weight: 1 },
  ),
  { maxLength: 80, size: 'max' },
);

test('random operations, undos, redos and clients coming and going never lose a client', () => {
  fc.assert(
    fc.property(monitorsArb, mixedArb, (monitors, steps) => {
      let state: RunState = startState(monitors);
      for (const s of steps) {
        if (s.kind === 'op') {
          const before = state.model;
          state = applyOp(state, s.op);
          // Windows opening and closing and monitors changing are not steps; everything else is.
          if (!NOT_STEPS.has(s.op.op) && state.model.message === null) state = { ...state, model: M.recordStep(before, state.model, s.op.op) };
        } else {
          const r = s.kind === 'undo' ? M.undo(state.model) : M.redo(state.model);
          if (r !== null) state = { ...state, model: r.model };
        }
        checkModel(state.model, state.expected);
      }
    }),
    { numRuns: 300 },
  );
});

test('a client that closed since is skipped; one that opened since stays in its tile', () => {
  let m = M.createModel([monitor('A')], ['one']);
  m = M.addClient(m, client(1));
  m = M.addClient(m, client(2));
  const split = M.recordStep(m, M.splitTile(m, 'horizontal', M.NO_MIN_SHARE), 'tile split horizontal');
  assert.equal(wsShape(split), 'column(#2[1,2*] #3)');
  let later = M.addClient(split, client(3)); // into the new, focused tile #3
  later = M.removeClient(later, w(1));
  const killed = M.recordStep(later, M.killTile(later), 'tile kill');
  assert.equal(wsShape(killed), '#2[2*,3]');
  const u1 = M.undo(killed)!;
  assert.equal(u1.label, 'tile kill');
  assert.equal(wsShape(u1.model), 'column(#2[2*] #3[3*])');
  const u2 = M.undo(u1.model)!;
  assert.equal(u2.label, 'tile split horizontal');
  // Tile #3 is gone in the layout before the split: its client goes to the nearest tile.
  assert.equal(wsShape(u2.model), '#2[2*,3]');
  assert.equal(M.undo(u2.model), null);
  const r = M.redo(u2.model)!;
  assert.equal(r.label, 'tile split horizontal');
  assert.equal(wsShape(r.model), 'column(#2[2*] #3[3*])');
});

test('undo goes back at least UNDO_LIMIT steps, and a new step drops the redo list', () => {
  let m = M.addClient(M.createModel([monitor('A')], ['one']), client(1));
  for (let i = 0; i < M.UNDO_LIMIT + 20; i++) {
    m = M.recordStep(m, M.resizeTile(M.splitTile(m, 'vertical', M.NO_MIN_SHARE), 'up', 0.01, M.NO_MIN_SHARE), 'step');
  }
  let n = 0;
  for (let r = M.undo(m); r !== null; r = M.undo(r.model)) { n++; m = r.model; }
  assert.equal(n, M.UNDO_LIMIT);
  m = M.redo(m)!.model;
  m = M.recordStep(m, M.createWorkspace(m, 'x'), 'workspace create x');
  assert.equal(M.redo(m), null);
  assert.equal(M.undo(m)!.label, 'workspace create x');
});

test('undo of a workspace destroyed shows it again; its clients come back to it', () => {
  let m = M.createWorkspace(M.createModel([monitor('A')], ['one']), 'two');
  m = M.addClient(m, client(7));
  const destroyed = M.recordStep(m, M.destroyWorkspace(m), 'workspace destroy');
  assert.equal(destroyed.workspaces.length, 1);
  const u = M.undo(destroyed)!.model;
  assert.deepEqual(u.workspaces.map((x) => x.name), ['one', 'two']);
  assert.equal(M.focusedWorkspace(u).name, 'two');
  assert.equal(wsShape(u), `#${M.focusedWorkspace(u).focus}[7*]`);
});
