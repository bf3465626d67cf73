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
 *  ids are never reused, so the counter never goes back), and without the history itself. */
function layoutJson(model: Model): unknown {
  const { undo: _undo, ...rest } = model;
  return { ...M.modelToJson({ ...rest, message: null }), nextId: 0 };
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
        // The state file's text, made from the steps' kept texts, is what JSON.stringify makes.
        assert.equal(M.modelJsonText(state.model), JSON.stringify(M.modelToJson(state.model)));
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

/** The model after a trip through the restart's state file (JSON text). */
function acrossRestart(m: Model): { model: Model; undoDropped?: string } {
  const text = M.modelJsonText(m);
  assert.equal(text, JSON.stringify(M.modelToJson(m)));
  const r = M.modelFromJson(JSON.parse(text));
  assert.ok(r.ok, r.ok ? '' : r.error);
  return r;
}

test('the history survives the state file: undo and redo after a restart do what they did before it', () => {
  fc.assert(
    fc.property(monitorsArb, opsArb, fc.array(layoutOpArb, { minLength: 1, maxLength: 6 }), (monitors, setup, steps) => {
      let state = startState(monitors);
      for (const o of setup) state = applyOp(state, o);
      let m = M.clearMessage(state.model);
      for (const op of steps) m = M.recordStep(m, applyOp({ ...state, model: m }, op).model, op.op);
      const back = acrossRestart(m);
      assert.equal(back.undoDropped, undefined);
      assert.equal(back.model.undo?.past.length ?? 0, m.undo?.past.length ?? 0);
      const here = M.undo(m);
      const there = M.undo(back.model);
      assert.equal(there === null, here === null);
      if (here === null || there === null) return;
      assert.equal(there.label, here.label);
      checkModel(there.model, state.expected);
      // Compared as JSON text: what the file carries (-0 is 0 there).
      const text = (x: Model): unknown => JSON.parse(JSON.stringify(layoutJson(x)));
      assert.deepEqual(text(there.model), text(here.model));
      const redone = M.redo(acrossRestart(there.model).model);
      assert.ok(redone !== null);
      assert.deepEqual(text(redone.model), text(M.redo(here.model)!.model));
    }),
    { numRuns: 150 },
  );
});

test('a garbage undo history in the state file drops the history, never the windows', () => {
  let m = M.createModel([monitor('A')], ['one']);
  m = M.addClient(m, client(1));
  m = M.addClient(m, client(2));
  m = M.recordStep(m, M.splitTile(m, 'horizontal', M.NO_MIN_SHARE), 'tile split horizontal');
  const json = M.modelToJson(m) as unknown as Record<string, unknown>;
  const garbage: unknown[] = [
    'nonsense', null, 42, { past: 'x', future: [] }, { past: [{ label: 'x' }], future: [] },
    { past: [{ label: 'x', before: { workspaces: [], shown: [], focusedMonitor: null, clients: [] } }], future: [] },
  ];
  // A step whose window sits in two tiles would put one window in two places on undo.
  const twice = structuredClone(json.undo) as { past: { before: { workspaces: { root: { tabs: number[]; recent: number[] } }[] } }[] };
  const firstTile = twice.past[0]!.before.workspaces[0]!.root;
  firstTile.tabs = [1, 1];
  garbage.push(twice);
  fc.assert(fc.property(fc.oneof(fc.constantFrom(...garbage), fc.anything()), (undo) => {
    const r = M.modelFromJson(JSON.parse(JSON.stringify({ ...json, undo })) as unknown);
    assert.ok(r.ok, r.ok ? '' : r.error);
    assert.deepEqual([...r.model.clients.keys()].sort(), [w(1), w(2)]);
    checkModel(r.model);
    if (r.model.undo !== undefined) {
      // Whatever was accepted can be undone without losing a window.
      const u = M.undo(r.model);
      if (u !== null) checkModel(u.model);
    } else assert.ok(r.undoDropped !== undefined || undo === undefined);
  }), { numRuns: 300 });
});
