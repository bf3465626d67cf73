// `float above|below|normal` with real xterms, the stacking read with xwininfo: a float kept
// below stays under a newer float even when it takes the focus, one kept above stays over
// another that is clicked, and `normal` lets the focus raise it again. The client is told
// (_NET_WM_STATE_BELOW, read with xprop).
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { openSession, type Session } from '../harness/session.js';
import { runTool, startClient } from '../harness/clients.js';
import { runCli } from '../harness/fion.js';
import { tempDir } from '../harness/tmp.js';
import { waitFor } from '../harness/wait.js';
import type { WindowId } from '../../src/x/types.js';

let s: Session;
const runtime = tempDir('fion-layers-');
const env = { XDG_RUNTIME_DIR: runtime };

before(async () => { s = await openSession({ fion: { env } }); });
after(async () => { await s.close(); });

async function msg(...words: string[]): Promise<void> {
  const r = await runCli(['msg', '--display', s.display, ...words], env);
  assert.equal(r.code, 0, `fion msg ${words.join(' ')}: ${r.stderr}`);
  await s.obs.sync();
}

async function xterm(klass: string): Promise<WindowId> {
  startClient(s.display, 'xterm', ['-class', klass]);
  const w = await s.obs.waitForClass(klass);
  await waitFor(`${klass} viewable`, () => s.obs.isViewable(w));
  await s.obs.sync();
  return w;
}

/** The root's children from the top down, as xwininfo lists them. */
async function topDown(): Promise<number[]> {
  const r = await runTool(s.display, 'xwininfo', ['-root', '-children']);
  assert.equal(r.code, 0, r.stderr);
  return [...r.stdout.matchAll(/^\s+(0x[0-9a-f]+) /gm)].map((m) => Number.parseInt(m[1]!, 16));
}

async function isOver(a: WindowId, b: WindowId): Promise<boolean> {
  const list = await topDown();
  assert.ok(list.includes(a) && list.includes(b), 'both are children of the root');
  return list.indexOf(a) < list.indexOf(b);
}

async function states(w: WindowId): Promise<string> {
  const r = await runTool(s.display, 'xprop', ['-id', String(w), '_NET_WM_STATE']);
  return r.stdout;
}

/** A click into `w`: the left float (`low`) near its left edge, the right one near its right
 *  edge, where the other does not cover it. */
async function click(w: WindowId, side: 'left' | 'right'): Promise<void> {
  const g = (await s.obs.geometry(w))!;
  const x = side === 'left' ? g.x + 30 : g.x + g.width - 30;
  await runTool(s.display, 'xdotool', ['mousemove', String(x), String(g.y + 30), 'click', '1']);
  await s.obs.sync();
}

test('float below keeps a float under the others; float above keeps it over; normal lets go', async () => {
  const low = await xterm('LowTerm');
  await msg('tab', 'float');
  await msg('float', 'move', 'left', '150');
  const high = await xterm('HighTerm');
  await msg('tab', 'float');
  assert.ok(await isOver(high, low), 'the newer float starts on top');
  // Focus the older one: it comes up.
  await click(low, 'left');
  assert.equal(await s.obs.focus(), low);
  assert.ok(await isOver(low, high), 'the focused float comes up');
  await msg('float', 'below');
  assert.ok(await isOver(high, low), 'kept below, under the other float though focused');
  assert.match(await states(low), /_NET_WM_STATE_BELOW/);
  await click(low, 'left');
  assert.ok(await isOver(high, low), 'a click does not raise it');
  await msg('float', 'below', 'toggle');
  assert.doesNotMatch(await states(low), /_NET_WM_STATE_BELOW/);
  // Above: clicking the other float leaves it under.
  await msg('float', 'above');
  await click(high, 'right');
  assert.equal(await s.obs.focus(), high);
  assert.ok(await isOver(low, high), 'kept above, over the focused float');
  await click(low, 'left');
  await msg('float', 'normal');
  await click(high, 'right');
  assert.ok(await isOver(high, low), 'normal again: the clicked float comes up');
});
