// The glue of a running Fion, driven through a fake X server: managing and releasing
// windows, focus, a key binding, a bars-only redraw and restart's save, each checked by
// what another client (or the user) would see of the display.
import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ModMask, WmState } from '../../src/x/protocol.js';
import type { WindowId } from '../../src/x/types.js';
import { modelFromJson, workspaceOf } from '../../src/model/index.js';
import { EXIT_RESTART } from '../../src/restart/exit.js';
import { FakeX, WM } from '../fake/xfake.js';
import { cardinals } from '../fake/encode.js';
import { startFakeFion } from './support.js';
import { SEEN_AFTER_MS } from '../../src/manage/seen.js';

const KEY_A = 38; // a US keyboard under Xvfb, as the fake has it

const clientList = (x: { cardinals(w: WindowId, a: string): number[] | null; screens: readonly { root: WindowId }[] }): number[] =>
  x.cardinals(x.screens[0]!.root, '_NET_CLIENT_LIST') ?? [];

test('a new window is managed: tiled below the bar and its tab bar, shown, focused, Normal, listed', async (t) => {
  const { x, wm } = await startFakeFion(t);
  const w = x.createClientWindow({ title: 'editor', class: ['ed', 'Ed'], map: true });
  assert.equal(x.isViewable(w), false, 'a client\'s map is only a request');
  await x.settle();
  assert.ok(x.isViewable(w));
  assert.equal(x.focus, w);
  const g = x.geometry(w);
  const bar = wm.theme.barHeight + wm.theme.tabBarHeight;
  assert.deepEqual({ ...g }, { x: 0, y: bar, width: x.screens[0]!.width, height: x.screens[0]!.height - bar, borderWidth: 0 });
  assert.deepEqual(x.cardinals(w, 'WM_STATE'), [WmState.Normal, 0]);
  assert.deepEqual(clientList(x), [w]);
  assert.ok(x.inSaveSet(w, WM), 'in the save-set: it survives a crash of Fion');
});

// The server shows a window, and tells its client, once it has read the map: painted in
// the same write, the tab bar's and the bar's text would keep the window waiting for it.
test('a new window\'s map leaves before its tab bar is painted', async (t) => {
  const { x } = await startFakeFion(t);
  const before = x.requests.length;
  const w = x.createClientWindow({ title: 'editor', map: true });
  await x.settle();
  assert.ok(x.isViewable(w));
  const at = x.requests.findIndex((r, i) => i >= before && r.method === 'map' && r.args[0] === w);
  assert.ok(at >= 0, 'Fion mapped the window');
  const painted = x.requests.findIndex((r, i) => i > at && /^(createPixmap|fillRect|copyArea|putImage|imageText|polyText|composite)/.test(r.method));
  assert.ok(painted > at, `Fion painted after the map: ${x.requests.slice(at, at + 8).map((r) => r.method).join(', ')}`);
  assert.ok(x.flushes.some((n) => n > at && n <= painted),
    `a flush between the map and ${x.requests[painted]!.method} (flushes after it at ${x.flushes.filter((n) => n > at).join(', ')})`);
});

// A toolkit's icon can be hundreds of kilobytes; the window must not wait for it.
test('a new window is shown, its map sent, while the read of its icon is still on its way', async (t) => {
  const { x, wm } = await startFakeFion(t);
  let release = (): void => {};
  const held = new Promise<void>((r) => { release = r; });
  const get = x.getProperty.bind(x);
  x.getProperty = (w, p, type, max) => (p === x.atom('_NET_WM_ICON') ? held.then(() => get(w, p, type, max)) : get(w, p, type, max));
  const red = 0xffff0000;
  const w = x.createClientWindow({ title: 'editor', map: true, properties: { _NET_WM_ICON: cardinals([2, 2, red, red, red, red]) } });
  await x.settle();
  assert.ok(x.isViewable(w), 'shown before the icon arrived');
  const at = x.requests.findIndex((r) => r.method === 'map' && r.args[0] === w);
  assert.ok(x.flushes.some((n) => n > at), 'the map was flushed');
  assert.equal(wm.model.clients.get(w)?.icon, undefined, 'no icon yet');
  release();
  await x.settle();
  assert.notEqual(wm.model.clients.get(w)?.icon, undefined, 'the icon came with its reply');
});

test('a destroyed window is forgotten: unlisted, and the focus goes to the window left', async (t) => {
  const { x, wm } = await startFakeFion(t);
  const a = x.createClientWindow({ title: 'a', map: true });
  await x.settle();
  const b = x.createClientWindow({ title: 'b', map: true });
  await x.settle();
  assert.equal(x.focus, b);
  assert.equal(x.isViewable(a), false, 'a is the hidden tab');
  x.clientDestroy(b);
  await x.settle();
  assert.deepEqual(clientList(x), [a]);
  assert.ok(x.isViewable(a), 'the tab left is shown');
  assert.equal(x.focus, a);
  assert.equal(wm.model.clients.has(b), false);
});

test('a withdrawn window is released (WM_STATE Withdrawn), and managed again when it maps again', async (t) => {
  const { x } = await startFakeFion(t);
  const w = x.createClientWindow({ title: 'dialog', map: true });
  await x.settle();
  // ICCCM 4.1.4: the client unmaps it and sends the synthetic UnmapNotify.
  x.clientUnmap(w, { synthetic: true });
  await x.settle();
  assert.deepEqual(clientList(x), []);
  assert.deepEqual(x.cardinals(w, 'WM_STATE'), [WmState.Withdrawn, 0]);
  assert.equal(x.inSaveSet(w, WM), false);
  x.clientMap(w);
  await x.settle();
  assert.deepEqual(clientList(x), [w]);
  assert.ok(x.isViewable(w));
  assert.deepEqual(x.cardinals(w, 'WM_STATE'), [WmState.Normal, 0]);
});

test('focus: a command moves it, and a client that takes it is given it back', async (t) => {
  const { x, wm } = await startFakeFion(t);
  const a = x.createClientWindow({ title: 'a', map: true });
  await x.settle();
  const b = x.createClientWindow({ title: 'b', map: true });
  await x.settle();
  wm.runCommand('tab next', 'test');
  await x.settle();
  assert.equal(x.focus, a);
  assert.deepEqual(x.cardinals(x.screens[0]!.root, '_NET_ACTIVE_WINDOW'), [a]);
  // b is a hidden tab now; a client focusing it itself is not what Fion chose.
  x.clientSetFocus(x.screens[0]!.root);
  await x.settle();
  await new Promise((r) => setTimeout(r, 150)); // the take-back is rate-limited to every 100 ms
  await x.settle();
  assert.equal(x.focus, a, 'the focus is back where Fion put it');
  assert.notEqual(x.focus, b);
});

test('a key binding runs its command: super+shift+a creates a workspace and shows it', async (t) => {
  const { x } = await startFakeFion(t);
  const root = x.screens[0]!.root;
  assert.ok(x.passiveKeyGrabs(root).some((g) => g.keycode === KEY_A && g.modifiers === (ModMask.Mod4 | ModMask.Shift)));
  assert.deepEqual(x.cardinals(root, '_NET_NUMBER_OF_DESKTOPS'), [1]);
  x.pressKey(KEY_A, ModMask.Mod4 | ModMask.Shift);
  await x.settle();
  assert.deepEqual(x.cardinals(root, '_NET_NUMBER_OF_DESKTOPS'), [2]);
  assert.deepEqual(x.cardinals(root, '_NET_CURRENT_DESKTOP'), [1]);
});

test('a clock tick redraws the bar alone: new text, only the clock\'s cells painted, no window moved or mapped', async (t) => {
  const { x } = await startFakeFion(t);
  const w = x.createClientWindow({ title: 'still', map: true });
  await x.settle();
  const bar = x.childrenOf(x.screens[0]!.root).find((c) => x.property(c, 'WM_CLASS')?.data.toString('latin1').startsWith('fion-bar'));
  assert.ok(bar !== undefined);
  const barName = (): string => x.property(bar, '_NET_WM_NAME')?.data.toString('utf8') ?? '';
  const before = barName();
  x.clearRequests();
  const end = Date.now() + 2500;
  while (barName() === before && Date.now() < end) await new Promise((r) => setTimeout(r, 50));
  assert.notEqual(barName(), before, 'the clock (with seconds) ticked');
  await x.settle();
  const names = new Set(x.requests.map((r) => r.request));
  for (const moved of ['ConfigureWindow', 'MapWindow', 'UnmapWindow', 'SetInputFocus', 'CreateWindow'] as const) {
    assert.equal(names.has(moved), false, `${moved} sent on a tick`);
  }
  // The clock sits at the bar's right end: the pixels copied to the bar are there alone.
  const copies = x.requestsNamed('CopyArea').filter((r) => r.args[1] === bar);
  assert.ok(copies.length > 0, 'the bar was painted');
  const width = x.geometry(bar).width;
  for (const c of copies) assert.ok((c.args[5] as number) > width / 2, `painted at x=${String(c.args[5])} of ${width}`);
  const props = x.requestsNamed('ChangeProperty').map((r) => r.args[0]);
  assert.ok(props.every((target) => target !== w), 'nothing written on the client');
  assert.ok(x.isViewable(w));
});

test('restart saves the layout to the state file and hands over, leaving every window in place', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'fion-glue-'));
  try {
    const statePath = join(dir, 'state.json');
    const { x, wm, exits } = await startFakeFion(t, { restart: { supervised: true, statePath, check: () => Promise.resolve(null) } });
    const a = x.createClientWindow({ title: 'a', map: true });
    await x.settle();
    wm.runCommand('workspace create', 'test');
    const b = x.createClientWindow({ title: 'b', map: true });
    await x.settle();
    assert.equal(await wm.restart(), null);
    await x.settle();
    await new Promise((r) => setTimeout(r, 20));
    assert.deepEqual(exits, [EXIT_RESTART]);
    const saved = modelFromJson(JSON.parse(readFileSync(statePath, 'utf8')).model);
    assert.ok(saved.ok, saved.ok ? '' : saved.error);
    if (saved.ok) {
      assert.deepEqual([...saved.model.clients.keys()].sort(), [a, b].sort());
      assert.notEqual(workspaceOf(saved.model, a)?.id, workspaceOf(saved.model, b)?.id, 'each on its own workspace');
    }
    // The hidden window left the save-set (closing the connection won't map it) and stays Iconic.
    assert.equal(x.isClosed, true);
    assert.equal(x.isViewable(a), false, 'the hidden window stays hidden when the connection closes');
    assert.deepEqual(x.cardinals(a, 'WM_STATE'), [WmState.Iconic, 0]);
    assert.ok(x.isViewable(b));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a map request is marked on the window at once, and a Fion started later adopts an unmapped window so marked', async (t) => {
  const first = await startFakeFion(t);
  const w = first.x.createClientWindow({ title: 'asked', map: true });
  await first.x.settle();
  assert.notEqual(first.x.property(w, 'FION_MAP_REQUESTED'), null, 'marked when the request came');
  first.x.clientUnmap(w, { synthetic: true });
  await first.x.settle();
  assert.deepEqual(first.x.cardinals(w, 'FION_MAP_REQUESTED'), [0], 'a withdrawal leaves it seen, no map asked');

  // As a Fion that died before handling the request leaves it: unmapped, no WM_STATE, marked.
  const x = new FakeX();
  const asked = x.createClientWindow({ title: 'asked', properties: { FION_MAP_REQUESTED: cardinals([1]) } });
  const never = x.createClientWindow({ title: 'never asked' });
  const { wm } = await startFakeFion(t, { x, adoptExisting: true });
  assert.ok(wm.reg.clients.has(asked) && x.isViewable(asked), 'the marked window is managed and shown');
  assert.equal(wm.reg.clients.has(never), false, 'a window nobody asked to map stays alone');
  assert.equal(x.isViewable(never), false);
});

test('start-up resolves with the first frame sent: the windows found listed, the bar drawn, all flushed', async (t) => {
  const x = new FakeX();
  const a = x.createClientWindow({ title: 'a', map: true });
  const b = x.createClientWindow({ title: 'b', map: true });
  let seen: { listed: number[]; bar: boolean; unflushed: number } | null = null;
  // Autostart's programs are spawned once start-up resolves: the frame must not wait for them.
  await startFakeFion(t, {
    x, adoptExisting: true, started: (fx) => {
      const bar = fx.requests.findIndex((r) => /^(putImage|copyArea|fillRect|composite|imageText|polyText)/.test(r.method));
      seen = { listed: clientList(fx), bar: bar >= 0, unflushed: fx.requests.length - (fx.flushes.at(-1) ?? 0) };
    },
  });
  assert.ok(seen !== null);
  const s = seen as { listed: number[]; bar: boolean; unflushed: number };
  assert.deepEqual(new Set(s.listed), new Set([a, b]), 'listed in _NET_CLIENT_LIST');
  assert.ok(s.bar, 'the bar is painted');
  assert.equal(s.unflushed, 0, 'and all of it is flushed');
});

test('after a crash, an unmapped window no Fion has seen, dressed as a shown window is, is adopted; hidden ones are not', async (t) => {
  const x = new FakeX();
  const unread = x.createClientWindow({ title: 'its map request died unread', width: 300, height: 200 });
  const seen = x.createClientWindow({ title: 'kept hidden', width: 300, height: 200, properties: { FION_MAP_REQUESTED: cardinals([0]) } });
  const leader = x.createClientWindow({ title: 'leader', x: -100, y: -100, width: 1, height: 1 });
  const bare = x.createClientWindow({ width: 300, height: 200 });
  const { wm } = await startFakeFion(t, { x, adoptExisting: true, afterCrash: true });
  assert.ok(wm.reg.clients.has(unread) && x.isViewable(unread), 'the unseen window is managed and shown');
  for (const w of [seen, leader, bare]) {
    assert.equal(wm.reg.clients.has(w), false);
    assert.equal(x.isViewable(w), false);
    assert.deepEqual(x.cardinals(w, 'FION_MAP_REQUESTED'), [0], 'marked seen now: a later crash leaves it alone too');
  }
});

test('a new window is marked seen a little after it is created unless it asks for a map by then', async (t) => {
  const { x } = await startFakeFion(t);
  const quiet = x.createClientWindow({ title: 'quiet' });
  const asks = x.createClientWindow({ title: 'asks', map: true });
  await x.settle();
  assert.equal(x.property(quiet, 'FION_MAP_REQUESTED'), null, 'not yet: a crash now may have eaten its map request');
  await new Promise((r) => setTimeout(r, SEEN_AFTER_MS + 200));
  await x.settle();
  assert.deepEqual(x.cardinals(quiet, 'FION_MAP_REQUESTED'), [0]);
  assert.deepEqual(x.cardinals(asks, 'FION_MAP_REQUESTED'), [1]);
});

test('a dialog sized just before it maps (Tk\'s wm geometry) floats at that size, not the size it was created with', async (t) => {
  // Both requests reach Fion in one read, the ConfigureRequest first.
  const { x } = await startFakeFion(t, { x: new FakeX({ delivery: 'burst' }) });
  const parent = x.createClientWindow({ title: 'main', map: true });
  await x.settle();
  const d = x.createClientWindow({ title: 'dialog', width: 1, height: 1, transientFor: parent, normalHints: { minWidth: 1, minHeight: 1 } });
  x.clientConfigureRequest(d, { x: 0, y: 0, width: 200, height: 100 });
  x.clientMap(d);
  await x.settle();
  assert.ok(x.isViewable(d));
  const g = x.geometry(d);
  assert.deepEqual([g.width, g.height], [200, 100]);
});

test('a client that takes no input (WM_HINTS input False) is active, and the keys leave the window focused before it', async (t) => {
  const { x, wm } = await startFakeFion(t);
  const typing = x.createClientWindow({ title: 'editor', map: true });
  await x.settle();
  assert.equal(x.focus, typing);
  const clock = x.createClientWindow({ title: 'xclock', hints: { input: false }, map: true });
  await x.settle();
  assert.deepEqual(x.cardinals(x.screens[0]!.root, '_NET_ACTIVE_WINDOW'), [clock]);
  assert.notEqual(x.focus, typing, 'keys no longer go to a window that is neither shown nor active');
  assert.notEqual(x.focus, clock, 'ICCCM 4.1.7: a No Input client is never given the focus');
  assert.ok(wm.ownership.some((o) => o.window === x.focus), "the focus rests on Fion's own window");
});

test('an InputOnly window whose client moved it into its own window before its map was read is mapped when it comes back to the root', async (t) => {
  // Burst delivery: the map request and the move arrive before Fion reads the window.
  const { x } = await startFakeFion(t, { x: new FakeX({ delivery: 'burst' }) });
  const root = x.screens[0]!.root;
  const host = x.createClientWindow({ title: 'host', map: true });
  const w = x.createClientWindow({ inputOnly: true });
  await x.settle();
  x.clientMap(w);
  x.clientReparent(w, host, 10, 10);
  await x.settle();
  assert.equal(x.isViewable(w), false, 'not Fion\'s to map inside its client\'s window');
  x.clientReparent(w, root, 0, 0);
  await x.settle();
  assert.ok(x.isViewable(w), 'its map request is answered once it is back on the root');
  assert.ok(!clientList(x).includes(w), 'and it is not managed: InputOnly');
});

// The server gives a closed connection's ids to the next client, and a client may reuse an
// id it freed: requests Fion sent for a window may land on the next window with its id.
// Here all in one read: the old window asks for a map and goes, a new one gets its id.
async function idGivenAgain(t: TestContext): Promise<{ x: FakeX; w: WindowId }> {
  const x = new FakeX({ delivery: 'burst' });
  await startFakeFion(t, { x });
  const c = x.newClient();
  const old = x.createClientWindow({ client: c, title: 'old', map: true });
  x.clientDestroy(old);
  const w = x.createClientWindow({ client: c, id: old, title: 'new' });
  await x.settle();
  return { x, w };
}

test('a new window given the id of one destroyed before Fion managed it is left as its client made it, and managed when it maps', async (t) => {
  const { x, w } = await idGivenAgain(t);
  assert.equal(x.isMapped(w), false, 'its client never mapped it');
  assert.deepEqual(clientList(x), []);
  assert.equal(x.property(w, 'WM_STATE'), null, 'no WM_STATE: a next Fion would adopt an Iconic window');
  assert.equal(x.inSaveSet(w, WM), false, 'not in the save-set: the server would map it when Fion exits');
  assert.equal(x.buttonsGrabbed(w), false);
  assert.equal(x.eventMask(w), 0);
  x.clientMap(w);
  await x.settle();
  assert.deepEqual(clientList(x), [w]);
  assert.ok(x.isViewable(w));
  assert.deepEqual(x.cardinals(w, 'WM_STATE'), [WmState.Normal, 0]);
  assert.ok(x.inSaveSet(w, WM));
});

test('a new window given the id of one destroyed just before is marked seen as any new window is', async (t) => {
  // The destroy's job runs after the old window's manage job; the new window's CreateNotify
  // came before it. Its mark must not be lost with the old window's (after a crash, an
  // unmarked unmapped window is taken for one whose map request died with Fion).
  const { x, w } = await idGivenAgain(t);
  await new Promise((r) => setTimeout(r, SEEN_AFTER_MS + 200));
  await x.settle();
  assert.deepEqual(x.cardinals(w, 'FION_MAP_REQUESTED'), [0], 'seen, and no map asked');
  assert.equal(x.isMapped(w), false);
});
