// Per-monitor scale as a user sees it: two monitors, monitors.scale 2 on the right one. Its
// bar and the tab bars on it are twice as high (the bar's colour counted in pixels), the left
// monitor's unchanged.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openSession, type Session } from '../harness/session.js';
import { startFion } from '../harness/fion.js';
import { xrandr as runXrandr } from '../harness/clients.js';
import { tempDir } from '../harness/tmp.js';
import { waitFor } from '../harness/wait.js';
import { pixels } from '../harness/pixels.js';
import type { Geometry } from '../harness/observer.js';

const BAR = '#010203';

let s: Session;
before(async () => {
  s = await openSession({ xvfb: { screens: [[2560, 800]], extraArgs: ['+extension', 'RANDR'] }, startFion: false });
  await runXrandr(s.display, '--setmonitor', 'LEFT', '1280/338x800/211+0+0', 'screen');
  await runXrandr(s.display, '--setmonitor', 'RIGHT', '1280/338x800/211+1280+0', 'none');
  const config = join(tempDir('fion-scale-'), 'config.yaml');
  writeFileSync(config, `monitors: {scale: {RIGHT: 2}}\ncolors: {bar_background: "${BAR}"}\n`);
  s.fion = await startFion(s.display, { args: ['--config', config] });
});
after(async () => { await s.close(); });

/** Rows from the top down to where the bar's colour ends, in the columns of [x, x + 200):
 *  the longest such run, so a column crossed by the bar's text does not count. */
async function barRows(x: number): Promise<number> {
  const rows = await pixels(s.display, { x, y: 0, width: 200, height: 120 });
  let best = 0;
  for (let c = 0; c < 200; c++) {
    const end = rows.findIndex((r) => r[c] !== BAR);
    best = Math.max(best, end < 0 ? rows.length : end);
  }
  return best;
}

/** Viewable windows of a class, left to right. */
async function windows(klass: string): Promise<Geometry[]> {
  const out: Geometry[] = [];
  for (const w of await s.obs.findByClass(klass)) if (await s.obs.isViewable(w)) out.push((await s.obs.geometry(w))!);
  return out.sort((a, b) => a.x - b.x);
}

test('scale 2 on one monitor: its bar is twice as high, in pixels; the other keeps its own', async () => {
  const bars = await waitFor('a bar on each monitor', async () => { const b = await windows('fion-bar'); return b.length === 2 ? b : null; });
  const [left, right] = bars;
  assert.equal(right!.height, 2 * left!.height, 'the right bar window twice as high');
  // Between the workspace buttons and the status: the bar's background, here and there text.
  assert.equal(await barRows(400), left!.height, "the left bar's colour, as high as the bar");
  assert.equal(await barRows(1280 + 400), 2 * left!.height, "the right bar's colour, twice as high");
});

test("tab bars too: the scaled monitor's is twice as high, below its taller bar", async () => {
  // Each monitor shows an empty workspace: its tile keeps a tab bar, so the user sees where a window lands.
  const tabs = await waitFor('a tab bar on each monitor', async () => { await s.obs.sync(); const t = await windows('fion-tabs'); return t.length === 2 ? t : null; });
  const bars = await windows('fion-bar');
  const [left, right] = tabs;
  assert.ok(left!.x < 1280 && right!.x >= 1280);
  assert.equal(right!.height, 2 * left!.height, 'twice as high');
  assert.deepEqual([left!.y, right!.y], [bars[0]!.height, bars[1]!.height], 'each just below its bar');
});
