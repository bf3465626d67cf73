// The status bar: one per screen, its text published in _NET_WM_NAME, its
// clock changing on every second boundary with no X events at all.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { openSession, type Session } from '../harness/session.js';
import { sleep } from '../harness/wait.js';

let s: Session;
before(async () => { s = await openSession({ xvfb: { screens: [[1024, 768], [800, 600]] } }); });
after(async () => { await s.close(); });

test('a bar sits at the top of every screen, with WM_CLASS fion-bar, fion', async () => {
  for (const [screen, width] of [[0, 1024], [1, 800]] as const) {
    const bar = await s.obs.bar(screen);
    const g = (await s.obs.geometry(bar))!;
    assert.equal(g.x, 0);
    assert.equal(g.y, 0);
    assert.equal(g.width, width);
    assert.ok(g.height >= 10 && g.height <= 40, `bar height ${g.height}`);
    assert.deepEqual(await s.obs.wmClass(bar), { instance: 'fion-bar', class: 'fion' });
    assert.equal(await s.obs.mapState(bar), 'viewable');
    const text = await s.obs.barText(screen);
    assert.match(text, /\[\d+\]/, 'the shown workspace, in brackets');
    assert.match(text, /tile 1\/1/);
  }
});

test('the bar shows the time, and the clock ticks on each second boundary without any X event', async () => {
  const bar = await s.obs.bar(0);
  const clock = /(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d)$/;
  // Sample every 20 ms for 3.5 s. A sample asked for at wall time T that still
  // shows an older second, when T is already more than 100 ms past the next
  // second's boundary, is a late tick. (Samples are checked against the time they
  // were asked for, so a slow reply can only hide lateness, never invent it.)
  // Lateness is printed, not asserted: a GC pause or a loaded machine makes it, in
  // Fion or in this test. A second skipped or shown twice is asserted.
  // A second this test never had the chance to see (it got no CPU for 500 ms between two
  // samples, on a loaded machine) is not counted as skipped.
  const seen: { t: string; gapBefore: number }[] = [];
  const late: string[] = [];
  const end = Date.now() + 3500;
  let lastAnswer = Date.now();
  while (Date.now() < end) {
    const askedAt = Date.now();
    const t = clock.exec((await s.obs.text(bar)) ?? '')?.[1];
    assert.ok(t !== undefined, 'the bar ends in a yyyy-MM-dd HH:mm:ss clock');
    const shown = Date.parse(t.replace(' ', 'T'));
    const wallSecond = askedAt - (askedAt % 1000);
    if (shown < wallSecond && askedAt % 1000 > 100) late.push(`${t} still shown at +${askedAt % 1000} ms`);
    if (seen.at(-1)?.t !== t) seen.push({ t, gapBefore: askedAt - lastAnswer });
    lastAnswer = Date.now();
    await sleep(20);
  }
  console.log(late.length === 0 ? 'clock: each second appeared within 100 ms of its boundary'
    : `clock: ${late.length} late sample(s), the first: ${late.slice(0, 3).join(', ')}`);
  assert.ok(seen.length >= 3, `saw ${seen.length} distinct seconds`);
  for (let i = 1; i < seen.length; i++) {
    const prev = Date.parse(seen[i - 1]!.t.replace(' ', 'T'));
    const cur = Date.parse(seen[i]!.t.replace(' ', 'T'));
    if (cur - prev > 1000 && seen[i]!.gapBefore > 500) continue;
    assert.equal(cur - prev, 1000, `no second skipped or repeated: ${seen[i - 1]!.t} -> ${seen[i]!.t}`);
  }
  // And the shown time is the real local time.
  const shown = Date.parse(seen.at(-1)!.t.replace(' ', 'T'));
  assert.ok(Math.abs(shown - Date.now()) < 2000);
});
