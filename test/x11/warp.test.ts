// The pointer follows the focus to another monitor (mouse.warp), on two RandR monitors of a
// wide Xvfb: focus moved by a key or by `fion msg` to the other monitor brings the pointer
// (xdotool getmouselocation) into the window focused there, or into the empty monitor; with
// mouse.warp off the pointer stays where it was.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openSession, pressKeys, openClient, type Session } from '../harness/session.js';
import { runCli, startFion } from '../harness/fion.js';
import { runTool, xrandr } from '../harness/clients.js';
import { TinyClient } from '../harness/tinyclient.js';
import { tempDir } from '../harness/tmp.js';
import { waitFor } from '../harness/wait.js';
import type { Geometry } from '../harness/observer.js';

let s: Session;
const open: TinyClient[] = [];
const dir = tempDir('fion-warp-');
const env = { XDG_RUNTIME_DIR: dir };

function config(warp: boolean): string {
  const file = join(dir, `warp-${String(warp)}.yaml`);
  writeFileSync(file, `mouse: {warp: ${String(warp)}}\nbindings:\n  super+F3: monitor next\n`);
  return file;
}

before(async () => {
  s = await openSession({ xvfb: { screens: [[2560, 800]], extraArgs: ['+extension', 'RANDR'] }, startFion: false });
  await xrandr(s.display, '--setmonitor', 'LEFT', '1280/338x800/211+0+0', 'screen');
  await xrandr(s.display, '--setmonitor', 'RIGHT', '1280/338x800/211+1280+0', 'none');
  s.fion = await startFion(s.display, { args: ['--config', config(true)], env });
});
after(async () => { for (const c of open) await c.close(); await s.close(); });

async function msg(...words: string[]): Promise<void> {
  const r = await runCli(['msg', '--display', s.display, ...words], env);
  assert.equal(r.code, 0, `fion msg ${words.join(' ')}: ${r.stderr}`);
  await s.obs.sync();
}

async function pointer(): Promise<{ x: number; y: number }> {
  const r = await runTool(s.display, 'xdotool', ['getmouselocation']);
  const m = /x:(\d+) y:(\d+)/.exec(r.stdout);
  assert.ok(m !== null, r.stdout);
  return { x: Number(m[1]), y: Number(m[2]) };
}

const inside = (p: { x: number; y: number }, g: Geometry): boolean =>
  p.x >= g.x && p.x < g.x + g.width && p.y >= g.y && p.y < g.y + g.height;
const geometry = async (c: TinyClient): Promise<Geometry> => (await s.obs.geometry(c.window))!;

/** The pointer comes to rest inside `g` (the warp follows the render it is asked from). */
const pointerInto = (what: string, g: Geometry): Promise<unknown> =>
  waitFor(`the pointer in ${what}`, async () => { await s.obs.sync(); return inside(await pointer(), g); });

let left: TinyClient;
let right: TinyClient;

test('on: focus moved to the other monitor takes the pointer into the focused window', async () => {
  left = await openClient(s, open, 'left');
  const lg = await geometry(left);
  assert.ok(lg.x + lg.width <= 1280, 'on the left monitor');
  await runTool(s.display, 'xdotool', ['mousemove', String(lg.x + 20), String(lg.y + 20)]);
  // To the empty right monitor by command: the pointer goes there.
  await msg('monitor', 'next');
  await pointerInto('the right monitor', { x: 1280, y: 0, width: 1280, height: 800 });
  right = await openClient(s, open, 'right');
  const rg = await geometry(right);
  assert.ok(rg.x >= 1280, 'on the right monitor');
  // Back to the left by key, then right again by command: into each focused window.
  await pressKeys(s, 'super+F3');
  assert.equal(await s.obs.focus(), left.window);
  await pointerInto('the left window', lg);
  await msg('monitor', 'next');
  assert.equal(await s.obs.focus(), right.window);
  await pointerInto('the right window', rg);
});

test('off: the focus moves to the other monitor, the pointer stays', async () => {
  await s.fion.stop();
  s.fion = await startFion(s.display, { args: ['--config', config(false)], env });
  await s.obs.sync();
  const lg = await geometry(left);
  await runTool(s.display, 'xdotool', ['mousemove', String(lg.x + 20), String(lg.y + 20)]);
  const start = await pointer();
  for (const how of ['key', 'msg', 'key'] as const) {
    const before = await s.obs.focus();
    if (how === 'key') await pressKeys(s, 'super+F3');
    else await msg('monitor', 'next');
    await waitFor('the focus on the other monitor', async () => (await s.obs.focus()) !== before);
    await s.obs.sync();
    assert.deepEqual(await pointer(), start, `after monitor next by ${how}`);
  }
});
