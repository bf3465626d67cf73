// Start-up against a display that drops connections: a server going away where a new one
// comes up (a display manager restarting X) once made Fion die with only "fion: write
// EPIPE" in its log. A dropped handshake is tried again; a display that keeps dropping
// fails with a message naming it.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import { startXvfb, type Xvfb } from '../harness/xvfb.js';
import { runCli, runFion, stopAllFions } from '../harness/fion.js';
import { Observer } from '../harness/observer.js';
import { waitFor } from '../harness/wait.js';

let xvfb: Xvfb | null = null;
const servers: net.Server[] = [];
after(async () => {
  await stopAllFions();
  for (const s of servers) s.close();
  await xvfb?.stop();
});

/** A TCP display in front of `unixSocket` that drops the first `drop` connections. */
async function front(drop: number, unixSocket: string | null): Promise<{ display: string; dropped: () => number }> {
  let dropped = 0;
  const server = net.createServer((c) => {
    if (dropped < drop || unixSocket === null) {
      // Closed plainly or reset, in turn: the client then reads an end, or gets EPIPE/ECONNRESET.
      if (dropped++ % 2 === 0) c.resetAndDestroy();
      else c.destroy();
      return;
    }
    const x = net.createConnection(unixSocket);
    c.pipe(x).pipe(c);
    c.on('error', () => x.destroy());
    x.on('error', () => c.destroy());
  });
  servers.push(server);
  // A port above 6000, so the display number is port - 6000.
  for (let port = 6100 + Math.floor(Math.random() * 800); ; port++) {
    const ok = await new Promise<boolean>((resolve) => {
      server.once('error', () => resolve(false));
      server.listen(port, '127.0.0.1', () => resolve(true));
    });
    if (ok) return { display: `127.0.0.1:${port - 6000}`, dropped: () => dropped };
  }
}

test('a display that drops the first connections: Fion tries again and manages it', async () => {
  xvfb = await startXvfb();
  const f = await front(2, `/tmp/.X11-unix/X${xvfb.display.slice(1)}`);
  const fion = runFion(f.display);
  const obs = await Observer.open(xvfb.display);
  try {
    await waitFor('Fion owning the display', async () => (await obs.cardinals(obs.root(), '_NET_SUPPORTING_WM_CHECK')).length > 0, 10000);
    assert.equal(f.dropped(), 2);
    assert.doesNotMatch(fion.log(), /EPIPE|ECONNRESET|cannot connect/);
  } finally {
    await obs.close();
  }
});

test('a display that drops every connection: exit 1 with a message naming it, soon', async () => {
  const f = await front(Infinity, null);
  const t0 = Date.now();
  const r = await runCli(['--display', f.display]);
  assert.equal(r.code, 1);
  assert.match(r.stderr, new RegExp(`^fion: cannot connect to X display ${f.display.replace(/\./g, '\\.')}: `));
  assert.ok(f.dropped() >= 2 && f.dropped() <= 5, `${f.dropped()} tries`);
  assert.ok(Date.now() - t0 < 8000, 'gives up within seconds');
});
