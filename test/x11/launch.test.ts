// A program Fion starts opens its window where it was started from: an xterm that maps a
// second after `exec`, while the user has moved to another workspace, lands on the first
// one, which is marked urgent, and the focus stays with the user. A window of a process
// Fion did not start lands where the user is.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { openSession, type Session } from '../harness/session.js';
import { runCli } from '../harness/fion.js';
import { startClient } from '../harness/clients.js';
import { tempDir } from '../harness/tmp.js';
import { waitFor } from '../harness/wait.js';
import type { WindowId } from '../../src/x/types.js';

const env = { XDG_RUNTIME_DIR: tempDir('fion-launch-run-') };
let s: Session;
after(async () => { await s?.close(); });

async function msg(command: string): Promise<void> {
  const r = await runCli(['msg', '--display', s.display, '--', command], env);
  assert.equal(r.code, 0, r.stderr);
}

const desktop = async (w: WindowId): Promise<number | undefined> => (await s.obs.cardinals(w, '_NET_WM_DESKTOP'))[0];
async function demandsAttention(w: WindowId): Promise<boolean> {
  const attention = await s.obs.atom('_NET_WM_STATE_DEMANDS_ATTENTION');
  return (await s.obs.cardinals(w, '_NET_WM_STATE')).includes(attention);
}
const managed = async (instance: string): Promise<WindowId | null> => {
  const list = await s.obs.clientList();
  for (const w of list) if ((await s.obs.wmClass(w)).instance === instance) return w;
  return null;
};

test('a late window of an exec lands on the workspace it was started from, marked urgent; an unrelated one lands here', async () => {
  s = await openSession({ fion: { env } });
  // The user moves on at once, long before the xterm maps (one message: no race).
  await msg(`exec sh -c 'sleep 1; exec xterm -name late'; workspace create elsewhere`);
  const late = await waitFor('the late xterm to be managed', () => managed('late'), 15000);
  await s.obs.sync();
  assert.equal(await desktop(late), 0, 'on the workspace the exec ran on');
  assert.equal(await s.obs.isViewable(late), false, 'not shown: the user is elsewhere');
  assert.ok(await demandsAttention(late), 'its workspace is marked urgent');
  assert.match(await s.obs.barText(), /elsewhere/);
  assert.notEqual(await s.obs.focusedTopLevel(), late, 'the focus stays where the user is');

  // Started by the test, not by Fion: nothing to do with that launch.
  startClient(s.display, 'xterm', ['-name', 'plain']);
  const plain = await waitFor('the plain xterm to be managed', () => managed('plain'), 15000);
  await s.obs.sync();
  assert.equal(await desktop(plain), 1, 'on the workspace the user is on');
  assert.equal(await s.obs.isViewable(plain), true);
  assert.equal(await demandsAttention(plain), false);
});
