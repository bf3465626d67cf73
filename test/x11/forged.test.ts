// Forged events (SendEvent to the root) can name any window: whatever they
// say, Fion's own windows stay where Fion put them.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openSession, type Session } from '../harness/session.js';
import { checkInvariants } from '../harness/invariants.js';
import { TinyClient } from '../harness/tinyclient.js';
import { XConnection } from '../../src/x/connection.js';
import { readFileSync } from 'node:fs';
import { EventMask, type WindowId } from '../../src/x/types.js';

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

/** CPU seconds (user + system) a process has used, from /proc. */
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (USER_HZ 100)
}

test("a forged FION_SYNC naming Fion's own window is not answered back and forth for ever", async () => {
  // The answer to a barrier goes to data[0] with no event mask, that is to the window's
  // creator: to Fion itself when data[0] is one of its windows, which then answered its
  // own answer in a busy loop that never ended.
  await s.obs.sync();
  const check = (await s.obs.cardinals(s.obs.root(), '_NET_SUPPORTING_WM_CHECK'))[0]!;
  const bar = await s.obs.bar();
  const x = await XConnection.connect(s.display);
  x.onError(() => {});
  const root = x.screens[0]!.root;
  const sync = await s.obs.atom('FION_SYNC');
  for (const own of [check, bar]) x.sendClientMessage(root, own as WindowId, sync, [own, 4242], EventMask.SubstructureRedirect);
  await x.sync();
  await s.obs.sync();
  const pid = s.fion.process.pid!;
  const before = cpuSeconds(pid);
  await new Promise((r) => setTimeout(r, 2000));
  const used = cpuSeconds(pid) - before;
  process.stdout.write(`# Fion's CPU over 2 s after the forged barriers: ${used.toFixed(2)} s\n`);
  assert.ok(used < 0.4, `Fion keeps busy (${used.toFixed(2)} s of CPU in 2 s idle): it answers its own answers`);
  await s.obs.sync();
  await x.close();
});
