// Several monitors on one X screen (RandR 1.5 monitors on a wide Xvfb): a bar and a
// workspace per monitor, focus and moves between monitors by keys, hot-plug both ways,
// and a real screen resize.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openSession, pressKeys, type Session, openClient } from '../harness/session.js';
import { startFion } from '../harness/fion.js';
import { xrandr as runXrandr } from '../harness/clients.js';
import { TinyClient } from '../harness/tinyclient.js';
import { tempDir } from '../harness/tmp.js';
import { waitFor } from '../harness/wait.js';
import type { Geometry } from '../harness/observer.js';
import type { WindowId } from '../../src/x/types.js';

let s: Session;
const open: TinyClient[] = [];

const xrandr = (...args: string[]): Promise<void> => runXrandr(s.display, ...args);
/** setmonitor/delmonitor send no event on Xvfb 21; adding a mode to the output does. */
let modes = 0;
async function poke(): Promise<void> {
  const name = `poke${++modes}`;
  await xrandr('--newmode', name, '0', '1280', '1280', '1280', '1280', '800', '800', '800', '800');
  await xrandr('--addmode', 'screen', name);
}

before(async () => {
  s = await openSession({ xvfb: { screens: [[2560, 800]], extraArgs: ['+extension', 'RANDR'] }, startFion: false });
  await xrandr('--setmonitor', 'LEFT', '1280/338x800/211+0+0', 'screen');
  await xrandr('--setmonitor', 'RIGHT', '1280/338x800/211+1280+0', 'none');
  const config = join(tempDir('fion-monitors-'), 'config.yaml');
  // Without the monitor memory: a monitor that comes back is a new one here (see monitormemory.test.ts).
  writeFileSync(config, 'bindings:\n  super+F1: monitor move next\n  super+F2: monitor workspace next\nmonitors:\n  remember: false\n');
  s.fion = await startFion(s.display, { args: ['--config', config] });
});
after(async () => { for (const c of open) await c.close(); await s.close(); });

const client = (title: string): Promise<TinyClient> => openClient(s, open, title);
const press = (...keys: string[]): Promise<void> => pressKeys(s, ...keys);

/** The viewable bars, left to right. */
async function bars(): Promise<{ window: WindowId; geometry: Geometry; text: string }[]> {
  const out: { window: WindowId; geometry: Geometry; text: string }[] = [];
  for (const w of await s.obs.findByClass('fion-bar')) {
    if (!(await s.obs.isViewable(w))) continue;
    const geometry = (await s.obs.geometry(w))!;
    out.push({ window: w, geometry, text: (await s.obs.text(w)) ?? '' });
  }
  return out.sort((a, b) => a.geometry.x - b.geometry.x);
}
const geometry = async (c: TinyClient): Promise<Geometry> => (await s.obs.geometry(c.window))!;
const within = (g: Geometry, x0: number, x1: number): boolean => g.x >= x0 && g.x + g.width <= x1 && g.width > 0;

test('a bar and a workspace per RandR monitor; the focused monitor\'s bar is starred', async () => {
  await s.obs.sync();
  const b = await bars();
  assert.equal(b.length, 2);
  assert.deepEqual(b.map((x) => [x.geometry.x, x.geometry.y, x.geometry.width]), [[0, 0, 1280], [1280, 0, 1280]]);
  assert.match(b[0]!.text, /^\[1\] 2 \| monitor 1\/2 \* \| tile 1\/1 \| tab 0\/0 \|/);
  assert.match(b[1]!.text, /^1 \[2\] \| monitor 2\/2 \| tile 1\/1 \| tab 0\/0 \|/);
  assert.match(s.fion.log(), /monitors from monitors/);
});

test('windows tile within their monitor; workspace mode o focuses the other monitor', async () => {
  const a = await client('left one');
  assert.ok(within(await geometry(a), 0, 1280), JSON.stringify(await geometry(a)));
  await press('super+w', 'o');
  const b = await bars();
  assert.match(b[1]!.text, /monitor 2\/2 \*/);
  assert.doesNotMatch(b[0]!.text, /\*/);
  const r = await client('right one');
  assert.ok(within(await geometry(r), 1280, 2560), JSON.stringify(await geometry(r)));
  assert.equal(await s.obs.focus(), r.window);
  assert.ok(await s.obs.isViewable(a.window), 'the left monitor still shows its window');
  await press('super+w', 'o');
  assert.equal(await s.obs.focus(), a.window, 'o wraps back to the left monitor');
  await press('super+w', 'o');
  assert.equal(await s.obs.focus(), r.window);
});

test('the focused window and the focused workspace move to the next monitor', async () => {
  const [a, r] = open as [TinyClient, TinyClient];
  await press('super+F1'); // move the window on RIGHT to the workspace on LEFT
  const g = await geometry(r);
  assert.ok(within(g, 0, 1280), `moved left: ${JSON.stringify(g)}`);
  assert.ok(await s.obs.isViewable(r.window));
  assert.match((await bars())[1]!.text, /^1 \[2\] \| monitor 2\/2 \* \| tile 1\/1 \| tab 0\/0/, 'focus stays on RIGHT, now empty');
  await press('super+w', 'o'); // to LEFT
  await press('super+F2'); // LEFT's workspace goes to RIGHT, focus follows
  const b = await bars();
  assert.match(b[1]!.text, /^\[1\] 2 \| monitor 2\/2 \* \| tile 1\/1 \| tab \d\/2/);
  assert.match(b[0]!.text, /^1 \[2\] /);
  for (const c of [a, r]) assert.ok(within(await geometry(c), 1280, 2560) || !(await s.obs.isViewable(c.window)));
  assert.ok(within(await geometry(await s.obs.isViewable(a.window) ? a : r), 1280, 2560));
});

test('a monitor that goes away loses nothing: its windows stay managed and reachable', async () => {
  const [a, r] = open as [TinyClient, TinyClient]; // both on workspace 1, shown on RIGHT
  await xrandr('--delmonitor', 'RIGHT');
  await poke();
  await s.obs.sync();
  const b = await waitFor('one bar', async () => { const x = await bars(); return x.length === 1 ? x : null; });
  assert.deepEqual([b[0]!.geometry.x, b[0]!.geometry.width], [0, 1280]);
  assert.match(b[0]!.text, /^1 \[2\] \| tile 1\/1 \| tab 0\/0 \| \d/, 'LEFT keeps its workspace; no monitor marker with one monitor');
  const list = await s.obs.clientList();
  assert.ok(list.includes(a.window) && list.includes(r.window), 'both windows still in _NET_CLIENT_LIST');
  await press('super+1');
  assert.match((await bars())[0]!.text, /^\[1\] 2 \| tile 1\/1 \| tab \d\/2/);
  const shown = (await s.obs.isViewable(a.window)) ? a : r;
  assert.ok(await s.obs.isViewable(shown.window));
  assert.ok(within(await geometry(shown), 0, 1280), JSON.stringify(await geometry(shown)));
});

test('a monitor that comes (back) gets a workspace and a bar of its own', async () => {
  await xrandr('--setmonitor', 'RIGHT', '1280/338x800/211+1280+0', 'none');
  await poke();
  await s.obs.sync();
  const b = await waitFor('two bars', async () => { const x = await bars(); return x.length === 2 ? x : null; });
  assert.deepEqual(b.map((x) => [x.geometry.x, x.geometry.width]), [[0, 1280], [1280, 1280]]);
  assert.match(b[0]!.text, /^\[1\] 2 /);
  assert.match(b[1]!.text, /^1 \[2\] \| monitor 2\/2 \| tile 1\/1 \| tab 0\/0 \|/);
  await press('super+w', 'o');
  const c = await client('on the new monitor');
  assert.ok(within(await geometry(c), 1280, 2560), JSON.stringify(await geometry(c)));
});

test('a real screen resize relayouts to the new size and updates _NET_DESKTOP_GEOMETRY', async () => {
  assert.deepEqual(await s.obs.cardinals(s.obs.root(), '_NET_DESKTOP_GEOMETRY'), [2560, 800]);
  await xrandr('--output', 'screen', '--mode', 'poke1');
  await s.obs.sync();
  await waitFor('the new desktop geometry', async () =>
    (await s.obs.cardinals(s.obs.root(), '_NET_DESKTOP_GEOMETRY')).join('x') === '1280x800');
  const b = await bars();
  assert.equal(b.length, 1);
  assert.deepEqual([b[0]!.geometry.x, b[0]!.geometry.width], [0, 1280]);
  for (const v of await s.obs.visibleClients()) assert.ok(within(v.geometry, 0, 1280), JSON.stringify(v.geometry));
  const list = await s.obs.clientList();
  for (const c of open) assert.ok(list.includes(c.window), 'every window still managed');
  // Every window can still be shown.
  await press('super+1');
  assert.ok((await s.obs.visibleClients()).length >= 1);
});

test('without RandR the root window is the one monitor (last test: closing its session stops every Fion of this file)', async () => {
  const t = await openSession({ xvfb: { screens: [[1024, 768]], extraArgs: ['-extension', 'RANDR'] } });
  try {
    const bar = await t.obs.bar();
    assert.deepEqual(await t.obs.geometry(bar).then((g) => [g!.x, g!.width]), [0, 1024]);
    assert.match(await t.obs.barText(), /^\[1\] \| tile 1\/1 \| tab 0\/0 \| \d/);
    assert.match(t.fion.log(), /RandR absent; monitors from root/);
  } finally {
    await t.close();
  }
});
