// "Nothing lost, nothing crashes": a short seeded chaos run through the same
// engine as `npm run chaos`, a 300-window load burst, and a check that the
// invariant checker itself sees what it should.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openSession, type Session } from '../harness/session.js';
import { checkInvariants } from '../harness/invariants.js';
import { TinyClient } from '../harness/tinyclient.js';
import { XConnection } from '../../src/x/connection.js';
import type { WindowId } from '../../src/x/types.js';
import { runChaos, defaultChaosOptions, formatReport } from '../../scripts/chaos/engine.js';
import { rssKiB, startFionOn, type OwnTarget } from '../../scripts/chaos/target.js';

/**
 * Fion bugs the chaos finds and that are not fixed yet: violations matching these are
 * reported (printed apart), not failed. None now: the last two were a window lost to the
 * echo of Fion's own unmap (races.test.ts) and a focus judged before Fion could hear that
 * its window was destroyed (the checker's second barrier).
 */
const KNOWN_BUGS: readonly RegExp[] = [];
/** Every kind of operation runs, forged events included. */
const SKIPPED_OPS: string[] = [];

let s: Session;
let fion: OwnTarget;
before(async () => {
  // Fion without --verbose (the harness's default): under a storm its debug log to a pipe
  // would stall it whenever this busy process reads the pipe late.
  s = await openSession({ startFion: false });
  fion = await startFionOn(s.display);
  await s.obs.sync();
});
after(async () => {
  await fion.stop();
  await s.close();
});

/** Fion's error lines so far: a handler that threw, an uncaught exception. None is expected. */
const errorLines = (): string[] => fion.log().split('\n').filter((l) => /^fion \S+ error: /.test(l));

const unknown = (violations: readonly string[]): string[] => violations.filter((v) => !KNOWN_BUGS.some((re) => re.test(v)));

test('the invariant checker is quiet on a sane display and sees a broken _NET_CLIENT_LIST', async () => {
  const a = await TinyClient.open(s.display, { title: 'one' });
  const b = await TinyClient.open(s.display, { title: 'two' });
  assert.deepEqual(unknown(await checkInvariants(s.obs, { mapped: [a.window, b.window] })), []);
  // Forge the list: a window that does not exist, and a duplicate.
  const list = await s.obs.clientList();
  s.obs.x.changeProperty(s.obs.root(), s.obs.atoms._NET_CLIENT_LIST, s.obs.atoms.WINDOW, 32, [...list, a.window, 0x7ffffff0]);
  const found = await checkInvariants(s.obs);
  assert.ok(found.some((v) => /lists 0x7ffffff0, which no longer exists/.test(v)), found.join('\n'));
  assert.ok(found.some((v) => /more than once/.test(v)), found.join('\n'));
  // Fion rewrites the list when it next changes.
  await a.destroy();
  await b.destroy();
  await a.close();
  await b.close();
  assert.deepEqual(unknown(await checkInvariants(s.obs)), []);
});

test("a client's override-redirect window calling itself fion-bar is not taken for Fion's bar", async () => {
  const a = await TinyClient.open(s.display, { title: 'under a fake bar' });
  // Over the tiles, named like Fion's bar, saying nothing like it.
  const fake = await TinyClient.open(s.display, { class: 'fion-bar', overrideRedirect: true, geometry: { x: 0, y: 100, width: 1280, height: 40 } });
  assert.deepEqual(unknown(await checkInvariants(s.obs, { mapped: [a.window] })), []);
  await fake.close();
  await a.destroy();
  await a.close();
});

test('300 windows mapped in one burst and destroyed in another', { timeout: 120_000 }, async () => {
  const pid = fion.pid;
  await s.obs.sync();
  const before = rssKiB(pid);
  const mib = (k: number | null): string => (k === null ? '?' : `${(k / 1024).toFixed(1)} MiB`);
  let peak = before;
  // Three rounds: RSS that keeps climbing round after round would be a leak, not a warm heap.
  const afterRound: (number | null)[] = [];
  for (let round = 0; round < 3; round++) {
    const x = await XConnection.connect(s.display);
    x.onError(() => {});
    const root = x.screens[0]!.root;
    const ws: WindowId[] = [];
    for (let i = 0; i < 300; i++) {
      const w = x.createWindow(x.allocId(), root, i % 50, i % 40, 100 + i, 80 + i, { backgroundPixel: 0x336699 });
      x.changeProperty(w, s.obs.atoms.WM_NAME, s.obs.atoms.STRING, 8, Buffer.from(`load ${i}`, 'latin1'));
      ws.push(w);
    }
    for (const w of ws) x.map(w);
    await x.sync();
    const mappedViolations = unknown(await checkInvariants(s.obs, { mapped: ws, syncTimeoutMs: 20_000 }));
    const listed = new Set<number>(await s.obs.clientList());
    const p = rssKiB(pid);
    if (p !== null && (peak === null || p > peak)) peak = p;
    for (const w of ws) x.destroyWindow(w);
    await x.sync();
    const destroyedViolations = unknown(await checkInvariants(s.obs, { syncTimeoutMs: 20_000 }));
    const remaining = (await s.obs.clientList()).filter((w) => ws.includes(w as WindowId));
    await x.close();
    afterRound.push(rssKiB(pid));
    assert.equal(ws.filter((w) => listed.has(w)).length, 300, `round ${round}: all 300 windows managed`);
    assert.deepEqual(mappedViolations, [], `round ${round}: with 300 windows mapped`);
    assert.deepEqual(remaining, [], `round ${round}: destroyed windows are no longer listed`);
    assert.deepEqual(destroyedViolations, [], `round ${round}: after destroying them`);
    assert.deepEqual(errorLines(), [], `round ${round}: error lines in Fion's log`);
  }
  const afterRss = afterRound[afterRound.length - 1] ?? null;
  console.log(`Fion RSS, 3 rounds of 300 windows: before ${mib(before)}, peak ${mib(peak)}, ` +
    `after each round ${afterRound.map(mib).join(' / ')}`);
  if (before !== null && afterRss !== null) {
    assert.ok(afterRss < before * 3, `RSS grew from ${mib(before)} to ${mib(afterRss)}`);
  }
});

test('seeded chaos: nothing lost, nothing crashes', { timeout: 120_000 }, async () => {
  const report = await runChaos(fion, defaultChaosOptions({
    seed: 20251125, ops: 5000, seconds: 50, checkEvery: 100, clients: 6, skip: SKIPPED_OPS, known: KNOWN_BUGS
  }));
  console.log(formatReport(report));
  // Bounded by time as well as count: a loaded machine runs fewer ops, never a longer test.
  assert.ok(report.opsDone >= 500, `only ${report.opsDone} ops ran`);
  for (const how of ['move', 'resize', 'border']) assert.ok((report.byKind[`drag.${how}`] ?? 0) > 0, `pointer drags (${how}) ran`);
  assert.deepEqual(report.crashes, [], 'Fion crashed or hung');
  assert.deepEqual(report.violations.map((v) => `after op ${v.op}: ${v.text}`), [], `invariant violations (seed ${report.seed})`);
  assert.ok(process.kill(fion.pid!, 0), 'Fion still runs');
  // A handler that throws is caught and logged, and the loop goes on: only the log shows it.
  assert.deepEqual(errorLines(), [], 'error lines in Fion\'s log');
});
