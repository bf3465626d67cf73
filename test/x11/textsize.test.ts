// Text sized as a user sees it, read back in pixels: on a monitor of monitors.scale 2 the
// bar's and the tab bar's text is about twice as tall as on the monitor beside it, and still
// anti-aliased; `xrdb -merge` with Xft.dpi 192 at run time makes the anti-aliased text grow
// with the bar, with no X error and no window lost.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openSession, openClient } from '../harness/session.js';
import { startFion } from '../harness/fion.js';
import { runTool, xrandr } from '../harness/clients.js';
import { TinyClient } from '../harness/tinyclient.js';
import { tempDir } from '../harness/tmp.js';
import { waitFor } from '../harness/wait.js';
import { pixels } from '../harness/pixels.js';
import type { Geometry } from '../harness/observer.js';
import { checkInvariants } from '../harness/invariants.js';

const dir = tempDir('fion-textsize-');
/** White text on black everywhere, so every grey is an anti-aliased edge and every
 *  non-black pixel of a strip is text. */
const CONFIG = `font: "DejaVu Sans Mono 10"
bar: {clock: "HH:mm:ss"}
colors:
  bar_background: "#000000"
  bar_foreground: "#ffffff"
  bar_workspace_foreground: "#ffffff"
  bar_current_workspace_background: "#000000"
  bar_current_workspace_foreground: "#ffffff"
  bar_separator: "#000000"
  tab_background: "#000000"
  tab_focused_background: "#000000"
  tab_focused_foreground: "#ffffff"
  tab_foreground: "#ffffff"
  tab_shown_background: "#000000"
  tab_shown_foreground: "#ffffff"
  empty_tile_background: "#000000"
`;

/** The text in a rect: rows from its first to its last non-black pixel, and its greys. */
async function text(display: string, g: Geometry): Promise<{ rows: number; greys: number }> {
  const rows = await pixels(display, g);
  const inked = rows.map((r, y) => (r.some((c) => c !== '#000000') ? y : -1)).filter((y) => y >= 0);
  const greys = new Set(rows.flat().filter((c) => /^#(..)\1\1$/.test(c) && c !== '#000000' && c !== '#FFFFFF'));
  return { rows: inked.length === 0 ? 0 : inked[inked.length - 1]! - inked[0]! + 1, greys: greys.size };
}

/** The clock's end of a bar: its rightmost 250 pixels. */
const clockOf = (bar: Geometry): Geometry => ({ x: bar.x + bar.width - 250, y: bar.y, width: 250, height: bar.height });
/** The workspace buttons' end of a bar. */
const buttonsOf = (bar: Geometry): Geometry => ({ x: bar.x, y: bar.y, width: 60, height: bar.height });

const near2 = (small: number, large: number, what: string): void => {
  assert.ok(small > 0, `${what}: text at scale 1`);
  const r = large / small;
  assert.ok(r >= 1.7 && r <= 2.3, `${what}: ${large} rows against ${small}, ratio ${r.toFixed(2)}, not about 2`);
};

test('monitors.scale 2: the bar and tab bar text is about twice as tall there, and anti-aliased', async (t) => {
  const s = await openSession({ xvfb: { screens: [[2560, 800]], extraArgs: ['+extension', 'RANDR'] }, startFion: false });
  try {
    await xrandr(s.display, '--setmonitor', 'LEFT', '1280/338x800/211+0+0', 'screen');
    await xrandr(s.display, '--setmonitor', 'RIGHT', '1280/338x800/211+1280+0', 'none');
    const config = join(dir, 'scale.yaml');
    writeFileSync(config, `${CONFIG}monitors: {scale: {RIGHT: 2}}\n`);
    s.fion = await startFion(s.display, { args: ['--config', config] });
    const visible = async (klass: string): Promise<Geometry[]> => {
      const out: Geometry[] = [];
      for (const w of await s.obs.findByClass(klass)) if (await s.obs.isViewable(w)) out.push((await s.obs.geometry(w))!);
      return out.sort((a, b) => a.x - b.x);
    };
    const [left, right] = await waitFor('a bar on each monitor', async () => { const b = await visible('fion-bar'); return b.length === 2 ? b : null; });
    assert.equal(right!.height, 2 * left!.height);
    // The clock ticks: read both bars until each shows its text.
    const l = await waitFor('the left clock drawn', async () => { const t = await text(s.display, clockOf(left!)); return t.rows > 0 ? t : null; });
    const r = await waitFor('the right clock drawn', async () => { const t = await text(s.display, clockOf(right!)); return t.rows > 0 ? t : null; });
    t.diagnostic(`clock text rows: ${l.rows} at scale 1, ${r.rows} at scale 2`);
    near2(l.rows, r.rows, 'the clock');
    assert.ok(r.greys >= 8, `the scaled clock anti-aliased: ${r.greys} greys`);
    near2((await text(s.display, buttonsOf(left!))).rows, (await text(s.display, buttonsOf(right!))).rows, 'the workspace buttons');
    // Each monitor's empty workspace keeps a tab bar reading "(empty)".
    const [lt, rt] = await waitFor('a tab bar on each monitor', async () => { await s.obs.sync(); const t = await visible('fion-tabs'); return t.length === 2 ? t : null; });
    const tl = await text(s.display, lt!);
    const tr = await text(s.display, rt!);
    t.diagnostic(`tab bar text rows: ${tl.rows} at scale 1, ${tr.rows} at scale 2`);
    near2(tl.rows, tr.rows, 'the tab bar');
    assert.ok(tr.greys >= 8, `the scaled tab bar anti-aliased: ${tr.greys} greys`);
    assert.match(s.fion.log(), /at 13\.3 px, anti-aliased.*\n(.*\n)*.*at 26\.7 px \(monitor scale 2\)/, 'a second size opened for the scaled monitor');
  } finally {
    await s.close();
  }
});

test('Xft.dpi 192 at run time: the anti-aliased text grows with the bar; no X error, nothing lost', async (t) => {
  const config = join(dir, 'dpi.yaml');
  writeFileSync(config, CONFIG);
  const s = await openSession({ fion: { args: ['--config', config] } });
  const open: TinyClient[] = [];
  try {
    const a = await openClient(s, open, 'alpha');
    const b = await openClient(s, open, 'beta');
    const bar = (await s.obs.geometry(await s.obs.bar()))!;
    const before = await waitFor('the clock drawn', async () => { const t = await text(s.display, clockOf(bar)); return t.rows > 0 ? t : null; });
    const file = join(dir, 'dpi-192');
    writeFileSync(file, 'Xft.dpi: 192\n');
    const r = await runTool(s.display, 'xrdb', ['-merge', file]);
    assert.equal(r.code, 0, r.stderr);
    const big = await waitFor('the bar twice as high', async () => { const g = (await s.obs.geometry(await s.obs.bar()))!; return g.height === 2 * bar.height ? g : null; });
    // The clock ticks every second: wait for a tick drawn at the new size.
    const after = await waitFor('the clock drawn larger', async () => { const t = await text(s.display, clockOf(big)); return t.rows >= 1.7 * before.rows ? t : null; });
    t.diagnostic(`clock text rows: ${before.rows} at 96 dpi, ${after.rows} at 192`);
    near2(before.rows, after.rows, 'the clock after Xft.dpi 192');
    assert.ok(after.greys >= 8, `still anti-aliased: ${after.greys} greys`);
    const tabs = (await s.obs.tabBars())[0]!;
    assert.ok((await text(s.display, tabs.geometry)).rows >= 1.7 * before.rows, 'the tab bar text larger too');
    const log = s.fion.log();
    assert.match(log, /at 26\.7 px, anti-aliased/, 'the faces opened again at the new size');
    assert.doesNotMatch(log, /X error|error:/, 'no X error');
    assert.deepEqual(await checkInvariants(s.obs, { mapped: [a.window, b.window] }), [], 'nothing lost');
  } finally {
    for (const c of open) await c.close().catch(() => {});
    await s.close();
  }
});
