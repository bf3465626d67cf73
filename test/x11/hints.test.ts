// Every hint in _NET_SUPPORTED that other tests don't reach: window types,
// frame extents, desktop geometry and viewport, the plain _NET_WM_STRUT.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { openSession, type Session } from '../harness/session.js';
import { TinyClient } from '../harness/tinyclient.js';
import { waitFor } from '../harness/wait.js';
import type { WindowId } from '../../src/x/types.js';

let s: Session;
const open: TinyClient[] = [];
before(async () => { s = await openSession(); });
after(async () => { for (const c of open) await c.close(); await s.close(); });

/** A client whose properties are set before it maps, as real clients do. */
async function typed(title: string, type: string | null, extra?: (c: TinyClient) => void): Promise<TinyClient> {
  const c = await TinyClient.open(s.display, { title, map: false, geometry: { x: 0, y: 0, width: 240, height: 120 } });
  open.push(c);
  if (type !== null) c.x.changeProperty(c.window, c.atoms._NET_WM_WINDOW_TYPE, c.atoms.ATOM, 32, [await s.obs.atom(type)]);
  extra?.(c);
  await c.map();
  await s.obs.sync();
  return c;
}
const isFloatingSized = async (w: WindowId): Promise<boolean> => {
  const g = (await s.obs.geometry(w))!;
  return g.width === 240 && g.height === 120;
};

test('splash, utility and notification windows float at their own size; NORMAL tiles', async () => {
  for (const t of ['_NET_WM_WINDOW_TYPE_SPLASH', '_NET_WM_WINDOW_TYPE_UTILITY', '_NET_WM_WINDOW_TYPE_NOTIFICATION']) {
    const c = await typed(t, t);
    assert.ok(await isFloatingSized(c.window), `${t} floats at 240x120`);
    assert.ok((await s.obs.clientList()).includes(c.window), `${t} is managed`);
    await c.destroy();
  }
  const normal = await typed('normal', '_NET_WM_WINDOW_TYPE_NORMAL');
  assert.ok(!(await isFloatingSized(normal.window)), 'NORMAL is tiled');
  assert.ok((await s.obs.geometry(normal.window))!.width > 1000);
  await normal.destroy();
});

test('_NET_FRAME_EXTENTS is set (no frames), and answered on _NET_REQUEST_FRAME_EXTENTS', async () => {
  const c = await typed('framed', null);
  assert.deepEqual(await s.obs.cardinals(c.window, '_NET_FRAME_EXTENTS'), [0, 0, 0, 0]);
  const fresh = await TinyClient.open(s.display, { title: 'unmapped', map: false });
  open.push(fresh);
  fresh.x.sendClientMessage(fresh.x.screens[0]!.root, fresh.window, await s.obs.atom('_NET_REQUEST_FRAME_EXTENTS'), [],
    (1 << 20) | (1 << 19));
  await fresh.x.sync();
  await s.obs.sync();
  assert.deepEqual(await s.obs.cardinals(fresh.window, '_NET_FRAME_EXTENTS'), [0, 0, 0, 0], 'answered before mapping');
  await c.destroy();
});

test('_NET_DESKTOP_GEOMETRY is the screen; _NET_DESKTOP_VIEWPORT is 0,0 for every desktop', async () => {
  assert.deepEqual(await s.obs.cardinals(s.obs.root(), '_NET_DESKTOP_GEOMETRY'), [1280, 800]);
  const n = (await s.obs.cardinals(s.obs.root(), '_NET_NUMBER_OF_DESKTOPS'))[0]!;
  assert.deepEqual(await s.obs.cardinals(s.obs.root(), '_NET_DESKTOP_VIEWPORT'), Array<number>(2 * n).fill(0));
});

test('a dock with only the old _NET_WM_STRUT reserves its edge too', async () => {
  const tiled = await typed('tiled one', null);
  const dock = await typed('old dock', '_NET_WM_WINDOW_TYPE_DOCK', (c) => {
    c.x.changeProperty(c.window, c.atoms._NET_WM_STRUT, c.atoms.CARDINAL, 32, [30, 0, 0, 0]); // left edge
  });
  assert.ok(!(await s.obs.clientList()).includes(dock.window));
  await waitFor('tiles to start right of the dock', async () => (await s.obs.geometry(tiled.window))!.x >= 30);
  const wa = await s.obs.cardinals(s.obs.root(), '_NET_WORKAREA');
  assert.equal(wa[0], 30, '_NET_WORKAREA leaves the strut out');
  await dock.destroy();
  await waitFor('the space back', async () => (await s.obs.geometry(tiled.window))!.x < 30);
});
