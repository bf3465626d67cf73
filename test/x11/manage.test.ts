// Managing windows: adoption at start, new windows, withdrawal and
// destruction, ConfigureRequest, override-redirect.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { openSession, type Session } from '../harness/session.js';
import { startFion } from '../harness/fion.js';
import { TinyClient } from '../harness/tinyclient.js';
import { startClient } from '../harness/clients.js';
import { waitFor } from '../harness/wait.js';

let s: Session;
let early: TinyClient;
let earlyXterm: number;
before(async () => {
  // Windows that exist before Fion starts: a tiny client and a real xterm.
  s = await openSession({ startFion: false });
  early = await TinyClient.open(s.display, { title: 'before fion' });
  startClient(s.display, 'xterm', ['-class', 'EarlyTerm']);
  earlyXterm = await s.obs.waitForClass('EarlyTerm');
  s.fion = await startFion(s.display);
  await s.obs.sync();
});
after(async () => { await s.close(); });

const barHeightOf = async (): Promise<number> => (await s.obs.geometry(await s.obs.bar()))!.height;

test('windows that existed before Fion are adopted and tiled below the bar', async () => {
  const list = await s.obs.clientList();
  assert.ok(list.includes(early.window), 'tiny client listed');
  assert.ok(list.includes(earlyXterm as never), 'xterm listed');
  // One tile, two tabs: the newest adopted is shown, the other hidden.
  const states = await Promise.all([s.obs.mapState(early.window), s.obs.mapState(earlyXterm as never)]);
  assert.deepEqual(states.filter((st) => st === 'viewable').length, 1, 'exactly one tab of the tile is visible');
  const visible = states[0] === 'viewable' ? early.window : (earlyXterm as never);
  const g = await s.obs.geometry(visible);
  const bar = await barHeightOf();
  // Tiled below the bar across the screen; an xterm's resize increments may leave it a
  // few pixels smaller, centred in its tile.
  assert.ok(g !== null && g.y > bar && g.width > 1250 && g.width <= 1280 && Math.abs(g.x - (1280 - g.width) / 2) <= 1,
    `tiled below the bar: ${JSON.stringify(g)}`);
});

test('a new window is managed, shown, focused and listed', async () => {
  const c = await TinyClient.open(s.display, { title: 'newcomer' });
  await s.obs.sync();
  assert.equal(await s.obs.mapState(c.window), 'viewable');
  assert.equal(await s.obs.focus(), c.window);
  assert.ok((await s.obs.clientList()).includes(c.window));
  assert.deepEqual(await s.obs.cardinals(s.obs.root(), '_NET_ACTIVE_WINDOW'), [c.window]);
  const g = (await s.obs.geometry(c.window))!;
  assert.equal(g.width, 1280);
  assert.equal(g.y + g.height, 800, 'fills the tile to the bottom of the screen');
  // Destroyed: forgotten, and focus moves to the tab shown before it.
  await c.destroy();
  await s.obs.sync();
  assert.ok(!(await s.obs.clientList()).includes(c.window));
  const focus = await s.obs.focus();
  assert.ok([early.window, earlyXterm].includes(focus), 'focus is on a remaining client');
  assert.equal(await s.obs.mapState(focus), 'viewable');
  await c.close();
});

test('a window that unmaps itself is forgotten, and comes back when mapped again', async () => {
  const c = await TinyClient.open(s.display, { title: 'withdrawer' });
  await s.obs.sync();
  assert.ok((await s.obs.clientList()).includes(c.window));
  await c.unmap();
  await s.obs.sync();
  assert.ok(!(await s.obs.clientList()).includes(c.window), 'withdrawn window is not listed');
  assert.equal(await s.obs.mapState(c.window), 'unmapped');
  assert.notEqual(await s.obs.focus(), c.window);
  assert.deepEqual(await s.obs.cardinals(c.window, 'WM_STATE'), [0, 0], 'WM_STATE Withdrawn (ICCCM 4.1.4)');
  await c.map();
  await s.obs.sync();
  assert.ok((await s.obs.clientList()).includes(c.window));
  assert.equal(await s.obs.mapState(c.window), 'viewable');
  await c.destroy();
  await c.close();
});

test('a ConfigureRequest from a managed window gets the layout geometry and a synthetic ConfigureNotify', async () => {
  const c = await TinyClient.open(s.display, { title: 'mover' });
  await s.obs.sync();
  const before = (await s.obs.geometry(c.window))!;
  c.events.length = 0;
  await c.configure({ x: 5, y: 5, width: 100, height: 100 });
  await s.obs.sync();
  await c.x.sync();
  assert.deepEqual(await s.obs.geometry(c.window), before, 'geometry unchanged');
  const notify = await waitFor('a ConfigureNotify', () =>
    c.events.find((e) => e.kind === 'ConfigureNotify' && e.window === c.window));
  assert.ok(notify.kind === 'ConfigureNotify');
  assert.deepEqual({ x: notify.x, y: notify.y, width: notify.width, height: notify.height }, before);
  await c.destroy();
  await c.close();
});

test('a ConfigureRequest from an unmanaged window is honoured', async () => {
  const c = await TinyClient.open(s.display, { title: 'unmanaged', map: false });
  await c.configure({ x: 33, y: 44, width: 123, height: 77 });
  await s.obs.sync();
  assert.deepEqual(await s.obs.geometry(c.window), { x: 33, y: 44, width: 123, height: 77 });
  await c.close();
});

test('override-redirect windows are left alone', async () => {
  const c = await TinyClient.open(s.display, { title: 'tooltip', overrideRedirect: true, geometry: { x: 70, y: 80, width: 50, height: 20 } });
  await s.obs.sync();
  assert.equal(await s.obs.mapState(c.window), 'viewable');
  assert.deepEqual(await s.obs.geometry(c.window), { x: 70, y: 80, width: 50, height: 20 });
  assert.ok(!(await s.obs.clientList()).includes(c.window));
  await c.close();
});
