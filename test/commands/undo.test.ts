// Which commands undo records (their verbs say so), what the bar says, and undo of a
// sequence of commands walking back through it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { executeCommand, parseCommand } from '../../src/commands/index.js';
import type { CommandContext, Outcome } from '../../src/commands/index.js';
import { addClient, createModel } from '../../src/model/index.js';
import type { Model } from '../../src/model/index.js';
import { client, monitor, shownNames, wsShape } from '../model/support.js';

const ctx: CommandContext = { theme: { barHeight: 20, tabBarHeight: 18 }, resizeStep: 0.1 };

function run(model: Model, text: string): Outcome {
  const r = parseCommand(text);
  if (!r.ok) throw new Error(r.error);
  return executeCommand(model, r.command, ctx);
}

const steps = (m: Model): string[] => (m.undo?.past ?? []).map((s) => s.label);

test('layout commands are recorded under their printed form; focus moves and no-ops are not', () => {
  let m = addClient(addClient(createModel([monitor('A')]), client(1)), client(2));
  for (const c of ['tile split vertical', 'tile next', 'tab next', 'tile move next', 'workspace create web', 'workspace goto 1', 'focus left', 'tile kill', 'nop', 'terminal']) {
    m = run(m, c).model;
  }
  assert.deepEqual(steps(m), ['tile split vertical', 'tile move next', 'workspace create web', 'tile kill']);
});

test('undo says what it took back in the bar; with nothing left it refuses', () => {
  let m = addClient(addClient(createModel([monitor('A')]), client(1)), client(2));
  const split = wsShape(m);
  m = run(m, 'tile split horizontal').model;
  m = run(m, 'tile prev').model;
  m = run(m, 'tile move next').model;
  const moved = wsShape(m);
  let out = run(m, 'undo');
  assert.deepEqual(out.effects, [{ kind: 'note', text: 'undo: tile move next' }]);
  assert.equal(out.model.message, null);
  out = run(out.model, 'undo');
  assert.deepEqual(out.effects, [{ kind: 'note', text: 'undo: tile split horizontal' }]);
  assert.equal(wsShape(out.model), split);
  const none = run(out.model, 'undo');
  assert.equal(none.model.message, 'nothing to undo');
  out = run(run(out.model, 'redo').model, 'redo');
  assert.deepEqual(out.effects, [{ kind: 'note', text: 'redo: tile move next' }]);
  assert.equal(wsShape(out.model), moved);
  assert.equal(run(out.model, 'redo').model.message, 'nothing to redo');
});

test('undo of a window sent to another workspace brings it back and shows where it was', () => {
  let m = addClient(createModel([monitor('A')]), client(1));
  m = run(m, 'workspace send mail').model;
  m = run(m, 'workspace goto 2').model;
  assert.deepEqual(shownNames(m), ['mail']);
  const u = run(m, 'undo').model;
  assert.deepEqual(shownNames(u), [m.workspaces[0]!.name]);
  assert.equal(u.workspaces.length, 1, 'the workspace the send made is gone again');
  assert.match(wsShape(u), /\[1\*\]/);
});
