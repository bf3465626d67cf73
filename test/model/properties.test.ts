// Property tests: random sequences of every operation keep the model's invariants, and
// no operation mutates its input.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { checkModel } from './invariants.js';
import { applyOp, monitorsArb, opsArb, startState } from './ops.js';

const RUNS = 400;

test('invariants hold after every step of random operation sequences', () => {
  fc.assert(
    fc.property(monitorsArb, opsArb, (monitors, ops) => {
      let state = startState(monitors);
      checkModel(state.model, state.expected);
      for (const op of ops) {
        state = applyOp(state, op);
        checkModel(state.model, state.expected);
      }
    }),
    { numRuns: RUNS },
  );
});

test('operations never mutate the model they are given', () => {
  fc.assert(
    fc.property(monitorsArb, opsArb, (monitors, ops) => {
      let state = startState(monitors);
      for (const op of ops) {
        const snapshot = structuredClone(state.model);
        const next = applyOp(state, op);
        assert.deepEqual(state.model, snapshot, `${op.op} mutated its input`);
        state = next;
      }
    }),
    { numRuns: 150 },
  );
});

test('refusals change nothing but the message', () => {
  fc.assert(
    fc.property(monitorsArb, opsArb, (monitors, ops) => {
      let state = startState(monitors);
      for (const op of ops) {
        const before = { ...state.model, message: null };
        state = applyOp({ ...state, model: before }, op);
        if (state.model.message !== null) assert.deepEqual({ ...state.model, message: null }, before, `${op.op} refused but changed the model`);
      }
    }),
    { numRuns: 150 },
  );
});
