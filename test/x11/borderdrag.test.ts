// Border drags with real pointer input (xdotool through XTEST): a press and its motion sent
// in one burst, before Fion has seen the press, still drag the border (repeated, since a
// lost burst would show only now and then); with gaps, a press in the gap between two tiles
// (the root window shows there) drags the border between them, and a click in an empty gap
// changes nothing.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openSession, openClient, type Session } from '../harness/session.js';
import { runTool } from '../harness/clients.js';
import { runCli } from '../harness/fion.js';
import { tempDir } from '../harness/tmp.js';
import { waitFor } from '../harness/wait.js';
import type { TinyClient } from '../harness/tinyclient.js';
import type { Geometry } from '../../src/x/types.js';

const INNER = 12;
const OUTER = 6;
const dir = tempDir('fion-borderdrag-');
const config = join(dir, 'config.yaml');
writeFileSync(config, `gaps: {inner: ${INNER}, outer: ${OUTER}, smart: false}\n`);
const env = { XDG_RUNTIME_DIR: dir };

let s: Session;
const open: TinyClient[] = [];
before(async () => { s = await openSession({ fion: { args: ['--config', config], env } }); });
after(async () => { for (const c of open) await c.close(); await s.close(); });

async function msg(...words: string[]): Promise<void> {
  const r = await runCli(['msg', '--display', s.display, ...words], env);
  assert.equal(r.code, 0, `fion msg ${words.join(' ')}: ${r.stderr}`);
  await s.obs.sync();
}

/** xdotool with `args` in one command (one burst of input), then Fion has handled it. */
async function xdo(...args: (string | number)[]): Promise<void> {
  const r = await runTool(s.display, 'xdotool', args.map(String));
  assert.equal(r.code, 0, `xdotool ${args.join(' ')}: ${r.stderr}`);
  await s.obs.sync();
}

const geometry = async (c: TinyClient): Promise<Geometry> => (await s.obs.geometry(c.window))!;

let left: TinyClient;
let right: TinyClient;

/** Where the border between the two tiles is: the middle of the gap between the windows. */
async function borderX(): Promise<number> {
  const [l, r] = [await geometry(left), await geometry(right)];
  return Math.round((l.x + l.width + r.x) / 2);
}

test('a press and its motion in one burst drag the border, every time', async () => {
  left = await openClient(s, open, 'left');
  await msg('tile', 'split', 'vertical');
  right = await openClient(s, open, 'right');
  const l = await geometry(left);
  const y = l.y + Math.floor(l.height / 2);
  // Pressed on the window's edge, 2 px inside it; moved and released in the same burst.
  for (const [i, to] of [500, 760, 420, 700, 560, 820, 460, 640].entries()) {
    const from = (await geometry(left)).x + (await geometry(left)).width - 2;
    await xdo('mousemove', from, y, 'mousedown', 1, 'mousemove', to, y, 'mouseup', 1);
    await waitFor(`burst ${i}: the border at ${to}`, async () => Math.abs((await borderX()) - to) <= 2);
  }
  // Pressed on the right tile's tab bar, 2 px right of the border.
  const bars = await s.obs.tabBars();
  assert.equal(bars.length, 2, 'a tab bar on each tile');
  const by = bars[1]!.geometry.y + Math.floor(bars[1]!.geometry.height / 2);
  for (const [i, to] of [500, 760, 420, 700, 560, 820].entries()) {
    const from = (await s.obs.tabBars())[1]!.geometry.x + 2;
    await xdo('mousemove', from, by, 'mousedown', 1, 'mousemove', to, by, 'mouseup', 1);
    await waitFor(`tab bar burst ${i}: the border at ${to}`, async () => Math.abs((await borderX()) - to) <= 2);
  }
  // Pressed and moved in one burst, released later: the drag is live before the release.
  for (const [i, [to, end]] of [[520, 600], [700, 480], [560, 640], [760, 520]].entries()) {
    const edge = (await geometry(left)).x + (await geometry(left)).width - 2;
    const [from, at] = i % 2 === 0 ? [edge, y] : [(await s.obs.tabBars())[1]!.geometry.x + 2, by];
    await xdo('mousemove', from, at, 'mousedown', 1, 'mousemove', to!, at);
    await waitFor(`live ${i}: the border at ${to}`, async () => Math.abs((await borderX()) - to!) <= 2);
    await xdo('mousemove', end!, at, 'mouseup', 1);
    await waitFor(`released ${i}: the border at ${end}`, async () => Math.abs((await borderX()) - end!) <= 2);
  }
});

test('a press in the gap between two tiles drags the border between them', async () => {
  await runTool(s.display, 'xsetroot', ['-solid', '#123456']);
  const l = await geometry(left);
  const y = l.y + Math.floor(l.height / 2);
  for (const to of [480, 700, 540]) {
    const gap = await borderX();
    const [lg, rg] = [await geometry(left), await geometry(right)];
    assert.ok(lg.x + lg.width < gap && gap < rg.x, `the press at ${gap} is in the gap`);
    await xdo('mousemove', gap, y, 'mousedown', 1, 'mousemove', to, y, 'mouseup', 1);
    await waitFor(`the border at ${to}`, async () => Math.abs((await borderX()) - to) <= 2);
  }
});

test('a click in an empty gap changes nothing and loses no window', async () => {
  const before = [await geometry(left), await geometry(right)];
  const l = before[0]!;
  // The outer gap at the screen's left edge, below the tiles, and a drag started there.
  for (const [x, y] of [[2, l.y + 40], [l.x + 40, l.y + l.height + 3], [1278, l.y + 5]] as const) {
    await xdo('mousemove', x, y, 'click', 1);
    await xdo('mousemove', x, y, 'mousedown', 1, 'mousemove', x + 100, y + 50, 'mouseup', 1);
    await xdo('mousemove', x, y, 'click', 3);
  }
  assert.deepEqual([await geometry(left), await geometry(right)], before);
  assert.ok(await s.obs.isViewable(left.window));
  assert.ok(await s.obs.isViewable(right.window));
});
