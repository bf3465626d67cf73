// A client that grabs the server stops every other client, Fion included,
// for as long as it holds the grab. When it lets go, or dies holding it,
// Fion carries on: the windows mapped meanwhile are managed and keys act.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openSession, type Session } from '../harness/session.js';
import { checkInvariants } from '../harness/invariants.js';
import { TinyClient } from '../harness/tinyclient.js';
import { key } from '../harness/clients.js';
import { waitFor } from '../harness/wait.js';
import { XConnection } from '../../src/x/connection.js';

let s: Session;
before(async () => { s = await openSession(); });
after(async () => { await s.close(); });

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Cut a connection the way a crash does: the socket goes, no goodbye. */
function cut(x: XConnection): void {
  (x as unknown as { c: { stream?: { destroy(): void } } }).c.stream?.destroy();
}

/** A connection for a client that maps a window while the server is grabbed (connecting would wait too). */
async function connect(): Promise<XConnection> {
  const x = await XConnection.connect(s.display);
  x.onError(() => {});
  return x;
}

/** Its map waits in the server until the grab ends. */
async function mapDuringGrab(x: XConnection, title: string): Promise<{ x: XConnection; w: number }> {
  const w = x.createWindow(x.allocId(), x.screens[0]!.root, 0, 0, 300, 200, { backgroundPixel: 0x225588 });
  x.changeProperty(w as never, s.obs.atoms.WM_NAME, s.obs.atoms.STRING, 8, Buffer.from(title, 'latin1'));
  x.map(w as never);
  await x.flush();
  return { x, w };
}

async function afterGrab(w: number, since: number): Promise<void> {
  await s.obs.sync(20_000);
  console.log(`Fion answered ${Date.now() - since} ms after the grab ended`);
  // The client's map waited in the server during the grab; once it ends, the server may
  // take the observer's sync barrier before that map, so the barrier proves nothing about
  // it: wait for the window itself (listed by Fion, and on screen), with a deadline.
  await waitFor('the window mapped during the grab to be managed',
    async () => (await s.obs.clientList()).includes(w as never), 20_000);
  await waitFor('the window mapped during the grab to be on screen',
    async () => (await s.obs.mapState(w as never)) === 'viewable', 20_000);
  await s.obs.sync(20_000);
  // A key binding still acts: super+shift+a creates a workspace, the bar says so.
  const before = await s.obs.barText();
  const pressed = Date.now();
  await key(s.display, 'super+shift+a');
  await waitFor('the key binding to act', async () => (await s.obs.barText()) !== before, 10_000);
  console.log(`a key binding acted ${Date.now() - pressed} ms after it was pressed`);
  assert.deepEqual(await checkInvariants(s.obs, { mapped: [w] }), []);
}

/** A client connection that has grabbed the server. */
async function grabbingClient(): Promise<XConnection> {
  const g = await XConnection.connect(s.display);
  g.onError(() => {});
  g.grabServer();
  await g.sync();
  return g;
}

test('a client holds the server grabbed for three seconds, then lets go', { timeout: 60_000 }, async () => {
  const keep = await TinyClient.open(s.display, { title: 'already there' });
  const client = await connect();
  const g = await grabbingClient();
  const m = await mapDuringGrab(client, 'mapped during a grab');
  await sleep(3000);
  g.ungrabServer();
  await g.sync();
  await afterGrab(m.w, Date.now());
  await g.close();
  await m.x.close();
  await keep.close();
});

test('a client dies holding the server grab', { timeout: 60_000 }, async () => {
  const client = await connect();
  const g = await grabbingClient();
  const m = await mapDuringGrab(client, 'mapped while the grabber died');
  await sleep(1000);
  cut(g);
  await afterGrab(m.w, Date.now());
  await m.x.close();
});
