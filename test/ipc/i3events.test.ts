// i3's events as a pure diff of the i3 view before and after a change.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  addClient, createModel, createWorkspace, destroyWorkspace, focusClient, moveClientToWorkspace, removeClient, renameWorkspace,
  setFullscreen, setMonitors, splitTile, switchWorkspace, toggleFloating, updateClient,
} from '../../src/model/index.js';
import type { Model } from '../../src/model/index.js';
import { layout } from '../../src/layout/index.js';
import { i3Tree } from '../../src/ipc/i3tree.js';
import { deriveI3Events, i3BindingEvent, i3ModifierNames, type I3View } from '../../src/ipc/i3events.js';
import { client, monitor, w } from '../model/support.js';
import { THEME } from '../model/ops.js';

const view = (m: Model, mode = 'default'): I3View => ({ tree: i3Tree(m, layout(m, THEME), THEME), mode });
const events = (a: Model, b: Model): string[] =>
  deriveI3Events(view(a), view(b)).map((e) => {
    const p = e.payload as { change: string; container?: { window: number }; current?: { name: string } };
    return `${e.event}:${e.payload.change}${p.container ? `:${p.container.window}` : p.current ? `:${p.current.name}` : ''}`;
  });

const base = addClient(createModel([monitor('A')]), client(1, 'one'));

test('nothing changed, nothing sent', () => {
  assert.deepEqual(events(base, base), []);
});

test('window new, then focus; close; title; urgent', () => {
  const two = addClient(base, client(2));
  assert.deepEqual(events(base, two), ['window:new:2', 'window:focus:2']);
  assert.deepEqual(events(two, removeClient(two, w(2))), ['window:close:2', 'window:focus:1']);
  assert.deepEqual(events(two, updateClient(two, w(1), { title: 'new' })), ['window:title:1']);
  assert.deepEqual(events(two, updateClient(two, w(1), { urgent: true })), ['workspace:urgent:1', 'window:urgent:1']);
  assert.deepEqual(events(two, focusClient(two, w(1))), ['window:focus:1']);
});

test('floating, fullscreen_mode and move', () => {
  const two = addClient(base, client(2));
  assert.deepEqual(events(two, toggleFloating(two)), ['window:floating:2']);
  assert.deepEqual(events(two, setFullscreen(two, w(2), 'add')), ['window:fullscreen_mode:2']);
  const split = splitTile(two, 'vertical');
  const made = createWorkspace(split, 'web');
  const back = switchWorkspace(made, 'prev');
  const moved = moveClientToWorkspace(focusClient(back, w(1)), 'next');
  assert.ok(events(back, moved).includes('window:move:1'));
});

test('workspace init and focus, rename, empty; a focus event carries the old workspace', () => {
  const made = createWorkspace(base, 'web');
  assert.deepEqual(events(base, made), ['workspace:init:web', 'workspace:focus:web']);
  const focus = deriveI3Events(view(base), view(made)).find((e) => e.payload.change === 'focus')!;
  assert.equal((focus.payload.old as { name: string }).name, '1');
  assert.deepEqual(events(made, renameWorkspace(made, 'www')), ['workspace:rename:www']);
  assert.deepEqual(events(made, destroyWorkspace(made)), ['workspace:focus:1', 'workspace:empty:web', 'window:focus:1']);
});

test('mode and output', () => {
  assert.deepEqual(deriveI3Events(view(base), view(base, 'resize')).map((e) => e.payload), [{ change: 'resize', pango_markup: false }]);
  const two = setMonitors(base, [monitor('A'), monitor('B', { x: 1000 })]);
  assert.ok(events(base, two).includes('output:unspecified'));
});

test('wants spares kinds nobody listens to', () => {
  const two = addClient(base, client(2));
  assert.deepEqual(deriveI3Events(view(base), view(two), (e) => e === 'workspace'), []);
});

test('binding: a key binding that ran, as i3 reports it', () => {
  // Mod4 (1<<6) + Shift (1<<0) + the a key (keycode 38).
  assert.deepEqual(i3BindingEvent({ command: 'workspace create', symbol: 'a', mask: 0x41, keycode: 38 }), {
    event: 'binding',
    payload: {
      change: 'run',
      binding: {
        command: 'workspace create',
        event_state_mask: ['shift', 'Mod4'],
        input_code: 38,
        mods: ['shift', 'Mod4'],
        symbol: 'a',
        input_type: 'keyboard',
      },
    },
  });
  const bare = i3BindingEvent({ command: 'exec xterm', symbol: 'Return', mask: 0, keycode: 0 }).payload.binding as Record<string, unknown>;
  assert.deepEqual(bare.mods, []);
  assert.equal(bare.symbol, 'Return');
  assert.equal(bare.input_code, 0);
});

test('binding: modifier bits by i3 names, in i3 order', () => {
  assert.deepEqual(i3ModifierNames(0xff), ['shift', 'lock', 'ctrl', 'Mod1', 'Mod2', 'Mod3', 'Mod4', 'Mod5']);
  assert.deepEqual(i3ModifierNames(0x4 | 0x8), ['ctrl', 'Mod1']);
  assert.deepEqual(i3ModifierNames(0x100), []); // a button bit is no modifier
});
