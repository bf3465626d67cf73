// Hiding the bar per output, from the config and by command, with two monitors.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openSession, type Session } from '../harness/session.js';
import { startFion } from '../harness/fion.js';
import { key, xrandr as runXrandr } from '../harness/clients.js';
import { tempDir } from '../harness/tmp.js';
import { waitFor } from '../harness/wait.js';

let s: Session;
const xrandr = (...args: string[]): Promise<void> => runXrandr(s.display, ...args);
/** x of each viewable bar, left to right. */
async function shownBars(): Promise<number[]> {
  await s.obs.sync();
  const xs: number[] = [];
  for (const w of await s.obs.findByClass('fion-bar')) if (await s.obs.isViewable(w)) xs.push((await s.obs.geometry(w))!.x);
  return xs.sort((a, b) => a - b);
}

before(async () => {
  s = await openSession({ xvfb: { screens: [[2560, 800]], extraArgs: ['+extension', 'RANDR'] }, startFion: false });
  await xrandr('--setmonitor', 'LEFT', '1280/338x800/211+0+0', 'screen');
  await xrandr('--setmonitor', 'RIGHT', '1280/338x800/211+1280+0', 'none');
  const config = join(tempDir('fion-barhide-'), 'config.yaml');
  writeFileSync(config, 'bar:\n  hidden: [RIGHT]\nbindings:\n  super+b: bar toggle\n  super+shift+a: bar toggle all\n');
  s.fion = await startFion(s.display, { args: ['--config', config] });
  await s.obs.sync();
});
after(async () => { await s.close(); });

test('bar.hidden lists outputs: only LEFT has a bar; toggling acts on the focused monitor, or on all', async () => {
  assert.deepEqual(await shownBars(), [0]);
  await key(s.display, 'super+w');
  await s.obs.sync(); // the mode holds the keyboard now
  await key(s.display, 'o'); // focus RIGHT
  await waitFor('RIGHT focused', async () => /monitor 2\/2 \*/.test(await s.obs.barText(0)) || /monitor 1\/2 \|/.test(await s.obs.barText(0)));
  await key(s.display, 'super+b');
  await waitFor('RIGHT\'s bar shown', async () => (await shownBars()).join() === '0,1280');
  await key(s.display, 'super+shift+a');
  await waitFor('every bar hidden', async () => (await shownBars()).length === 0);
  await key(s.display, 'super+shift+a');
  await waitFor('every bar shown', async () => (await shownBars()).join() === '0,1280');
  await key(s.display, 'super+b');
  await waitFor('RIGHT\'s bar hidden again', async () => (await shownBars()).join() === '0');
});
