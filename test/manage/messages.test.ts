import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as M from '../../src/model/index.js';
import type { Atoms } from '../../src/x/atoms.js';
import { handleClientMessage } from '../../src/manage/messages.js';

// Distinct fake atom numbers by name: the translator only compares them.
const ids = new Map<string, number>();
const a = new Proxy({}, { get: (_, name: string) => ids.get(name) ?? (ids.set(name, 100 + ids.size), ids.get(name)) }) as Atoms;
const w = (n: number): M.WindowId => M.windowId(n);
const client = (n: number): M.Client => ({ id: w(n), title: `c${n}`, instance: '', class: '', urgent: false });

function model(): M.Model {
  let m = M.createModel([{ name: 'A', screen: 0, rect: { x: 0, y: 0, width: 1000, height: 800 } }]);
  m = M.addClient(m, client(1));
  m = M.createWorkspace(m);
  m = M.addClient(m, client(2));
  return m; // workspace 2 shown, client 2 focused; client 1 on hidden workspace 1
}

test('_NET_CURRENT_DESKTOP switches; _NET_WM_DESKTOP moves a window', () => {
  let r = handleClientMessage(model(), a, w(0), a._NET_CURRENT_DESKTOP, [0], 'smart');
  assert.equal(M.focusedClient(r.model), w(1));
  r = handleClientMessage(model(), a, w(2), a._NET_WM_DESKTOP, [0], 'smart');
  assert.equal(M.findClient(r.model, w(2))?.workspace, r.model.workspaces[0]!.id);
  const ignored = handleClientMessage(model(), a, w(2), a._NET_WM_DESKTOP, [0xffffffff], 'smart');
  assert.equal(M.findClient(ignored.model, w(2))?.workspace, ignored.model.workspaces[1]!.id);
});

test('_NET_ACTIVE_WINDOW: a pager always focuses; an application per the activation setting', () => {
  const pager = handleClientMessage(model(), a, w(1), a._NET_ACTIVE_WINDOW, [2, 0, 0], 'urgent');
  assert.equal(M.focusedClient(pager.model), w(1));
  const smart = handleClientMessage(model(), a, w(1), a._NET_ACTIVE_WINDOW, [1, 0, 0], 'smart');
  assert.equal(M.focusedClient(smart.model), w(2), 'smart: a window on a hidden workspace is marked, not focused');
  assert.equal(smart.model.clients.get(w(1))?.urgent, true);
  const focus = handleClientMessage(model(), a, w(1), a._NET_ACTIVE_WINDOW, [1, 0, 0], 'focus');
  assert.equal(M.focusedClient(focus.model), w(1));
});

test('_NET_WM_STATE: fullscreen add/remove/toggle, demands attention, garbage ignored', () => {
  const on = handleClientMessage(model(), a, w(2), a._NET_WM_STATE, [1, a._NET_WM_STATE_FULLSCREEN, 0], 'smart');
  assert.equal(on.model.clients.get(w(2))?.fullscreen, true);
  const off = handleClientMessage(on.model, a, w(2), a._NET_WM_STATE, [2, a._NET_WM_STATE_FULLSCREEN, 0], 'smart');
  assert.equal(off.model.clients.get(w(2))?.fullscreen ?? false, false);
  const urgent = handleClientMessage(model(), a, w(1), a._NET_WM_STATE, [1, 0, a._NET_WM_STATE_DEMANDS_ATTENTION], 'smart');
  assert.equal(urgent.model.clients.get(w(1))?.urgent, true);
  const m = model();
  assert.equal(handleClientMessage(m, a, w(2), a._NET_WM_STATE, [7, a._NET_WM_STATE_FULLSCREEN, 0], 'smart').model, m);
  assert.equal(handleClientMessage(m, a, w(99), a._NET_WM_STATE, [1, a._NET_WM_STATE_FULLSCREEN, 0], 'smart').model, m);
});

test('_NET_CLOSE_WINDOW asks the X side to close a managed window only', () => {
  assert.deepEqual(handleClientMessage(model(), a, w(2), a._NET_CLOSE_WINDOW, [], 'smart').effects, [{ kind: 'close', window: w(2) }]);
  assert.deepEqual(handleClientMessage(model(), a, w(42), a._NET_CLOSE_WINDOW, [], 'smart').effects, []);
});

test('_NET_WM_STATE_ABOVE floats a window (floats live above the tiles), and removing it tiles it again', () => {
  const on = handleClientMessage(model(), a, w(2), a._NET_WM_STATE, [1, a._NET_WM_STATE_ABOVE, 0], 'smart');
  assert.equal(M.isFloating(on.model, w(2)), true);
  const again = handleClientMessage(on.model, a, w(2), a._NET_WM_STATE, [1, a._NET_WM_STATE_ABOVE, 0], 'smart');
  assert.equal(again.model, on.model, 'adding it twice changes nothing');
  const off = handleClientMessage(on.model, a, w(2), a._NET_WM_STATE, [0, a._NET_WM_STATE_ABOVE, 0], 'smart');
  assert.equal(M.isFloating(off.model, w(2)), false);
});
