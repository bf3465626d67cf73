// Races between a client and Fion, put in a fixed order: Fion talks to the server
// through a proxy (test/harness/xproxy.ts) that holds its requests from a chosen one
// on while a client acts, then lets them through in order.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { startXvfb, type Xvfb } from '../harness/xvfb.js';
import { startFion, stopAllFions } from '../harness/fion.js';
import { Observer } from '../harness/observer.js';
import { TinyClient } from '../harness/tinyclient.js';
import { XProxy } from '../harness/xproxy.js';
import { checkInvariants } from '../harness/invariants.js';
import { waitFor } from '../harness/wait.js';
import { key } from '../harness/clients.js';
import { EventMask } from '../../src/x/types.js';

const MAP_WINDOW = 8;
const UNMAP_WINDOW = 10;

let xvfb: Xvfb;
let proxy: XProxy;
let obs: Observer;
before(async () => {
  xvfb = await startXvfb();
  proxy = await XProxy.open(xvfb.display);
  await startFion(proxy.display); // Fion's connection is the proxy's first
  obs = await Observer.open(xvfb.display);
  await obs.sync();
});
after(async () => {
  await obs.close().catch(() => {});
  await stopAllFions();
  await proxy.close();
  await xvfb.stop();
});

test('withdrawn (ICCCM synthetic UnmapNotify) just as Fion maps it, then mapped again: managed and shown', async () => {
  const c = await TinyClient.open(xvfb.display, { title: 'withdrawn and back', map: false });
  // Fion's MapWindow of the new window waits at the proxy ...
  const held = proxy.holdFrom((r) => r.opcode === MAP_WINDOW && r.body.readUInt32LE(4) === c.window);
  c.x.map(c.window);
  await c.x.flush();
  await held;
  // ... while its client withdraws it (the unmap finds it not mapped yet: only the synthetic
  // notice to the root says so) and maps it again (a second MapRequest).
  c.x.unmap(c.window);
  const ev = Buffer.alloc(32);
  ev[0] = 18; // UnmapNotify
  ev.writeUInt32LE(obs.root(), 4);
  ev.writeUInt32LE(c.window, 8);
  c.x.sendRaw((raw) => raw.SendEvent(obs.root(), 0, EventMask.SubstructureRedirect | EventMask.SubstructureNotify, ev));
  c.x.map(c.window);
  await c.x.sync();
  proxy.release();
  await obs.sync();
  // Fion unmaps it for the withdrawal; that unmap's UnmapNotify comes back after the window
  // is managed again, and must not withdraw it a second time.
  assert.equal(await obs.mapState(c.window), 'viewable');
  assert.ok((await obs.clientList()).includes(c.window), 'listed in _NET_CLIENT_LIST');
  assert.deepEqual(await checkInvariants(obs, { mapped: [c.window] }), []);
  await c.close();
});

test('withdrawn just as Fion maps it, mapped again later, then unmapped: released, not taken for Fion\'s own unmap', async () => {
  const c = await TinyClient.open(xvfb.display, { title: 'withdrawn, back, withdrawn', map: false });
  const held = proxy.holdFrom((r) => r.opcode === MAP_WINDOW && r.body.readUInt32LE(4) === c.window);
  c.x.map(c.window);
  await c.x.flush();
  await held;
  // Withdrawn while Fion's map waits: Fion's map lands after the client's unmap, so Fion
  // unmaps the window again when it reads the synthetic notice; that unmap's UnmapNotify
  // reaches Fion while the window is no longer managed.
  c.x.unmap(c.window);
  const ev = Buffer.alloc(32);
  ev[0] = 18; // UnmapNotify
  ev.writeUInt32LE(obs.root(), 4);
  ev.writeUInt32LE(c.window, 8);
  c.x.sendRaw((raw) => raw.SendEvent(obs.root(), 0, EventMask.SubstructureRedirect | EventMask.SubstructureNotify, ev));
  await c.x.sync();
  proxy.release();
  await obs.sync();
  assert.equal(await obs.mapState(c.window), 'unmapped');
  assert.ok(!(await obs.clientList()).includes(c.window), 'withdrawn: not listed');
  // Mapped again, then withdrawn for good by a plain unmap (the window is mapped: no
  // synthetic notice is needed). Fion must not take this UnmapNotify for the echo of its own.
  c.x.map(c.window);
  await c.x.sync();
  await obs.sync();
  assert.equal(await obs.mapState(c.window), 'viewable');
  c.x.unmap(c.window);
  await c.x.sync();
  await obs.sync();
  assert.ok(!(await obs.clientList()).includes(c.window), 'withdrawn again: not listed');
  assert.deepEqual(await obs.cardinals(c.window, 'WM_STATE'), [0, 0], 'WM_STATE Withdrawn');
  assert.deepEqual(await checkInvariants(obs), []);
  // And its next map is honoured.
  c.x.map(c.window);
  await c.x.sync();
  await obs.sync();
  assert.equal(await obs.mapState(c.window), 'viewable');
  assert.deepEqual(await checkInvariants(obs, { mapped: [c.window] }), []);
  await c.close();
});

/** X's client goes, and a new client gets X's resource ids: its first window is X again,
 *  unmapped (the races below need the server to give them out again, and check it did). */
async function givenAgain(old: TinyClient): Promise<TinyClient> {
  const x = old.window;
  await old.close();
  await waitFor('the old X destroyed', async () => (await obs.mapState(x)) === 'gone');
  const reused = await TinyClient.open(xvfb.display, { title: 'new X', map: false });
  assert.equal(reused.window, x, 'the server gave the new client the same ids (the race needs it)');
  return reused;
}

test('a window id reused while Fion maps the window that had it: the new window is shown or hidden as Fion says', async () => {
  // Fion manages window X and sends its MapWindow; before that reaches the server, X's
  // client goes (X is destroyed) and a new client gets the same resource ids, so its first
  // window is X again. Fion's MapWindow maps the new X, which its client also asked to map;
  // Fion then forgets the old X and manages the new one, which a later window hides as a
  // background tab. Fion must know the new X is mapped, or it stays on screen.
  const old = await TinyClient.open(xvfb.display, { title: 'old X', map: false });
  const x = old.window;
  const held = proxy.holdFrom((r) => r.opcode === MAP_WINDOW && r.body.readUInt32LE(4) === x);
  old.x.map(x);
  await old.x.flush();
  await held;
  const reused = await givenAgain(old);
  reused.x.map(x);
  await reused.x.sync();
  // Managed in the same turn as the new X: X is a background tab at once, never shown by Fion.
  const later = await TinyClient.open(xvfb.display, { title: 'shown over X' });
  proxy.release();
  await obs.sync();
  assert.equal(await obs.mapState(x), 'unmapped', 'X is a background tab now');
  assert.deepEqual(await checkInvariants(obs, { mapped: [x, later.window] }), []);
  await later.close();
  await reused.close();
});

test('a window id reused while Fion shows the window that had it, its new client mapping it later: managed, not lost', async () => {
  // X is a background tab; a key shows it, and Fion's MapWindow of it waits at the proxy
  // while X's client goes and a new client creates its first window, X again, unmapped.
  // Fion's MapWindow then maps the new X, so its client's own map later changes nothing
  // and no MapRequest comes: Fion must find the window by itself.
  const old = await TinyClient.open(xvfb.display, { title: 'old X, hidden' });
  const x = old.window;
  const front = await TinyClient.open(xvfb.display, { title: 'in front of X' });
  await obs.sync();
  assert.equal(await obs.mapState(x), 'unmapped');
  const held = proxy.holdFrom((r) => r.opcode === MAP_WINDOW && r.body.readUInt32LE(4) === x);
  await key(xvfb.display, 'super+shift+t'); // the next tab: X
  await held;
  const reused = await givenAgain(old);
  proxy.release();
  await obs.sync();
  reused.x.map(x);
  await reused.x.sync();
  await obs.sync();
  assert.ok((await obs.clientList()).includes(x), 'the new X is managed');
  assert.deepEqual(await checkInvariants(obs, { mapped: [x, front.window] }), []);
  await front.close();
  await reused.close();
});

test('a window id reused while Fion hides the window that had it, its new client not mapping it: left as its client made it', async () => {
  // X is shown; a new window hides it, and Fion's UnmapWindow and WM_STATE Iconic for X wait
  // at the proxy while X's client goes and a new client creates its first window, X again,
  // unmapped. They land on the new X: Fion must take its WM_STATE off again, or the next
  // Fion would adopt (and show) a window its client never asked to show.
  const old = await TinyClient.open(xvfb.display, { title: 'old X, shown' });
  const x = old.window;
  await obs.sync();
  assert.ok(await obs.isViewable(x));
  const held = proxy.holdFrom((r) => r.opcode === UNMAP_WINDOW && r.body.readUInt32LE(4) === x);
  const front = await TinyClient.open(xvfb.display, { title: 'in front of X', map: false });
  front.x.map(front.window);
  await front.x.flush();
  await held;
  const reused = await givenAgain(old);
  proxy.release();
  await obs.sync();
  // (Fion hears of the destroy after its held requests have landed, and looks then.)
  await waitFor('no WM_STATE on the new X', async () => (await obs.cardinals(x, 'WM_STATE')).length === 0 || null, 3000);
  assert.equal(await obs.mapState(x), 'unmapped');
  assert.deepEqual(await checkInvariants(obs, { mapped: [front.window] }), []);
  // Its client maps it later: managed as any new window.
  reused.x.map(x);
  await reused.x.sync();
  await waitFor('the new X managed', async () => (await obs.clientList()).includes(x) || null, 3000);
  assert.deepEqual(await checkInvariants(obs, { mapped: [x, front.window] }), []);
  await front.close();
  await reused.close();
});
