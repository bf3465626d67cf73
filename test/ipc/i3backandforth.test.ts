// i3's `workspace --no-auto-back-and-forth N`: with auto_back_and_forth on, the flag makes
// `workspace N` of the shown workspace stay there instead of going back.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createModel, createWorkspace, focusedWorkspace, gotoWorkspace, type Model } from '../../src/model/index.js';
import type { CommandContext } from '../../src/commands/index.js';
import { runI3 } from './support.js';
import { monitor } from '../model/support.js';

const ctx: CommandContext = { theme: { barHeight: 20, tabBarHeight: 18 }, resizeStep: 0.1, autoBackAndForth: true };
const four = (): Model => {
  let m = createModel([monitor('A')]);
  for (const n of ['2', '3', '4']) m = createWorkspace(m, n);
  return gotoWorkspace(m, 1);
};
const name = (m: Model): string => focusedWorkspace(m).name;
const i3 = (m: Model, text: string): Model => runI3(m, text, ctx);

test('workspace --no-auto-back-and-forth N of the shown workspace stays; without the flag it goes back', () => {
  const on2 = i3(four(), 'workspace number 2');
  assert.equal(name(on2), '2');
  assert.equal(name(i3(on2, 'workspace number 2')), '1', 'auto_back_and_forth went back');
  assert.equal(name(i3(on2, 'workspace --no-auto-back-and-forth number 2')), '2');
  assert.equal(name(i3(on2, 'workspace --no-auto-back-and-forth 2')), '2', 'by name too');
  assert.equal(name(i3(on2, 'workspace --no-auto-back-and-forth 3')), '3', 'another workspace: goes there');
});
