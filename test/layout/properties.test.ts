// Property test: after every step of a random operation sequence the layout of the
// model is sound (exact cover, tabs, client rects, only shown tabs).
import { test } from 'node:test';
import fc from 'fast-check';
import { layout } from '../../src/layout/index.js';
import { checkModel } from '../model/invariants.js';
import { applyOp, monitorsArb, opsArb, startState, THEME } from '../model/ops.js';
import { checkLayout } from './invariants.js';

test('layout invariants hold after every step of random operation sequences', () => {
  fc.assert(
    fc.property(monitorsArb, opsArb, (monitors, ops) => {
      let state = startState(monitors);
      checkLayout(state.model, layout(state.model, THEME), THEME.tabBarHeight);
      for (const op of ops) {
        state = applyOp(state, op);
        checkModel(state.model, state.expected);
        checkLayout(state.model, layout(state.model, THEME), THEME.tabBarHeight);
      }
    }),
    { numRuns: 300 },
  );
});
