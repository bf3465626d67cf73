// The socket server on its own (no X): permissions, stale and live sockets, reply order,
// the line cap, dropping a peer that does not read, holding back a flood of requests.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { lstatSync, statSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { IpcServer, SocketBusy, type IpcHandler } from '../../src/ipc/server.js';
import { probeSocket } from '../../src/ipc/paths.js';
import { tempDir } from '../harness/tmp.js';
import { RawPeer } from '../harness/ipc.js';
import { waitFor } from '../harness/wait.js';

const dir = tempDir('fion-ipc-server-');
const servers: IpcServer[] = [];
const peers: RawPeer[] = [];
after(() => { for (const p of peers) p.close(); for (const s of servers) s.close(); });

/** Answers later (as Fion's loop does); `command` echoes its text. */
const handler: IpcHandler = {
  handle(request, reply) {
    const delay = request.type === 'command' && request.command === 'slow' ? 30 : 0;
    setTimeout(() => reply(request.type === 'command' ? { success: true, echo: request.command } : { success: true }), delay);
  },
};

async function serve(name: string, opts = {}): Promise<{ server: IpcServer; path: string }> {
  const path = join(dir, 'fion', `${name}.sock`);
  const server = await IpcServer.listen(path, handler, opts);
  servers.push(server);
  return { server, path };
}
async function peer(path: string): Promise<RawPeer> {
  const p = await RawPeer.open(path);
  peers.push(p);
  return p;
}

test('the folder is 0700 and the socket 0600; closing removes the socket', async () => {
  const { server, path } = await serve('perm');
  assert.equal(statSync(join(dir, 'fion')).mode & 0o777, 0o700);
  assert.equal(lstatSync(path).mode & 0o777, 0o600);
  server.close();
  assert.equal(await probeSocket(path), 'absent');
});

test('a stale socket file is replaced; a live socket is never taken; a non-socket is left alone', async () => {
  const { path } = await serve('live');
  const before = lstatSync(path).ino;
  await assert.rejects(IpcServer.listen(path, handler), SocketBusy);
  assert.equal(lstatSync(path).ino, before);
  // Stale: a socket file whose listener is gone without removing it.
  const stalePath = join(dir, 'fion', 'stale.sock');
  // A process that listens and dies without cleaning up.
  spawnSync(process.execPath, ['-e', `require('net').createServer().listen(${JSON.stringify(stalePath)}, () => process.kill(process.pid, 'SIGKILL'))`]);
  assert.equal(await probeSocket(stalePath), 'stale');
  const { server } = await serve('stale');
  assert.equal(await probeSocket(stalePath), 'live');
  assert.equal((await (await peer(stalePath)).ask({ type: 'version' })).success, true);
  server.close();
  const plain = join(dir, 'fion', 'plain.sock');
  writeFileSync(plain, 'not a socket');
  await assert.rejects(IpcServer.listen(plain, handler), SocketBusy);
});

test('replies keep the order of the requests, even when an earlier one is slower', async () => {
  const { path } = await serve('order');
  const p = await peer(path);
  p.send({ type: 'command', command: 'slow', id: 1 });
  p.send({ type: 'version', id: 2 });
  p.send('garbage');
  p.send({ type: 'subscribe', events: ['focus'], id: 4 });
  const ids = [];
  for (let i = 0; i < 4; i++) ids.push((await p.next()).id);
  assert.deepEqual(ids, [1, 2, undefined, 4]);
});

test('a line over the cap is refused once and skipped; the next line is read', async () => {
  const { path } = await serve('cap', { maxLine: 1000 });
  const p = await peer(path);
  p.send(`{"type":"command","command":"${'x'.repeat(5000)}"}`);
  assert.match(String((await p.next()).error), /longer than 1000 bytes/);
  assert.equal((await p.ask({ type: 'version' })).success, true);
});

test('a subscriber that stops reading is dropped once its backlog passes the cap; the others go on', async () => {
  const { server, path } = await serve('slow', { maxBacklog: 64 * 1024 });
  const lazy = await peer(path);
  const good = await peer(path);
  await lazy.ask({ type: 'subscribe', events: ['title'] });
  await good.ask({ type: 'subscribe', events: ['title'] });
  lazy.socket.pause();
  let sent = 0;
  const big = 'y'.repeat(4096);
  await waitFor('the lazy peer to be dropped', () => {
    // A few at a time: the reading peer keeps up between bursts.
    for (let i = 0; i < 4; i++) { server.broadcast('title', { title: big, n: sent++ }); }
    return server.subscriberCount === 1;
  }, 20000, 1);
  console.log(`# dropped after ${sent} events of 4 KiB`);
  // The reading peer got every one of them, in order.
  for (let i = 0; i < sent; i++) assert.equal((await good.event('title')).n, i);
});

test('a flood of requests is read as fast as it is answered, not faster', async () => {
  const { path } = await serve('flood');
  const p = await peer(path);
  const n = 3000;
  let text = '';
  for (let i = 0; i < n; i++) text += `${JSON.stringify({ type: 'command', command: 'nop', id: i })}\n`;
  p.socket.write(text);
  for (let i = 0; i < n; i++) assert.equal((await p.next()).id, i);
});
