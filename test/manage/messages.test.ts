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

test('_NET_WM_STATE never changes whether a window floats: every action on every state, tiled and floating', () => {
  // Client 2 tiled and shown, 3 floated by Fion's choice, 4 a dialog transient for 2.
  let start = M.addClient(model(), client(3), undefined, { floating: true });
  start = M.addClient(start, { ...client(4), transientFor: w(2) });
  const floats = (m: M.Model): boolean[] => [2, 3, 4].map((n) => M.isFloating(m, w(n)));
  const expected = floats(start);
  assert.deepEqual(expected, [false, true, true]);
  // States Fion doesn't act on get atoms of their own from the fake table.
  const other = (name: string): number => (a as unknown as Record<string, number>)[name]!;
  const states = [a._NET_WM_STATE_FULLSCREEN, a._NET_WM_STATE_ABOVE, other('_NET_WM_STATE_BELOW'), a._NET_WM_STATE_DEMANDS_ATTENTION,
    other('_NET_WM_STATE_STICKY'), other('_NET_WM_STATE_MAXIMIZED_VERT'), a._NET_WM_STATE_HIDDEN, a._NET_WM_STATE_MODAL, 0x7777, 0];
  let m = start; // every message in turn on the same model: states pile up
  for (const target of [2, 3, 4]) {
    for (const action of [0, 1, 2, 2, 1, 0, 7]) {
      for (const [p1, p2] of [...states.map((s1) => [s1, 0]), [a._NET_WM_STATE_ABOVE, a._NET_WM_STATE_FULLSCREEN], [other('_NET_WM_STATE_BELOW'), a._NET_WM_STATE_ABOVE]]) {
        const what = `action ${action} of ${p1},${p2} on ${target}`;
        const alone = handleClientMessage(start, a, w(target), a._NET_WM_STATE, [action, p1!, p2!, 1], 'smart').model;
        assert.deepEqual(floats(alone), expected, what);
        const touchesOwnState = [p1, p2].some((p) => p === a._NET_WM_STATE_FULLSCREEN || p === a._NET_WM_STATE_DEMANDS_ATTENTION ||
          p === a._NET_WM_STATE_MODAL || p === a._NET_WM_STATE_MAXIMIZED_VERT || p === a._NET_WM_STATE_ABOVE || p === a._NET_WM_STATE_BELOW ||
          p === a._NET_WM_STATE_STICKY);
        if (!touchesOwnState || action === 7) assert.equal(alone, start, `${what} changes nothing`);
        m = handleClientMessage(m, a, w(target), a._NET_WM_STATE, [action, p1!, p2!, 1], 'smart').model;
        assert.deepEqual(floats(m), expected, `${what}, after the ones before`);
        assert.equal(M.focusedWorkspace(m).id, m.workspaces[1]!.id, what);
      }
    }
  }
  // Fullscreen's own effect is its flag, and only that.
  const full = handleClientMessage(start, a, w(4), a._NET_WM_STATE, [1, a._NET_WM_STATE_FULLSCREEN, 0], 'smart').model;
  assert.equal(full.clients.get(w(4))?.fullscreen, true);
  assert.deepEqual(full.workspaces, start.workspaces);
});

test('_NET_WM_STATE_ABOVE removed from a transient dialog (Java\'s JDialog does so): it stays floating, its parent shown', () => {
  const m = M.addClient(model(), { ...client(4), transientFor: w(2) });
  const out = handleClientMessage(m, a, w(4), a._NET_WM_STATE, [0, a._NET_WM_STATE_ABOVE, 0, 1], 'smart').model;
  assert.equal(out, m);
  assert.equal(M.isFloating(out, w(4)), true);
  assert.equal(M.focusedClient(out), w(4));
});

test('_NET_WM_STATE_MODAL: a dialog made modal holds its parent\'s focus until it is made not modal', () => {
  let m = M.addClient(model(), { ...client(4), transientFor: w(2) });
  m = M.focusClient(m, w(2));
  m = handleClientMessage(m, a, w(4), a._NET_WM_STATE, [1, a._NET_WM_STATE_MODAL, 0, 1], 'smart').model;
  assert.equal(m.clients.get(w(4))?.modal, true);
  assert.equal(M.focusedClient(m), w(4));
  m = handleClientMessage(m, a, w(2), a._NET_ACTIVE_WINDOW, [2, 0, 0], 'smart').model;
  assert.equal(M.focusedClient(m), w(4), 'activating the parent focuses its modal dialog');
  m = handleClientMessage(m, a, w(4), a._NET_WM_STATE, [2, a._NET_WM_STATE_MODAL, 0, 1], 'smart').model;
  assert.equal(m.clients.get(w(4))?.modal, false);
  m = handleClientMessage(m, a, w(2), a._NET_ACTIVE_WINDOW, [2, 0, 0], 'smart').model;
  assert.equal(M.focusedClient(m), w(2));
  assert.equal(M.isFloating(m, w(4)), true);
});

test('WM_CHANGE_STATE: Iconic minimises a managed window, Normal brings it back; anything else is ignored', () => {
  const m = model();
  const iconic = handleClientMessage(m, a, w(2), a.WM_CHANGE_STATE, [3], 'smart').model;
  assert.equal(M.isMinimised(iconic, w(2)), true);
  assert.equal(M.focusedClient(iconic), null, 'its tile shows none');
  const normal = handleClientMessage(iconic, a, w(2), a.WM_CHANGE_STATE, [1], 'smart').model;
  assert.equal(M.isMinimised(normal, w(2)), false);
  assert.equal(M.focusedClient(normal), w(2));
  assert.equal(handleClientMessage(m, a, w(2), a.WM_CHANGE_STATE, [0], 'smart').model, m);
  assert.equal(handleClientMessage(m, a, w(99), a.WM_CHANGE_STATE, [3], 'smart').model, m);
  // A request to change HIDDEN is no minimise (EWMH: the state is the manager's to set).
  assert.equal(handleClientMessage(m, a, w(2), a._NET_WM_STATE, [1, a._NET_WM_STATE_HIDDEN, 0], 'smart').model, m);
  // Activation of a minimised window brings it back.
  const active = handleClientMessage(iconic, a, w(2), a._NET_ACTIVE_WINDOW, [2, 0, 0], 'smart').model;
  assert.equal(M.isMinimised(active, w(2)), false);
  assert.equal(M.focusedClient(active), w(2));
});

test('_NET_WM_STATE_MAXIMIZED_VERT/HORZ: add, remove and toggle set the flags, on tiled and floating windows alike', () => {
  const m = M.addClient(model(), client(3), undefined, { floating: true });
  for (const n of [2, 3]) {
    const both = handleClientMessage(m, a, w(n), a._NET_WM_STATE, [1, a._NET_WM_STATE_MAXIMIZED_VERT, a._NET_WM_STATE_MAXIMIZED_HORZ], 'smart').model;
    assert.deepEqual([both.clients.get(w(n))?.maximisedVert, both.clients.get(w(n))?.maximisedHorz], [true, true]);
    assert.equal(M.isFloating(both, w(n)), n === 3, 'floating unchanged');
    const toggled = handleClientMessage(both, a, w(n), a._NET_WM_STATE, [2, a._NET_WM_STATE_MAXIMIZED_HORZ, 0], 'smart').model;
    assert.deepEqual([toggled.clients.get(w(n))?.maximisedVert, toggled.clients.get(w(n))?.maximisedHorz], [true, false]);
    const off = handleClientMessage(toggled, a, w(n), a._NET_WM_STATE, [0, a._NET_WM_STATE_MAXIMIZED_VERT, 0], 'smart').model;
    assert.equal(off.clients.get(w(n))?.maximisedVert, false);
  }
});
