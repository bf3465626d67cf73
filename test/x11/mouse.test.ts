// The mouse, with real pointer input (xdotool through XTEST) and a real xterm: a float
// dragged with super+left moves by the drag's distance, super+right resizes it from the
// nearest corner in the xterm's size increments, a tiled window dragged onto another tile
// becomes a tab there, a border between tiles dragged moves, a client's own
// _NET_WM_MOVERESIZE drags it, and focus follows the mouse only when asked.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { openSession, pressKeys, type Session } from '../harness/session.js';
import { runTool, startClient } from '../harness/clients.js';
import { runCli } from '../harness/fion.js';
import { tempDir } from '../harness/tmp.js';
import { waitFor } from '../harness/wait.js';
import { TinyClient } from '../harness/tinyclient.js';
import { EventMask, MoveResizeDirection } from '../../src/x/protocol.js';
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

test('super+left drag of a tiled window onto another tile makes it a tab there', async () => {
  const left = await xterm('LeftTerm');
  await msg('tile', 'split', 'vertical');
  const right = await xterm('RightTerm');
  const [lg, rg] = [await geometry(left), await geometry(right)];
  assert.ok(lg.x < 640 && rg.x >= 640, 'side by side');
  await superDrag(1, lg.x + 50, lg.y + 50, rg.x + 50, rg.y + 80);
  await waitFor('the left xterm in the right tile', async () => (await geometry(left)).x >= 640);
  assert.equal(await s.obs.isViewable(right), false, 'the right tile shows the dropped window; its own is a hidden tab');
  const bars = await s.obs.tabBars();
  assert.equal(bars.length, 2);
  assert.equal(countTabs(bars[0]!.text), 0, 'the left tile is empty');
  assert.equal(countTabs(bars[1]!.text), 2, 'the right tile has both');
  // Dropped back on its own tile: nothing changes.
  const at = await geometry(left);
  await superDrag(1, at.x + 50, at.y + 50, at.x + 150, at.y + 100);
  assert.deepEqual(await geometry(left), at);
});

/** Tabs in a tab bar's text: one title per tab, "xterm" here. */
const countTabs = (text: string): number => (text.match(/xterm/g) ?? []).length;

test('dragging the border between two tiles by their tab bars resizes them live', async () => {
  const bars = await s.obs.tabBars();
  assert.equal(bars.length, 2);
  const [l, r] = [bars[0]!.geometry, bars[1]!.geometry];
  const border = r.x;
  const y = l.y + Math.floor(l.height / 2);
  // Pressed 2 px right of the border and moved in one burst, no modifier; released at x = 400.
  await xdo('mousemove', border + 2, y, 'mousedown', 1, 'mousemove', 500, y);
  // The press itself may move the border a pixel or two first: wait for it to reach 500.
  const live = await waitFor('the border follows the pointer', async () => {
    const b = await s.obs.tabBars();
    return Math.abs(b[0]!.geometry.width - 498) <= 2 ? b : undefined;
  }, 15000);
  assert.ok(Math.abs(live[0]!.geometry.width - 498) <= 2, `live at about 500: ${live[0]!.geometry.width}`);
  await xdo('mousemove', 400, y, 'mouseup', 1);
  const after = await waitFor('the border at 400', async () => {
    const b = await s.obs.tabBars();
    return Math.abs(b[1]!.geometry.x - 400) <= 2 ? b : undefined;
  });
  assert.ok(Math.abs(after[0]!.geometry.width - 400) <= 2);
  // A press in the middle of a tab bar is a click, not a border drag.
  await xdo('mousemove', 200, y, 'mousedown', 1, 'mousemove', 300, y, 'mouseup', 1);
  assert.equal((await s.obs.tabBars())[1]!.geometry.x, after[1]!.geometry.x);
});

test('a client drags itself with _NET_WM_MOVERESIZE: move, resize from a corner, cancel', async () => {
  await msg('tile', 'kill');
  const c = await TinyClient.open(s.display, { title: 'self-mover' });
  await s.obs.sync();
  await msg('tab', 'float');
  const root = s.obs.root();
  const mask = EventMask.SubstructureRedirect | EventMask.SubstructureNotify;
  const ask = async (x: number, y: number, direction: number): Promise<void> => {
    c.x.sendClientMessage(root, c.window, c.atoms._NET_WM_MOVERESIZE, [x, y, direction, 1, 1], mask);
    await c.x.sync();
    await s.obs.sync();
    await s.obs.sync(); // the drag's pointer grab, taken once its pointer query came back, holds
  };
  const g0 = await geometry(c.window);
  // The button goes down in the window, as on a title bar; the client then asks for a move.
  await xdo('mousemove', g0.x + 10, g0.y + 10, 'mousedown', 1);
  await ask(g0.x + 10, g0.y + 10, MoveResizeDirection.Move);
  await xdo('mousemove', g0.x + 60, g0.y + 40, 'mousemove', g0.x + 110, g0.y + 70, 'mouseup', 1);
  const g1 = await waitFor('moved by the client', async () => {
    const g = await geometry(c.window);
    return g.x !== g0.x ? g : undefined;
  });
  assert.deepEqual(g1, { ...g0, x: g0.x + 100, y: g0.y + 60 });
  // From the bottom-right corner: the top-left one stays.
  const cx = g1.x + g1.width - 2;
  const cy = g1.y + g1.height - 2;
  await xdo('mousemove', cx, cy, 'mousedown', 1);
  await ask(cx, cy, MoveResizeDirection.SizeBottomRight);
  await xdo('mousemove', cx + 40, cy + 30, 'mouseup', 1);
  const g2 = await waitFor('resized by the client', async () => {
    const g = await geometry(c.window);
    return g.width !== g1.width ? g : undefined;
  });
  assert.deepEqual(g2, { ...g1, width: g1.width + 40, height: g1.height + 30 });
  // Cancelled: the drag stops where it is, later motion does nothing.
  await xdo('mousemove', g2.x + 10, g2.y + 10, 'mousedown', 1);
  await ask(g2.x + 10, g2.y + 10, MoveResizeDirection.Move);
  await xdo('mousemove', g2.x + 30, g2.y + 10);
  await ask(0, 0, MoveResizeDirection.Cancel);
  const g3 = await geometry(c.window);
  await xdo('mousemove', g2.x + 200, g2.y + 10, 'mouseup', 1);
  assert.deepEqual(await geometry(c.window), g3, 'nothing after the cancel');
  assert.ok((await s.obs.cardinals(root, '_NET_SUPPORTED')).includes(c.atoms._NET_WM_MOVERESIZE), 'advertised');
  // _NET_MOVERESIZE_WINDOW: x and width given (flags bits 8 and 10), y and height kept.
  c.x.sendClientMessage(root, c.window, c.atoms._NET_MOVERESIZE_WINDOW, [(1 << 8) | (1 << 10), 50, 0, 300, 0], mask);
  await c.x.sync();
  await waitFor('placed by _NET_MOVERESIZE_WINDOW', async () => (await geometry(c.window)).x === 50);
  assert.deepEqual(await geometry(c.window), { ...g3, x: 50, width: 300 });
  await c.close();
});

test('the float mode: arrows move the focused float, shift+arrows resize it, Escape leaves', async () => {
  const c = await TinyClient.open(s.display, { title: 'keyed' });
  await s.obs.sync();
  await msg('tab', 'float');
  const g0 = await geometry(c.window);
  await pressKeys(s, 'super+g', 'Right', 'Down', 'shift+Right', 'shift+Up', 'Escape');
  assert.deepEqual(await geometry(c.window), { ...g0, x: g0.x + 20, y: g0.y + 20, width: g0.width + 20, height: g0.height - 20 });
  await pressKeys(s, 'Right');
  assert.equal((await geometry(c.window)).x, g0.x + 20, 'out of the mode, the arrows do nothing to it');
  await c.close();
});
