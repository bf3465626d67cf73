// The direct bindings of the walking skeleton: a terminal, closing a window
// politely or by force, and leaving Fion with every client still visible.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../harness/tmp.js';
import { openSession, type Session } from '../harness/session.js';
import { key } from '../harness/clients.js';
import { TinyClient } from '../harness/tinyclient.js';
import { sleep, waitFor } from '../harness/wait.js';

let s: Session;
const dir = tempDir('fion-bindings-');
const config = join(dir, 'config.yaml');
writeFileSync(config, 'terminal: xterm -class FionTestTerm\n');
before(async () => { s = await openSession({ fion: { args: ['--config', config] } }); });
after(async () => { await s.close(); });

test('win+Return starts the configured terminal, which is managed and focused', async () => {
  await key(s.display, 'super+Return');
  const term = await s.obs.waitForClass('FionTestTerm');
  await s.obs.sync();
  assert.ok((await s.obs.clientList()).includes(term));
  await waitFor('the terminal to have focus', async () => (await s.obs.focus()) === term);
});

test('win+shift+q asks a client that speaks WM_DELETE_WINDOW to close', async () => {
  const c = await TinyClient.open(s.display, { title: 'polite', deleteWindow: 'obey' });
  await s.obs.sync();
  assert.equal(await s.obs.focus(), c.window);
  await key(s.display, 'super+shift+q');
  await waitFor('the client to get WM_DELETE_WINDOW', () => c.deleteRequests === 1);
  await waitFor('the window to be gone', async () => (await s.obs.mapState(c.window)) === 'gone');
  await s.obs.sync();
  assert.ok(!(await s.obs.clientList()).includes(c.window));
});

test('win+shift+q kills a client without WM_DELETE_WINDOW', async () => {
  const c = await TinyClient.open(s.display, { title: 'rude', deleteWindow: false });
  await s.obs.sync();
  await key(s.display, 'super+shift+q');
  await waitFor('the connection to be killed', () => c.closed);
  assert.equal(c.deleteRequests, 0);
  await s.obs.sync();
  assert.ok(!(await s.obs.clientList()).includes(c.window));
});

test('a client that ignores WM_DELETE_WINDOW is killed by a second win+shift+q', async () => {
  const c = await TinyClient.open(s.display, { title: 'stubborn', deleteWindow: 'ignore' });
  await s.obs.sync();
  await key(s.display, 'super+shift+q');
  await waitFor('the polite request', () => c.deleteRequests === 1);
  await s.obs.sync();
  assert.equal(await s.obs.mapState(c.window), 'viewable', 'still there after the polite request');
  await key(s.display, 'super+shift+q');
  await waitFor('the connection to be killed', () => c.closed);
});

test('after 5 s a close is polite again: WM_DELETE_WINDOW, and only a second close within 5 s kills', async () => {
  const c = await TinyClient.open(s.display, { title: 'slow to close', deleteWindow: 'ignore' });
  await s.obs.sync();
  await key(s.display, 'super+shift+q');
  await waitFor('the polite request', () => c.deleteRequests === 1);
  await sleep(5300);
  await key(s.display, 'super+shift+q');
  await waitFor('a second polite request', () => c.deleteRequests === 2);
  await s.obs.sync();
  assert.equal(c.closed, false, 'not killed: the first request was more than 5 s ago');
  assert.equal(await s.obs.mapState(c.window), 'viewable');
  await key(s.display, 'super+shift+q');
  await waitFor('the connection to be killed', () => c.closed);
  assert.equal(c.deleteRequests, 2, 'killed without asking a third time');
});

test('win+shift+e exits Fion and every client stays mapped and visible', async () => {
  const a = await TinyClient.open(s.display, { title: 'a' });
  const b = await TinyClient.open(s.display, { title: 'b' });
  await s.obs.sync();
  assert.equal(await s.obs.mapState(a.window), 'unmapped', 'a is a hidden tab before exit');
  await key(s.display, 'super+shift+e');
  assert.equal(await s.fion.exited, 0);
  for (const c of [a, b]) assert.equal(await s.obs.mapState(c.window), 'viewable');
  const term = (await s.obs.findByClass('FionTestTerm'))[0]!;
  assert.equal(await s.obs.mapState(term), 'viewable');
  assert.deepEqual(await s.obs.findByClass('fion-bar'), [], 'the bar is gone');
  assert.deepEqual(await s.obs.cardinals(s.obs.root(), '_NET_SUPPORTING_WM_CHECK'), []);
  await a.close();
  await b.close();
});
