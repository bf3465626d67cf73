// Two RandR monitors, the right one primary: Fion starts focused there, and a dock on one
// monitor takes space from that monitor only, in the tiles and in _NET_WORKAREA.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { openSession, type Session, openClient } from '../harness/session.js';
import { startFion } from '../harness/fion.js';
import { key, xrandr as runXrandr } from '../harness/clients.js';
import { TinyClient } from '../harness/tinyclient.js';
import { waitFor } from '../harness/wait.js';
import type { Geometry } from '../harness/observer.js';

let s: Session;
const open: TinyClient[] = [];

const xrandr = (...args: string[]): Promise<void> => runXrandr(s.display, ...args);

before(async () => {
  s = await openSession({ xvfb: { screens: [[2560, 800]], extraArgs: ['+extension', 'RANDR'] }, startFion: false });
  await xrandr('--setmonitor', 'LEFT', '1280/338x800/211+0+0', 'screen');
  await xrandr('--setmonitor', '*RIGHT', '1280/338x800/211+1280+0', 'none'); // '*': the primary
  s.fion = await startFion(s.display);
});
after(async () => { for (const c of open) await c.close(); await s.close(); });

const client = (title: string): Promise<TinyClient> => openClient(s, open, title);
const geometry = async (c: TinyClient): Promise<Geometry> => (await s.obs.geometry(c.window))!;
/** _NET_WORKAREA as one rect per desktop. */
async function workareas(): Promise<number[][]> {
  const flat = await s.obs.cardinals(s.obs.root(), '_NET_WORKAREA');
  return Array.from({ length: flat.length / 4 }, (_, i) => flat.slice(i * 4, i * 4 + 4));
}

test('Fion starts with the RandR primary monitor focused: the first window opens there', async () => {
  const r = await client('on the primary');
  const g = await geometry(r);
  assert.ok(g.x >= 1280 && g.x + g.width <= 2560, `on RIGHT, the primary: ${JSON.stringify(g)}`);
  assert.equal(await s.obs.focus(), r.window);
});

test('a dock at the bottom of one monitor shortens that monitor\'s tiles and workarea only', async () => {
  const r = open[0]!;
  for (const k of ['super+w', 'o']) { // focus LEFT (workspace mode, other monitor); the mode's grab is asynchronous
    await key(s.display, k);
    await s.obs.sync();
  }
  const l = await client('on the left');
  const left = await geometry(l);
  assert.ok(left.x + left.width <= 1280 && left.y + left.height === 800, JSON.stringify(left));
  const bar = (await s.obs.geometry(await s.obs.bar(0)))!.height; // the tiling area starts below Fion's bar
  const [d0, d1] = [(await s.obs.cardinals(l.window, '_NET_WM_DESKTOP'))[0]!, (await s.obs.cardinals(r.window, '_NET_WM_DESKTOP'))[0]!];
  const before = await workareas();
  assert.deepEqual(before[d0], [0, bar, 1280, 800 - bar]);
  assert.deepEqual(before[d1], [1280, bar, 1280, 800 - bar]);

  // A panel along the bottom of RIGHT only: _NET_WM_STRUT_PARTIAL bottom 24 for x 1280..2559.
  const dock = await TinyClient.open(s.display, { title: 'right dock', geometry: { x: 1280, y: 776, width: 1280, height: 24 }, map: false });
  open.push(dock);
  const a = dock.atoms;
  dock.x.changeProperty(dock.window, a._NET_WM_WINDOW_TYPE, a.ATOM, 32, [a._NET_WM_WINDOW_TYPE_DOCK]);
  dock.x.changeProperty(dock.window, a._NET_WM_STRUT_PARTIAL, a.CARDINAL, 32, [0, 0, 0, 24, 0, 0, 0, 0, 0, 0, 1280, 2559]);
  await dock.map();
  await waitFor('the right monitor\'s tiles to end above the dock', async () => {
    const g = await s.obs.geometry(r.window);
    return g !== null && g.y + g.height === 800 - 24;
  }, 10000);
  await s.obs.sync();
  assert.deepEqual(await geometry(l), left, 'the left monitor keeps its whole height');
  const during = await workareas();
  assert.deepEqual(during[d0], [0, bar, 1280, 800 - bar]);
  assert.deepEqual(during[d1], [1280, bar, 1280, 800 - bar - 24]);

  await dock.destroy();
  await waitFor('the space to come back', async () => {
    const g = await s.obs.geometry(r.window);
    return g !== null && g.y + g.height === 800;
  }, 10000);
  await s.obs.sync();
  assert.deepEqual((await workareas())[d1], [1280, bar, 1280, 800 - bar]);
});
