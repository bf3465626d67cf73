// Every _NET_WM_STATE action (add, remove, toggle) of every state a client may ask for,
// sent by wmctrl to a tiled and to a floating window: none changes whether a window
// floats (fullscreen covers the monitor and comes back: it is its own thing), none loses
// or unmaps a window it should not, and each window ends where it started.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { openSession, openClient, pressKeys, type Session } from '../harness/session.js';
import { runTool } from '../harness/clients.js';
import type { TinyClient } from '../harness/tinyclient.js';
import type { WindowId } from '../../src/x/types.js';

let s: Session;
const open: TinyClient[] = [];
before(async () => { s = await openSession(); });
after(async () => { for (const c of open) await c.close(); await s.close(); });

// wmctrl -b names (it sends _NET_WM_STATE_<NAME>); actions as wmctrl spells them.
const STATES = ['fullscreen', 'above', 'below', 'hidden', 'maximized_vert', 'maximized_horz', 'demands_attention', 'sticky', 'modal', 'shaded', 'skip_taskbar'];
// add, toggle (off), toggle (on), remove: each state ends cleared, as it started.
const ACTIONS = ['add', 'toggle', 'toggle', 'remove'];

async function floats(w: WindowId): Promise<boolean> {
  // Fion publishes ABOVE on exactly the windows it floats (BELOW instead on a float asked
  // to stay under the other floats).
  const states = await s.obs.cardinals(w, '_NET_WM_STATE');
  return states.includes(await s.obs.atom('_NET_WM_STATE_ABOVE')) || states.includes(await s.obs.atom('_NET_WM_STATE_BELOW'));
}

test('no _NET_WM_STATE action changes whether a window floats, or loses one', async () => {
  const hidden = await openClient(s, open, 'state-hidden-tab');
  const tiled = await openClient(s, open, 'state-tiled');
  const floating = await openClient(s, open, 'state-float');
  await pressKeys(s, 'super+shift+f');
  // A transient dialog too: the kind a toolkit sends these messages about (Java, GTK).
  const dialog = await openClient(s, open, 'state-dialog');
  dialog.x.changeProperty(dialog.window, dialog.atoms.WM_TRANSIENT_FOR, dialog.atoms.WINDOW, 32, [tiled.window]);
  await dialog.unmap();
  await dialog.map();
  await s.obs.sync();
  const all = [hidden, tiled, floating, dialog];
  const list = (await s.obs.clientList()).slice().sort();
  const start = new Map<WindowId, unknown>();
  for (const c of all) start.set(c.window, { floats: await floats(c.window), map: await s.obs.mapState(c.window), geometry: await s.obs.geometry(c.window) });
  assert.deepEqual([...start.values()].map((v) => (v as { floats: boolean }).floats), [false, false, true, true]);
  assert.deepEqual([...start.values()].map((v) => (v as { map: string }).map), ['unmapped', 'viewable', 'viewable', 'viewable']);

  for (const target of [tiled, floating, dialog]) {
    for (const state of STATES) {
      for (const action of ACTIONS) {
        const what = `${action},${state} on ${await s.obs.text(target.window)}`;
        const r = await runTool(s.display, 'wmctrl', ['-i', '-r', String(target.window), '-b', `${action},${state}`]);
        assert.equal(r.code, 0, `${what}: ${r.stderr}`);
        await s.obs.sync();
        for (const c of all) {
          const was = start.get(c.window) as { floats: boolean; map: string };
          assert.equal(await floats(c.window), was.floats, `${what}: floating of ${c.window}`);
          assert.equal(await s.obs.mapState(c.window), was.map, `${what}: map state of ${c.window}`);
        }
        assert.deepEqual((await s.obs.clientList()).slice().sort(), list, `${what}: _NET_CLIENT_LIST`);
      }
      // add, toggle, toggle, remove: cleared again, so every window is where it was.
      for (const c of all) {
        assert.deepEqual(await s.obs.geometry(c.window), (start.get(c.window) as { geometry: unknown }).geometry, `after ${state} on ${target.window}: geometry of ${c.window}`);
      }
    }
  }
});

test('maximised: a float fills the work area and gets its own size back; a tiled window keeps its tile; the state is published', async () => {
  const [, tiled, floating] = open as [TinyClient, TinyClient, TinyClient];
  const wmctrl = async (w: WindowId, b: string): Promise<void> => {
    const r = await runTool(s.display, 'wmctrl', ['-i', '-r', String(w), '-b', b]);
    assert.equal(r.code, 0, r.stderr);
    await s.obs.sync();
  };
  const [x, y, width, height] = (await s.obs.cardinals(s.obs.root(), '_NET_WORKAREA')).slice(0, 4);
  const vert = await s.obs.atom('_NET_WM_STATE_MAXIMIZED_VERT');
  const horz = await s.obs.atom('_NET_WM_STATE_MAXIMIZED_HORZ');
  const own = await s.obs.geometry(floating.window);
  await wmctrl(floating.window, 'add,maximized_vert,maximized_horz');
  assert.deepEqual(await s.obs.geometry(floating.window), { ...own!, x: x!, y: y!, width: width!, height: height! });
  const states = await s.obs.cardinals(floating.window, '_NET_WM_STATE');
  assert.ok(states.includes(vert) && states.includes(horz), 'published');
  await wmctrl(floating.window, 'remove,maximized_horz');
  assert.deepEqual(await s.obs.geometry(floating.window), { ...own!, y: y!, height: height! }, 'horizontal back, vertical still full');
  await wmctrl(floating.window, 'remove,maximized_vert');
  assert.deepEqual(await s.obs.geometry(floating.window), own);
  const cell = await s.obs.geometry(tiled.window);
  await wmctrl(tiled.window, 'add,maximized_vert,maximized_horz');
  assert.deepEqual(await s.obs.geometry(tiled.window), cell, 'a tiled window already fills its tile');
  assert.ok((await s.obs.cardinals(tiled.window, '_NET_WM_STATE')).includes(vert));
  await wmctrl(tiled.window, 'remove,maximized_vert,maximized_horz');
});
