// Property tests: printing and parsing commands round-trips, and random command sequences
// (mixed with clients coming and going) keep the model and its layout sound.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { executeCommand, formatCommand, parseCommand, parseCommands } from '../../src/commands/index.js';
import type { Command, CommandContext } from '../../src/commands/index.js';
import { addClient, createModel, focusedClient, removeClient, updateClient, windowId } from '../../src/model/index.js';
import type { WindowId } from '../../src/model/index.js';
import { layout } from '../../src/layout/index.js';
import { checkModel } from '../model/invariants.js';
import { monitorsArb, THEME } from '../model/ops.js';
import { checkLayout } from '../layout/invariants.js';

const cycle = fc.constantFrom('next' as const, 'prev' as const);
const word = fc.string({ minLength: 1, maxLength: 8 });
const name = fc.string({ minLength: 1, maxLength: 8 }).filter((s) => s.trim() === s && !/\s\s/.test(s));

const commandArb: fc.Arbitrary<Command> = fc.oneof(
  fc.constantFrom<Command>(
    { verb: 'terminal' },
    { verb: 'close', window: null },
    { verb: 'exit' },
    { verb: 'restart' },
    { verb: 'reload' },
    { verb: 'nop' },
    { verb: 'workspace', action: 'next' },
    { verb: 'workspace', action: 'prev' },
    { verb: 'workspace', action: 'destroy' },
    { verb: 'workspace', action: 'create', name: null },
    { verb: 'tile', action: 'next' },
    { verb: 'tile', action: 'prev' },
    { verb: 'tile', action: 'kill' },
    { verb: 'tab', action: 'next' },
    { verb: 'tab', action: 'prev' },
    { verb: 'tab', action: 'close' },
    { verb: 'tab', action: 'new' },
    { verb: 'tab', action: 'float', how: 'toggle' },
    { verb: 'tab', action: 'float', how: 'enable' },
    { verb: 'tab', action: 'fullscreen', how: 'toggle' },
    { verb: 'tab', action: 'fullscreen', how: 'disable' },
    { verb: 'focus', action: 'window', id: null },
    { verb: 'focus', action: 'urgent' },
    { verb: 'monitor', action: 'next' },
    { verb: 'monitor', action: 'prev' },
    { verb: 'undo' },
    { verb: 'redo' },
  ),
  fc.array(fc.string({ maxLength: 6 }), { maxLength: 3 }).chain((rest) => word.map((p) => ({ verb: 'exec' as const, argv: [p, ...rest] }))),
  word.filter((s) => s !== '').map((n): Command => ({ verb: 'mode', name: n })),
  name.map((n): Command => ({ verb: 'workspace', action: 'create', name: n })),
  name.map((n): Command => ({ verb: 'workspace', action: 'rename', name: n })),
  fc.integer({ min: 1, max: 6 }).chain((n) => fc.boolean().map((stay): Command => ({ verb: 'workspace', action: 'goto', number: n, stay }))),
  cycle.map((to): Command => ({ verb: 'workspace', action: 'move', to })),
  fc.constantFrom('horizontal' as const, 'vertical' as const, 'auto' as const).map((how): Command => ({ verb: 'tile', action: 'split', how })),
  fc.constantFrom('left' as const, 'right' as const, 'up' as const, 'down' as const).map((direction): Command => ({ verb: 'tile', action: 'resize', direction })),
  cycle.map((to): Command => ({ verb: 'tile', action: 'move', to })),
  fc.constantFrom('next' as const, 'prev' as const, 'left' as const, 'right' as const, 'up' as const, 'down' as const)
    .map((to): Command => ({ verb: 'tab', action: 'move', to })),
  fc.constantFrom('left' as const, 'right' as const, 'up' as const, 'down' as const).map((action): Command => ({ verb: 'focus', action })),
  fc.integer({ min: 1, max: 0xffffffff }).map((id): Command => ({ verb: 'focus', action: 'window', id })),
  fc.integer({ min: 1, max: 0xffffffff }).map((window): Command => ({ verb: 'close', window })),
  name.map((n): Command => ({ verb: 'workspace', action: 'send', target: { byNumber: false, name: n } })),
  fc.tuple(fc.integer({ min: 0, max: 99 }), name)
    .map(([n, rest]): Command => ({ verb: 'workspace', action: 'send', target: { byNumber: true, name: `${n}${rest}` } })),
  fc.tuple(fc.boolean(), fc.integer({ min: 0, max: 99 }), name)
    .map(([stay, n, rest]): Command => ({ verb: 'workspace', action: 'open', stay, target: { byNumber: true, name: `${n}${rest}` } })),
  fc.tuple(fc.boolean(), name.filter((n) => n.trim() !== ''))
    .map(([stay, n]): Command => ({ verb: 'workspace', action: 'open', stay, target: { byNumber: false, name: n } })),
  cycle.map((to): Command => ({ verb: 'monitor', action: 'move', to })),
  cycle.map((to): Command => ({ verb: 'monitor', action: 'workspace', to })),
  fc.record({ action: fc.constantFrom('show' as const, 'hide' as const, 'toggle' as const), all: fc.boolean() })
    .map(({ action, all }): Command => ({ verb: 'bar', action, all })),
);

test('formatCommand output parses back to the same command', () => {
  fc.assert(
    fc.property(commandArb, (command) => {
      assert.deepEqual(parseCommand(formatCommand(command)), { ok: true, command });
    }),
    { numRuns: 1000 },
  );
});

test('a ;-joined list of formatted commands parses back to the list', () => {
  fc.assert(
    fc.property(fc.array(commandArb, { minLength: 1, maxLength: 5 }), (commands) => {
      assert.deepEqual(parseCommands(commands.map(formatCommand).join('; ')), { ok: true, commands });
    }),
    { numRuns: 300 },
  );
});

test('the parser never throws', () => {
  fc.assert(
    fc.property(fc.string({ maxLength: 40 }), (text) => {
      const r = parseCommands(text);
      assert.ok(r.ok || r.error.length > 0);
    }),
    { numRuns: 1000 },
  );
});

type Step =
  | { kind: 'command'; command: Command }
  | { kind: 'add' }
  | { kind: 'addFloat'; parent: number | null; floating: boolean | null }
  | { kind: 'urgent'; pick: number }
  | { kind: 'remove'; pick: number }
  | { kind: 'closed' };
const stepArb: fc.Arbitrary<Step> = fc.oneof(
  { arbitrary: commandArb.map((command): Step => ({ kind: 'command', command })), weight: 6 },
  { arbitrary: fc.constant<Step>({ kind: 'add' }), weight: 3 },
  {
    arbitrary: fc.record({ kind: fc.constant('addFloat' as const), parent: fc.option(fc.nat({ max: 100 })), floating: fc.option(fc.boolean()) }),
    weight: 2,
  },
  fc.nat({ max: 100 }).map((pick): Step => ({ kind: 'urgent', pick })),
  fc.nat({ max: 100 }).map((pick): Step => ({ kind: 'remove', pick })),
  fc.constant<Step>({ kind: 'closed' }),
);

test('random command sequences keep the model and layout sound', () => {
  const ctx: CommandContext = { theme: THEME, resizeStep: 0.05 };
  fc.assert(
    fc.property(monitorsArb, fc.array(stepArb, { maxLength: 60, size: 'max' }), (monitors, steps) => {
      let model = createModel(monitors);
      let next = 1;
      const expected = new Set<WindowId>();
      let pendingClose: WindowId | null = null;
      for (const step of steps) {
        if (step.kind === 'add') {
          const id = windowId(next++);
          expected.add(id);
          model = addClient(model, { id, title: `t${id}`, instance: '', class: '', urgent: false });
        } else if (step.kind === 'addFloat') {
          // A transient for the pick-th client (or for itself when there is none).
          const id = windowId(next++);
          const ids = [...model.clients.keys()];
          const parent = step.parent === null ? null : (ids[step.parent % Math.max(1, ids.length)] ?? id);
          expected.add(id);
          const c = { id, title: `f${id}`, instance: '', class: '', urgent: false, transientFor: parent };
          model = addClient(model, c, undefined, step.floating === null ? undefined : { floating: step.floating });
        } else if (step.kind === 'urgent') {
          const ids = [...model.clients.keys()];
          const id = ids[step.pick % Math.max(1, ids.length)];
          if (id !== undefined) model = updateClient(model, id, { urgent: true });
        } else if (step.kind === 'remove' || step.kind === 'closed') {
          // 'closed': the X side honours the last close effect.
          const ids = [...model.clients.keys()];
          const id = step.kind === 'closed' ? pendingClose : ids.length > 0 ? ids[step.pick % ids.length]! : null;
          if (id !== null) {
            expected.delete(id);
            model = removeClient(model, id);
          }
          pendingClose = null;
        } else {
          const before = model;
          const out = executeCommand(model, step.command, ctx);
          model = out.model;
          for (const e of out.effects) {
            if (e.kind === 'close') {
              const named: number | null = step.command.verb === 'close' ? step.command.window : null;
              assert.equal(e.window, named ?? focusedClient(before));
              pendingClose = e.window;
            }
            if (e.kind === 'message') assert.equal(e.text, model.message);
          }
        }
        checkModel(model, expected);
        checkLayout(model, layout(model, THEME), THEME.tabBarHeight);
      }
    }),
    { numRuns: 300 },
  );
});
