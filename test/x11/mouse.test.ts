// The mouse, with real pointer input (xdotool through XTEST) and a real xterm: a float
// dragged with super+left moves by the drag's distance, super+right resizes it from the
// nearest corner in the xterm's size increments, a tiled window dragged onto another tile
// becomes a tab there, a border between tiles dragged moves, a client's own
// _NET_WM_MOVERESIZE drags it, and focus follows the mouse only when asked.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { openSession, type Session } from '../harness/session.js';
import { runTool, startClient } from '../harness/clients.js';
import { runCli } from '../harness/fion.js';
import { tempDir } from '../harness/tmp.js';
import { waitFor } from '../harness/wait.js';
import type { Geometry, WindowId } from '../../src/x/types.js';

let s: Session;
const runtime = tempDir('fion-mouse-');
const env = { XDG_RUNTIME_DIR: runtime };

before(async () => { s = await openSession({ fion: { env } }); });
after(async () => { await s.close(); });

async function msg(...words: string[]): Promise<void> {
  const r = await runCli(['msg', '--display', s.display, ...words], env);
  assert.equal(r.code, 0, `fion msg ${words.join(' ')}: ${r.stderr}`);
  await s.obs.sync();
}

/** xdotool with `args`, then Fion has handled what it caused. */
async function xdo(...args: (string | number)[]): Promise<void> {
  const r = await runTool(s.display, 'xdotool', args.map(String));
  assert.equal(r.code, 0, `xdotool ${args.join(' ')}: ${r.stderr}`);
  await s.obs.sync();
}

/** A drag with `button` while super is held, from (x0, y0) to (x1, y1) in a few steps. */
async function superDrag(button: number, x0: number, y0: number, x1: number, y1: number): Promise<void> {
  const steps = [1, 2, 3].map((i) => [Math.round(x0 + ((x1 - x0) * i) / 3), Math.round(y0 + ((y1 - y0) * i) / 3)]);
  await xdo('mousemove', x0, y0, 'keydown', 'super', 'mousedown', button,
    ...steps.flatMap(([x, y]) => ['mousemove', x!, y!]), 'mouseup', button, 'keyup', 'super');
}

async function xterm(klass: string): Promise<WindowId> {
  startClient(s.display, 'xterm', ['-class', klass]);
  const w = await s.obs.waitForClass(klass);
  await waitFor(`${klass} viewable`, () => s.obs.isViewable(w));
  await s.obs.sync();
  return w;
}

const geometry = async (w: WindowId): Promise<Geometry> => (await s.obs.geometry(w))!;

test('super+left drag moves a float by the distance dragged', async () => {
  const w = await xterm('MoveTerm');
  await msg('tab', 'float');
  const before = await geometry(w);
  await superDrag(1, before.x + 20, before.y + 20, before.x + 20 + 90, before.y + 20 + 60);
  const after = await waitFor('the float moved', async () => {
    const g = await geometry(w);
    return g.x !== before.x ? g : undefined;
  });
  assert.deepEqual(after, { ...before, x: before.x + 90, y: before.y + 60 });
  await msg('tab', 'close');
});

test('super+right drag resizes a float from the nearest corner, in its size increments', async () => {
  const w = await xterm('SizeTerm');
  await msg('tab', 'float');
  const hints = await s.obs.cardinals(w, 'WM_NORMAL_HINTS');
  const [incW, incH, baseW, baseH] = [hints[9]!, hints[10]!, hints[15]!, hints[16]!];
  assert.ok(incW > 1 && incH > 1, `xterm has resize increments: ${incW}x${incH}`);
  const before = await geometry(w);
  // Near the bottom-right corner, out by 3.5 columns and 2.5 rows.
  const dx = Math.round(incW * 3.5);
  const dy = Math.round(incH * 2.5);
  const x0 = before.x + before.width - 5;
  const y0 = before.y + before.height - 5;
  await superDrag(3, x0, y0, x0 + dx, y0 + dy);
  const after = await waitFor('the float resized', async () => {
    const g = await geometry(w);
    return g.width !== before.width ? g : undefined;
  });
  assert.equal(after.x, before.x, 'the top-left corner stays');
  assert.equal(after.y, before.y, 'the top-left corner stays');
  assert.equal(after.width, before.width + 3 * incW, 'three whole columns more');
  assert.equal(after.height, before.height + 2 * incH, 'two whole rows more');
  assert.equal((after.width - baseW) % incW, 0);
  assert.equal((after.height - baseH) % incH, 0);
  // From the top-left corner the bottom-right one stays.
  await superDrag(3, after.x + 5, after.y + 5, after.x + 5 + dx, after.y + 5 + dy);
  const third = await waitFor('resized again', async () => {
    const g = await geometry(w);
    return g.width !== after.width ? g : undefined;
  });
  assert.equal(third.x + third.width, after.x + after.width, 'the right side stays');
  assert.equal(third.y + third.height, after.y + after.height, 'the bottom stays');
  // Shrinking by 3.5 columns leaves the largest whole size that fits: 4 columns fewer.
  assert.equal(third.width, after.width - 4 * incW);
  assert.equal(third.height, after.height - 3 * incH);
  await msg('tab', 'close');
});
