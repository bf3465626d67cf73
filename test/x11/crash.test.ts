// If Fion dies, no client window dies or disappears with it.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
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

/** Start Fion, hide some windows, send `signal`: a clean exit, every client mapped. */
async function cleanExitOn(signal: NodeJS.Signals): Promise<void> {
  s.fion = await startFion(s.display);
  await s.obs.sync();
  const cs = await layoutWithHiddenWindows();
  s.fion.process.kill(signal);
  assert.equal(await s.fion.exited, 0);
  for (const c of cs) assert.equal(await s.obs.mapState(c.window), 'viewable');
  for (const c of cs) await c.close();
}

test('SIGTERM: Fion exits cleanly and leaves every client mapped', () => cleanExitOn('SIGTERM'));

test('SIGINT (Ctrl-C in the terminal that started it): the same clean exit', () => cleanExitOn('SIGINT'));

test('SIGHUP (the terminal that started it closed): the same clean exit', () => cleanExitOn('SIGHUP'));

test('a log reader that goes away: Fion goes on managing, stays idle, and still exits with its X server', async () => {
  const own = await openSession({ startFion: false });
  try {
    const f = await startFion(own.display); // --verbose: every event is a log line
    // The end that reads Fion's log closes (a terminal or a pipe gone): each write fails with EPIPE.
    f.process.stderr?.destroy();
    f.process.stdout?.destroy();
    const c = await TinyClient.open(own.display, { title: 'after the log is gone' });
    await own.obs.sync();
    assert.equal(await own.obs.mapState(c.window), 'viewable', 'a new window is still managed');
    assert.ok((await own.obs.clientList()).includes(c.window));
    await c.close();
    // Every failed log write must not turn into another log line: idle, Fion stays idle.
    const cpu = (): number => {
      const fields = readFileSync(`/proc/${f.process.pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      return (Number(fields[11]) + Number(fields[12])) / 100; // utime + stime, in clock ticks of 1/100 s
    };
    const before = cpu();
    await new Promise((r) => setTimeout(r, 3000));
    const used = cpu() - before;
    assert.ok(used < 1, `Fion used ${used.toFixed(2)} s of CPU in 3 s of idle after its log reader left`);
    // With its display gone there is nothing left to manage: Fion ends instead of lingering.
    await own.obs.close().catch(() => {});
    await own.xvfb.stop();
    const code = await Promise.race([f.exited, new Promise<string>((r) => setTimeout(() => r('still running 10 s after its X server stopped'), 10_000))]);
    assert.notEqual(code, 'still running 10 s after its X server stopped');
  } finally {
    await own.close();
  }
});
