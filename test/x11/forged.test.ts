// Forged events (SendEvent to the root) can name any window: whatever they
// say, Fion's own windows stay where Fion put them.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openSession, type Session } from '../harness/session.js';
import { checkInvariants } from '../harness/invariants.js';
import { TinyClient } from '../harness/tinyclient.js';
import { XConnection } from '../../src/x/connection.js';
import { EventMask } from '../../src/x/types.js';

let s: Session;
before(async () => { s = await openSession(); });
after(async () => { await s.close(); });

/** A ConfigureRequest as the server would send it, but sent by a client. */
function forgedConfigureRequest(root: number, w: number): Buffer {
  const ev = Buffer.alloc(32);
  ev[0] = 23; // ConfigureRequest
  ev.writeUInt32LE(root, 4);
  ev.writeUInt32LE(w, 8);
  ev.writeInt16LE(0, 16); // x
  ev.writeInt16LE(48, 18); // y
  ev.writeUInt16LE(9437, 20); // width
  ev.writeUInt16LE(16246, 22); // height
  ev.writeUInt16LE(0xf, 26); // x, y, width, height
  return ev;
}

test("a forged ConfigureRequest naming Fion's bar does not move or resize it", async () => {
  const c = await TinyClient.open(s.display, { title: 'below the bar' });
  await s.obs.sync();
  const bar = await s.obs.bar();
  const before = await s.obs.geometry(bar);
  const x = await XConnection.connect(s.display);
  x.onError(() => {});
  const root = x.screens[0]!.root;
  const raw = (x as unknown as { c: { SendEvent(dest: number, propagate: number, mask: number, ev: Buffer): void } }).c;
  raw.SendEvent(root, 0, EventMask.SubstructureRedirect, forgedConfigureRequest(root, bar));
  await x.sync();
  await s.obs.sync();
  assert.deepEqual(await s.obs.geometry(bar), before, 'the bar is where Fion put it');
  assert.deepEqual(await checkInvariants(s.obs, { mapped: [c.window] }), []);
  await x.close();
  await c.destroy();
  await c.close();
});
