// Minimising (ICCCM WM_CHANGE_STATE Iconic, as xdotool windowminimize and client-side
// minimise buttons send it): the window is hidden as a marked tab of its tile (or a float
// of its workspace), still listed, and comes back by activation, a click on its tab, the
// tab keys, or its client mapping it again.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { openSession, openClient, pressKeys, type Session } from '../harness/session.js';
import { runTool } from '../harness/clients.js';
import type { TinyClient } from '../harness/tinyclient.js';
import { checkInvariants } from '../harness/invariants.js';

let s: Session;
const open: TinyClient[] = [];
before(async () => { s = await openSession(); });
after(async () => { for (const c of open) await c.close(); await s.close(); });

const tool = async (cmd: string, ...args: string[]): Promise<void> => {
  const r = await runTool(s.display, cmd, args);
  assert.equal(r.code, 0, `${cmd} ${args.join(' ')}: ${r.stderr}`);
  await s.obs.sync();
};
const minimise = (c: TinyClient): Promise<void> => tool('xdotool', 'windowminimize', String(c.window));
const states = async (c: TinyClient): Promise<string> => {
  const r = await runTool(s.display, 'xprop', ['-id', String(c.window), '_NET_WM_STATE']);
  return r.stdout;
};

/** Hidden the way a minimised window is: unmapped, Iconic, HIDDEN, still listed. */
async function assertMinimised(c: TinyClient): Promise<void> {
  assert.equal(await s.obs.mapState(c.window), 'unmapped');
  assert.equal((await s.obs.cardinals(c.window, 'WM_STATE'))[0], 3, 'WM_STATE Iconic');
  assert.match(await states(c), /_NET_WM_STATE_HIDDEN/);
  assert.ok((await s.obs.clientList()).includes(c.window), 'still in _NET_CLIENT_LIST');
}
async function assertBack(c: TinyClient): Promise<void> {
  assert.equal(await s.obs.mapState(c.window), 'viewable');
  assert.equal(await s.obs.focus(), c.window);
  assert.equal((await s.obs.cardinals(c.window, 'WM_STATE'))[0], 1, 'WM_STATE Normal');
  assert.doesNotMatch(await states(c), /_NET_WM_STATE_HIDDEN/);
}

test('xdotool windowminimize hides a tab, marked in its tab bar; the tab before it is shown; wmctrl -i -a brings it back', async () => {
  const a = await openClient(s, open, 'min-a');
  const b = await openClient(s, open, 'min-b');
  await minimise(b);
  await assertMinimised(b);
  assert.equal(await s.obs.mapState(a.window), 'viewable');
  assert.equal(await s.obs.focus(), a.window);
  assert.equal((await s.obs.tabBars())[0]!.text, '[min-a] | (min-b)');
  await tool('wmctrl', '-i', '-a', String(b.window));
  await assertBack(b);
  assert.equal((await s.obs.tabBars())[0]!.text, 'min-a | [min-b]');
});

test('a click on a minimised tab brings it back', async () => {
  const [, b] = open as [TinyClient, TinyClient];
  await minimise(b);
  await assertMinimised(b);
  const bar = (await s.obs.tabBars())[0]!.geometry;
  await tool('xdotool', 'mousemove', String(bar.x + Math.floor((bar.width * 3) / 4)), String(bar.y + 2), 'click', '1');
  await assertBack(b);
});

test('with every tab minimised the tile shows none; the tab keys bring one back, and so does the client mapping it', async () => {
  const [a, b] = open as [TinyClient, TinyClient];
  await minimise(a);
  await minimise(b);
  await assertMinimised(a);
  await assertMinimised(b);
  assert.equal((await s.obs.tabBars())[0]!.text, '(min-a) | (min-b)');
  assert.equal((await s.obs.visibleClients()).length, 0);
  await pressKeys(s, 'super+shift+t'); // tab next: the first tab
  await assertBack(a);
  // ICCCM 4.1.4: a client leaves the Iconic state by mapping its window.
  await b.map();
  await s.obs.sync();
  await assertBack(b);
});

test('a minimised float is hidden and comes back focused with xdotool windowactivate; floating it stays', async () => {
  const f = await openClient(s, open, 'min-float');
  await pressKeys(s, 'super+shift+f');
  const before = await s.obs.geometry(f.window);
  await minimise(f);
  await assertMinimised(f);
  assert.notEqual(await s.obs.focus(), f.window);
  await tool('xdotool', 'windowactivate', '--sync', String(f.window));
  await s.obs.sync();
  await assertBack(f);
  assert.deepEqual(await s.obs.geometry(f.window), before, 'back where it floated');
  assert.match(await states(f), /_NET_WM_STATE_ABOVE/, 'still a float');
});

test('_NET_SUPPORTED lists _NET_WM_STATE_HIDDEN', async () => {
  const r = await runTool(s.display, 'xprop', ['-root', '_NET_SUPPORTED']);
  assert.match(r.stdout, /_NET_WM_STATE_HIDDEN/);
});

test('the invariants pass a focused tile whose tabs are all minimised beside a float, and still see a hidden window nobody can reach', async () => {
  const [a, b, f] = open as [TinyClient, TinyClient, TinyClient];
  await minimise(a);
  await minimise(b);
  await pressKeys(s, 'super+shift+v', 'super+shift+p'); // a new tile, then back: the focused tile shows none
  assert.match(await s.obs.barText(), /\| tab 0\/2/);
  assert.equal(await s.obs.mapState(f.window), 'viewable');
  assert.deepEqual(await checkInvariants(s.obs), []);
  // Forged: the hidden window said to be Normal while unmapped is neither shown nor Iconic.
  const wmState = await s.obs.atom('WM_STATE');
  s.obs.x.changeProperty(b.window, wmState, wmState, 32, [1, 0]);
  const found = await checkInvariants(s.obs);
  assert.ok(found.some((v) => v.includes(`0x${b.window.toString(16)} is unreachable`)), found.join('\n'));
  s.obs.x.changeProperty(b.window, wmState, wmState, 32, [3, 0]);
  assert.deepEqual(await checkInvariants(s.obs), []);
});
