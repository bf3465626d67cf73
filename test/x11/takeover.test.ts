// Becoming the window manager, refusing to fight another, and --replace.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { openSession, type Session } from '../harness/session.js';
import { runFion, startFion } from '../harness/fion.js';
import { waitFor } from '../harness/wait.js';
import { TinyClient } from '../harness/tinyclient.js';

let s: Session;
before(async () => { s = await openSession(); });
after(async () => { await s.close(); });

test('Fion owns WM_S0 and names itself through _NET_SUPPORTING_WM_CHECK', async () => {
  const check = (await s.obs.cardinals(s.obs.root(), '_NET_SUPPORTING_WM_CHECK'))[0];
  assert.ok(check, 'root has _NET_SUPPORTING_WM_CHECK');
  assert.equal(await s.obs.text(check as never), 'fion');
  const owner = await s.obs.x.getSelectionOwner(await s.obs.atom('WM_S0'));
  assert.equal(owner, check);
});

test('a second Fion refuses to start with a one-line message and status 1', async () => {
  const second = runFion(s.display, { args: [] });
  assert.equal(await second.exited, 1);
  const lines = second.log().trim().split('\n').filter((l) => l.startsWith('fion:'));
  assert.deepEqual(lines, [`fion: another window manager is already running on ${s.display}`]);
  assert.doesNotMatch(second.log(), /\bat .*\.js:\d+/, 'no stack trace');
});

test('--replace takes over and the old Fion steps aside, keeping every window', async () => {
  const c = await TinyClient.open(s.display, { title: 'survivor' });
  await s.obs.sync();
  assert.equal(await s.obs.mapState(c.window), 'viewable');
  const old = s.fion;
  const next = await startFion(s.display, { args: ['--replace'] });
  assert.equal(await old.exited, 0, 'the replaced Fion exits cleanly');
  s.fion = next;
  await s.obs.sync();
  assert.equal(await s.obs.mapState(c.window), 'viewable');
  assert.ok((await s.obs.clientList()).includes(c.window), 'the new Fion manages the window');
  // And the other way round: the new one gives way to yet another --replace.
  const third = await startFion(s.display, { args: ['--replace'] });
  assert.equal(await next.exited, 0);
  s.fion = third;
  await s.obs.sync();
  await waitFor('window managed by the third Fion', async () => (await s.obs.clientList()).includes(c.window));
  await c.close();
});
