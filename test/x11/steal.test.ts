// A client that keeps taking the focus: Fion takes it back (rate-limited, so a
// fight can't make it spin), and a sync barrier answers only once it has.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openSession, type Session } from '../harness/session.js';
import { checkInvariants } from '../harness/invariants.js';
import { TinyClient } from '../harness/tinyclient.js';
import { key } from '../harness/clients.js';

let s: Session;
before(async () => { s = await openSession(); });
after(async () => { await s.close(); });

test('focus stolen twice in quick succession is back on Fion\'s choice at the next barrier', async () => {
  // Side by side (a hidden tab couldn't take the focus at all).
  const a = await TinyClient.open(s.display, { title: 'thief' });
  await key(s.display, 'super+shift+v');
  await s.obs.sync();
  const b = await TinyClient.open(s.display, { title: 'chosen' });
  await s.obs.sync();
  assert.equal(await s.obs.mapState(a.window), 'viewable');
  assert.equal(await s.obs.focus(), b.window, 'the newest window is focused');
  for (let round = 0; round < 5; round++) {
    a.x.setInputFocus(a.window, 1);
    await a.x.sync();
    a.x.setInputFocus(a.window, 1);
    await a.x.sync();
    await s.obs.sync();
    const f = await s.obs.focus();
    assert.ok(f !== a.window, `round ${round}: the focus was taken back before the barrier answered`);
  }
  assert.deepEqual(await checkInvariants(s.obs, { mapped: [a.window, b.window] }), []);
});

test('focus stolen while Fion holds the keyboard (in a mode) is taken back too', async () => {
  const chosen = await s.obs.focus();
  const thief = (await s.obs.visibleClients()).map((c) => c.window).find((w) => w !== chosen);
  assert.ok(thief !== undefined, 'two windows side by side from the test before');
  const helper = await TinyClient.open(s.display, { title: 'helper', map: false });
  await key(s.display, 'super+w'); // a mode: Fion grabs the keyboard, focus events come WhileGrabbed
  await s.obs.sync();
  helper.x.setInputFocus(thief, 1);
  await helper.x.sync();
  await s.obs.sync();
  assert.equal(await s.obs.focus(), chosen, 'the focus is back on the window Fion chose');
  await key(s.display, 'Escape');
  await s.obs.sync();
  await helper.close();
});
