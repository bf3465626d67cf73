// Workspaces pinned to outputs by name in the config ("workspace web on RIGHT").
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openSession, type Session } from '../harness/session.js';
import { startFion } from '../harness/fion.js';
import { xrandr as runXrandr } from '../harness/clients.js';
import { tempDir } from '../harness/tmp.js';
import { waitFor } from '../harness/wait.js';

let s: Session;
let modes = 0;
const xrandr = (...args: string[]): Promise<void> => runXrandr(s.display, ...args);
/** setmonitor/delmonitor send no event on Xvfb 21; adding a mode to the output does. */
async function poke(): Promise<void> {
  const name = `pin${++modes}`;
  await xrandr('--newmode', name, '0', '1280', '1280', '1280', '1280', '800', '800', '800', '800');
  await xrandr('--addmode', 'screen', name);
}
/** Bar texts, left to right. */
async function bars(): Promise<string[]> {
  const out: { x: number; text: string }[] = [];
  for (const w of await s.obs.findByClass('fion-bar')) {
    if (!(await s.obs.isViewable(w))) continue;
    out.push({ x: (await s.obs.geometry(w))!.x, text: (await s.obs.text(w)) ?? '' });
  }
  return out.sort((a, b) => a.x - b.x).map((b) => b.text);
}

before(async () => {
  s = await openSession({ xvfb: { screens: [[2560, 800]], extraArgs: ['+extension', 'RANDR'] }, startFion: false });
  await xrandr('--setmonitor', 'LEFT', '1280/338x800/211+0+0', 'screen');
  await xrandr('--setmonitor', 'RIGHT', '1280/338x800/211+1280+0', 'none');
  const config = join(tempDir('fion-pins-'), 'config.yaml');
  writeFileSync(config, 'workspaces:\n  outputs:\n    web: RIGHT\n    mail: HDMI-9\n');
  s.fion = await startFion(s.display, { args: ['--config', config] });
  await s.obs.sync();
});
after(async () => { await s.close(); });

test('a workspace pinned to an output is shown there from the start; a pin to an absent output does nothing', async () => {
  const [left, right] = await bars();
  assert.match(left ?? '', /^\[1\]( \S+)* \|/);
  assert.match(right ?? '', /\[\d+:web\]/);
  assert.doesNotMatch((await s.obs.text(s.obs.root(), '_NET_DESKTOP_NAMES')) ?? '', /mail/);
});

test('when the output comes back, its pinned workspace goes with it', async () => {
  await xrandr('--delmonitor', 'RIGHT');
  await poke();
  await waitFor('one bar', async () => (await bars()).length === 1);
  assert.match((await s.obs.text(s.obs.root(), '_NET_DESKTOP_NAMES')) ?? '', /web/, 'web is kept');
  await xrandr('--setmonitor', 'RIGHT', '1280/338x800/211+1280+0', 'none');
  await poke();
  await waitFor('web on RIGHT again', async () => /\[\d+:web\]/.test((await bars())[1] ?? ''));
});
