// The system tray's glue on a fake X server, where the order of replies and events can be
// set exactly: races an applet can win against Fion's dock.
import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { NoEventMask, TrayOpcode } from '../../src/x/protocol.js';
import type { WindowId } from '../../src/x/types.js';
import { FakeX } from '../fake/xfake.js';
import { cardinals } from '../fake/encode.js';
import { startFakeFion, type FakeFion } from './support.js';

const SELECTION = '_NET_SYSTEM_TRAY_S0';

/** The applet asks the tray to dock `icon`; resolves once Fion has asked the server about
 *  the window (its answers are on their way, not yet read). */
async function askDock(x: FakeX, owner: WindowId, icon: WindowId): Promise<void> {
  x.clientSendEvent(owner, {
    kind: 'ClientMessage', window: owner, type: x.atom('_NET_SYSTEM_TRAY_OPCODE'), format: 32,
    data: [0, TrayOpcode.RequestDock, icon, 0, 0],
  }, NoEventMask);
  const asked = (): boolean => x.requests.some((r) => r.method === 'getWindowAttributes' && r.args[0] === icon);
  for (let turn = 0; turn < 100 && !asked(); turn++) await new Promise((resolve) => setImmediate(resolve));
}

test('an icon destroyed while its dock waits for replies is forgotten: no hole in the bar, and its id can be a client again', async (t) => {
  // Burst delivery: the dock's replies and the destroy arrive in one read, as they can from a server.
  const { x, wm } = await startFakeFion(t, { x: new FakeX({ delivery: 'burst' }) });
  const owner = x.selectionOwner(SELECTION);
  assert.ok(owner !== 0 && wm.tray.running, 'Fion hosts the tray');
  const icon = x.createClientWindow({ title: 'applet' });
  // The applet dies after the server answered the dock's questions (the window was there),
  // before Fion has read the answers.
  await askDock(x, owner, icon);
  assert.ok(x.requests.some((r) => r.method === 'getWindowAttributes' && r.args[0] === icon), 'Fion asked about the icon');
  x.clientDestroy(icon);
  await x.settle();
  assert.equal(wm.reg.tray.has(icon), false, 'the icon is forgotten');
  assert.equal(wm.tray.room([{ name: 'screen', barHeight: wm.theme.barHeight }], undefined)?.width ?? 0, 0, 'the bar leaves no room for it');
});

// The map request is marked on the window when it is read (src/manage/seen.ts), so it stands
// wherever the window goes.
test('a map asked for as the tray docks a hidden icon still stands: back on the root, the window is managed, not lost', async (t) => {
  const { x, wm } = await startFakeFion(t, { x: new FakeX({ delivery: 'burst' }) });
  const owner = x.selectionOwner(SELECTION);
  const root = x.screens[0]!.root;
  const icon = x.createClientWindow({ title: 'applet', properties: { _XEMBED_INFO: cardinals([0, 0]) } }); // hidden
  await askDock(x, owner, icon);
  x.clientMap(icon); // still on the root: a MapRequest, read after the dock's replies
  await x.settle();
  assert.ok(wm.reg.tray.has(icon), 'docked');
  assert.equal(x.isViewable(icon), false, 'hidden, as its _XEMBED_INFO asks');
  x.clientReparent(icon, root, 10, 10); // the applet takes its window back
  await x.settle();
  assert.ok(wm.model.clients.has(icon), 'managed: its map request was never answered');
  assert.ok(x.isViewable(icon), 'and shown');
});

test('an icon destroyed before its dock reached the server is forgotten when the root hears of it', async (t) => {
  // One reply or event per turn: the dock applies before the destroy is read, and its own
  // StructureNotify selection came too late to bring the icon's own DestroyNotify.
  const { x, wm } = await startFakeFion(t);
  const owner = x.selectionOwner(SELECTION);
  const icon = x.createClientWindow({ title: 'applet' });
  await askDock(x, owner, icon);
  x.clientDestroy(icon);
  await x.settle();
  assert.equal(wm.reg.tray.has(icon), false, 'the icon is forgotten');
});

test('an icon inside another client window, destroyed before its dock reached the server, is forgotten', async (t) => {
  // Nothing tells the root of a window that is not its child: the dock's own StructureNotify
  // selection, reaching the server after the destroy, is the only witness (it fails).
  const { x, wm } = await startFakeFion(t);
  const owner = x.selectionOwner(SELECTION);
  const host = x.createClientWindow({ title: 'host' });
  const icon = x.createClientWindow({ title: 'applet', parent: host });
  await askDock(x, owner, icon);
  x.clientDestroy(icon);
  await x.settle();
  assert.equal(wm.reg.tray.has(icon), false, 'the icon is forgotten');
  assert.equal(wm.tray.room([{ name: 'screen', barHeight: wm.theme.barHeight }], undefined)?.width ?? 0, 0, 'the bar leaves no room for it');
});

// The applet's last word wins: it mapped the icon inside its own window, then asked the tray
// to keep it hidden (_XEMBED_INFO without XEMBED_MAPPED). Taken back to the root, the window
// stays as its applet last asked, unmapped and unmanaged; its next map makes it a client.
test('an icon docked hidden from inside another window, taken back to the root, waits for its applet\'s map', async (t) => {
  const { x, wm } = await startFakeFion(t);
  const owner = x.selectionOwner(SELECTION);
  const root = x.screens[0]!.root;
  const host = x.createClientWindow({ title: 'host' });
  const icon = x.createClientWindow({ title: 'applet', parent: host, properties: { _XEMBED_INFO: cardinals([0, 0]) } });
  x.clientMap(icon); // inside its host: no request, the server maps it
  await askDock(x, owner, icon);
  await x.settle();
  assert.ok(wm.reg.tray.has(icon), 'docked');
  assert.equal(x.isViewable(icon), false, 'hidden, as its _XEMBED_INFO asks');
  x.clientReparent(icon, root, 10, 10);
  await x.settle();
  assert.equal(wm.reg.tray.has(icon), false, 'out of the tray');
  assert.equal(wm.model.clients.has(icon), false, 'not a client: its applet asked for it hidden');
  x.clientMap(icon);
  await x.settle();
  assert.ok(wm.model.clients.has(icon), 'its map request makes it a client');
  assert.ok(x.isViewable(icon));
});

// Whether an event is the tray's or window management's is decided when its job runs, in
// event order, not when it is read: a window leaving the tray is still an icon until the
// tray has looked where it went, and may be a client by the time the next event's job runs.

/** A hidden icon, docked; its applet then takes it back to the root and asks for a map, and
 *  Fion reads both and asks the server where the icon went and what the window is (the
 *  server answers: on the root, there). Resolves before Fion has read the answers. */
async function takenBack(t: TestContext): Promise<{ x: FakeX; wm: FakeFion['wm']; icon: WindowId; root: WindowId }> {
  const { x, wm } = await startFakeFion(t, { x: new FakeX({ delivery: 'burst' }) });
  const owner = x.selectionOwner(SELECTION);
  const root = x.screens[0]!.root;
  const icon = x.createClientWindow({ title: 'applet', properties: { _XEMBED_INFO: cardinals([0, 0]) } });
  await askDock(x, owner, icon);
  await x.settle();
  assert.ok(wm.reg.tray.has(icon), 'docked');
  const asked = x.requests.length;
  x.clientReparent(icon, root, 10, 10);
  x.clientMap(icon);
  const read = (): boolean => x.requests.slice(asked).some((r) => r.method === 'getWindowAttributes' && r.args[0] === icon);
  for (let turn = 0; turn < 100 && !read(); turn++) await new Promise((resolve) => setImmediate(resolve));
  assert.ok(read(), 'Fion read the map request');
  return { x, wm, icon, root };
}

test('an icon its applet takes back, maps and destroys at once is not left behind as a client', async (t) => {
  const { x, wm, icon, root } = await takenBack(t);
  x.clientDestroy(icon); // read in the same burst as the answers
  await x.settle();
  assert.equal(wm.reg.tray.has(icon), false, 'not an icon');
  assert.equal(wm.model.clients.has(icon), false, 'not a client');
  assert.equal(wm.reg.clients.has(icon), false, 'nothing kept of it');
  assert.ok(!(x.cardinals(root, '_NET_CLIENT_LIST') ?? []).includes(icon), '_NET_CLIENT_LIST does not list it');
});

test('an icon its applet takes back, maps and withdraws at once stays withdrawn', async (t) => {
  const { x, wm, icon } = await takenBack(t);
  x.clientUnmap(icon, { synthetic: true }); // ICCCM's withdrawal, read in the same burst as the answers
  await x.settle();
  assert.equal(wm.model.clients.has(icon), false, 'not a client');
  assert.equal(x.isViewable(icon), false, 'not shown');
  x.clientMap(icon);
  await x.settle();
  assert.ok(wm.model.clients.has(icon), 'its next map makes it a client');
  assert.ok(x.isViewable(icon));
});
