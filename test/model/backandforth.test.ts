// workspace back_and_forth: the workspace focused before this one, remembered by every
// operation that moves the focus to another workspace.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { backAndForth, createModel, createWorkspace, focusedWorkspace, gotoWorkspace, switchWorkspace } from '../../src/model/index.js';
import { executeCommand, parseCommand, type CommandContext } from '../../src/commands/index.js';
import { modelFromJson, modelToJson } from '../../src/model/serialize.js';
import { monitor } from './support.js';

const four = (): ReturnType<typeof createModel> => {
  let m = createModel([monitor('A')]);
  for (const n of ['2', '3', '4']) m = createWorkspace(m, n);
  return gotoWorkspace(m, 1);
};
const name = (m: ReturnType<typeof createModel>): string => focusedWorkspace(m).name;

test('back_and_forth goes to the workspace focused before, and again back', () => {
  let m = gotoWorkspace(four(), 3);
  assert.equal(name(m), '3');
  m = backAndForth(m);
  assert.equal(name(m), focusedWorkspace(four()).name);
  m = backAndForth(m);
  assert.equal(name(m), '3');
  assert.match(backAndForth(createModel([monitor('A')])).message ?? '', /no workspace was focused before/);
  const back = modelFromJson(JSON.parse(JSON.stringify(modelToJson(m))));
  assert.ok(back.ok);
  assert.equal(name(backAndForth(back.model)), focusedWorkspace(four()).name, 'kept across a restart');
});

test('auto_back_and_forth: workspace goto N of the shown workspace goes back', () => {
  const ctx: CommandContext = { theme: { barHeight: 20, tabBarHeight: 18 }, resizeStep: 0.1, autoBackAndForth: true };
  const run = (m: ReturnType<typeof createModel>, text: string, c = ctx): ReturnType<typeof createModel> => {
    const r = parseCommand(text);
    assert.ok(r.ok);
    return executeCommand(m, r.command, c).model;
  };
  let m = run(four(), 'workspace goto 2');
  m = run(m, 'workspace goto 2');
  assert.equal(name(m), focusedWorkspace(four()).name);
  assert.equal(name(run(run(four(), 'workspace goto 2'), 'workspace goto 2', { ...ctx, autoBackAndForth: false })), '2');
  assert.equal(name(run(run(four(), 'workspace goto 2'), 'workspace goto 2 --no-auto-back-and-forth')), '2', 'the flag stays');
});

test('property: back_and_forth after any switches lands on the workspace focused just before', () => {
  fc.assert(fc.property(fc.array(fc.oneof(fc.integer({ min: 1, max: 4 }), fc.constantFrom('next', 'prev') as fc.Arbitrary<'next' | 'prev'>), { minLength: 1, maxLength: 20 }), (ops) => {
    let m = four();
    const seen: string[] = [name(m)];
    for (const o of ops) {
      m = typeof o === 'number' ? gotoWorkspace(m, o) : switchWorkspace(m, o);
      if (name(m) !== seen[seen.length - 1]) seen.push(name(m));
    }
    if (seen.length < 2) return;
    assert.equal(name(backAndForth(m)), seen[seen.length - 2]);
  }));
});
