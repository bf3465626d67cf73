// A client that moves its top-level window into a window of its own and back
// (toolkits do this when docking and undocking): the window it mapped must not
// be lost on the way, whatever Fion was doing with it meanwhile.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openSession, type Session } from '../harness/session.js';
import { checkInvariants } from '../harness/invariants.js';
import { XConnection } from '../../src/x/connection.js';
import type { WindowId } from '../../src/x/types.js';

let s: Session;
let x: XConnection;
before(async () => {
  s = await openSession();
  x = await XConnection.connect(s.display);
  x.onError(() => {});
});
after(async () => {
  await x.close();
  await s.close();
});

const root = (): WindowId => x.screens[0]!.root;
const window = (title: string): WindowId => {
  const w = x.createWindow(x.allocId(), root(), 10, 10, 200, 100, { backgroundPixel: 0x446688 });
  x.changeProperty(w, s.obs.atoms.WM_NAME, s.obs.atoms.STRING, 8, Buffer.from(title, 'latin1'));
  return w;
};

test('a window moved into its own parent right after asking to be mapped is managed when it comes back', async () => {
  const holder = window('holder');
  x.map(holder);
  await x.sync();
  await s.obs.sync();
  const w = window('docked');
  // One batch: by the time Fion looks at the MapRequest, the window is no longer top-level.
  x.map(w);
  x.reparent(w, holder, 5, 5);
  await x.sync();
  await s.obs.sync();
  assert.ok(!(await s.obs.clientList()).includes(w), 'not a top-level window: not managed');
  x.reparent(w, root(), 0, 0);
  await x.sync();
  await s.obs.sync();
  assert.ok((await s.obs.clientList()).includes(w), 'back on the root: managed');
  assert.deepEqual(await checkInvariants(s.obs, { mapped: [holder, w] }), []);
  x.destroyWindow(w);
  x.destroyWindow(holder);
  await x.sync();
});

test('a window Fion hides in a background tab, moved away and back, is not lost', async () => {
  const a = window('tab a');
  const b = window('tab b');
  x.map(a);
  x.map(b);
  await x.sync();
  await s.obs.sync();
  // Two tabs of one tile: the older one is hidden (Iconic).
  const states = [await s.obs.mapState(a), await s.obs.mapState(b)];
  const hidden = states[0] === 'viewable' ? b : a;
  const shown = hidden === a ? b : a;
  assert.equal(await s.obs.mapState(hidden), 'unmapped', 'one tab is hidden by Fion');
  x.reparent(hidden, shown, 5, 5);
  await x.sync();
  await s.obs.sync();
  assert.ok(!(await s.obs.clientList()).includes(hidden), 'not a top-level window: not managed');
  x.reparent(hidden, root(), 0, 0);
  await x.sync();
  await s.obs.sync();
  // Its client never unmapped it: back on the root, it is managed again, not lost.
  assert.ok((await s.obs.clientList()).includes(hidden), 'back on the root: managed again');
  assert.deepEqual(await checkInvariants(s.obs, { mapped: [a, b] }), []);
  x.destroyWindow(a);
  x.destroyWindow(b);
  await x.sync();
});

test('a shown window moved away stays mapped in its new parent (Fion does not unmap it there)', async () => {
  const holder = window('holder 2');
  const w = window('shown');
  x.map(holder);
  await x.sync();
  await s.obs.sync();
  x.map(w);
  await x.sync();
  await s.obs.sync();
  assert.equal(await s.obs.mapState(w), 'viewable');
  x.reparent(w, holder, 5, 5);
  await x.sync();
  await s.obs.sync();
  assert.equal(await s.obs.mapState(w), 'viewable', 'the server maps it again in its new parent; Fion leaves it so');
  assert.ok(!(await s.obs.clientList()).includes(w));
  x.reparent(w, root(), 0, 0);
  await x.sync();
  await s.obs.sync();
  assert.ok((await s.obs.clientList()).includes(w), 'back on the root: managed again');
  assert.deepEqual(await checkInvariants(s.obs, { mapped: [holder, w] }), []);
});
