// If Fion dies, no client window dies or disappears with it.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { openSession, type Session } from '../harness/session.js';
import { startFion } from '../harness/fion.js';
import { TinyClient } from '../harness/tinyclient.js';
import { key } from '../harness/clients.js';

let s: Session;
before(async () => { s = await openSession(); });
after(async () => { await s.close(); });

async function layoutWithHiddenWindows(): Promise<TinyClient[]> {
  // Two tabs in one tile (one hidden), then a second workspace holding the rest (hidden too).
  const cs = [await TinyClient.open(s.display, { title: 'one' }), await TinyClient.open(s.display, { title: 'two' })];
  await key(s.display, 'super+shift+a'); // workspace create
  await s.obs.sync();
  cs.push(await TinyClient.open(s.display, { title: 'three' }));
  await s.obs.sync();
  const states = await Promise.all(cs.map((c) => s.obs.mapState(c.window)));
  assert.deepEqual(states, ['unmapped', 'unmapped', 'viewable'], 'two windows are hidden by Fion');
  return cs;
}

test('SIGKILL: the save-set maps every client again', async () => {
  const cs = await layoutWithHiddenWindows();
  s.fion.process.kill('SIGKILL');
  await s.fion.exited;
  await s.obs.x.sync();
  for (const c of cs) assert.equal(await s.obs.mapState(c.window), 'viewable', `window ${c.window} mapped`);
  for (const c of cs) await c.close();
});

test('SIGTERM: Fion exits cleanly and leaves every client mapped', async () => {
  s.fion = await startFion(s.display);
  await s.obs.sync();
  const cs = await layoutWithHiddenWindows();
  s.fion.process.kill('SIGTERM');
  assert.equal(await s.fion.exited, 0);
  for (const c of cs) assert.equal(await s.obs.mapState(c.window), 'viewable');
  for (const c of cs) await c.close();
});

test('SIGINT (Ctrl-C in the terminal that started it): the same clean exit', async () => {
  s.fion = await startFion(s.display);
  await s.obs.sync();
  const cs = await layoutWithHiddenWindows();
  s.fion.process.kill('SIGINT');
  assert.equal(await s.fion.exited, 0);
  for (const c of cs) assert.equal(await s.obs.mapState(c.window), 'viewable');
  for (const c of cs) await c.close();
});
